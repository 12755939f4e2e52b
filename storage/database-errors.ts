import { ChartStoreError, isChartStoreError, type ResourceKey } from '../model/index.js';

// IndexedDB and Dexie fail in many ways; a component needs to know only a
// few, each with words a clinician or a help desk can act on. The browser's
// own error stays in `cause`.

/** Names a DOMException or a Dexie error carries, directly or through `inner`. */
function errorNames(error: unknown): string[] {
  const names: string[] = [];
  let current = error as { name?: string; inner?: unknown } | undefined;
  for (let depth = 0; current && depth < 5; depth++) {
    if (current.name) names.push(current.name);
    current = current.inner as typeof current;
  }
  return names;
}

/** This tab's code is older than the database (another tab or release upgraded it). */
export function versionChangeError(cause?: unknown): ChartStoreError {
  return new ChartStoreError(
    'version-change',
    'A newer version of the chart is open in another tab: reload this page to keep working.',
    [],
    { cause },
  );
}

/** Another tab holds the database open at an older version and does not let go. */
export function blockedError(cause?: unknown): ChartStoreError {
  return new ChartStoreError(
    'blocked',
    'Another tab has an older version of the chart open: close it to continue.',
    [],
    { cause },
  );
}

export function toChartStoreError(error: unknown, versionChanged = false): ChartStoreError {
  if (isChartStoreError(error)) return error;
  const names = errorNames(error);
  const has = (...candidates: string[]) => candidates.some((name) => names.includes(name));
  const detail = error instanceof Error ? error.message : String(error);
  if (has('QuotaExceededError')) {
    return new ChartStoreError(
      'quota-exceeded',
      'This device is out of storage space for the chart: nothing of the change was saved. Free some space and try again.',
      [],
      { cause: error },
    );
  }
  if (has('VersionError') || versionChanged) return versionChangeError(error);
  if (has('BlockedError')) return blockedError(error);
  if (
    has('MissingAPIError', 'InvalidStateError', 'UnknownError', 'OpenFailedError', 'SecurityError')
  ) {
    return new ChartStoreError(
      'unavailable',
      'This browser cannot keep the chart on this device: its local storage is turned off, refused or failing (a private window, or site data blocked in its settings, can do this). Open the chart in a normal window, or allow this site to store data.',
      [],
      { cause: error },
    );
  }
  if (has('DatabaseClosedError')) {
    return new ChartStoreError('closed', 'The chart store is closed.', [], { cause: error });
  }
  return new ChartStoreError('unavailable', `The chart could not be read or saved: ${detail}`, [], {
    cause: error,
  });
}

/** A write from a revision that is no longer the record's current one (another change came first). */
export function staleError(key: ResourceKey, parents: readonly string[]): ChartStoreError {
  return new ChartStoreError(
    'stale',
    `${key} changed since revision ${parents.join(', ')} was shown: look at the current version first.`,
  );
}
