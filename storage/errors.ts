import { ChartStoreError, isChartStoreError } from '../model/index.js';

// IndexedDB and Dexie fail in many ways; a component needs to know only a
// few, each with words a clinician or a help desk can act on.

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

export function toChartStoreError(error: unknown, versionChanged = false): ChartStoreError {
  if (isChartStoreError(error)) return error;
  const names = errorNames(error);
  const has = (...candidates: string[]) => candidates.some((name) => names.includes(name));
  const detail = error instanceof Error ? error.message : String(error);
  if (has('QuotaExceededError')) {
    return new ChartStoreError('quota-exceeded', 'This device is out of storage space for the chart: nothing of the change was saved. Free some space and try again.', [], { cause: error });
  }
  if (has('VersionError') || versionChanged) {
    return new ChartStoreError('version-change', 'A newer version of the chart is open in another tab: reload this page to keep working.', [], { cause: error });
  }
  if (has('BlockedError')) {
    return new ChartStoreError('blocked', 'Another tab has an older version of the chart open: close it to continue.', [], { cause: error });
  }
  if (has('MissingAPIError', 'InvalidStateError', 'UnknownError', 'OpenFailedError', 'SecurityError')) {
    return new ChartStoreError('unavailable', `The browser's local storage is not available, so the chart cannot be kept on this device (${detail}).`, [], { cause: error });
  }
  if (has('DatabaseClosedError')) {
    return new ChartStoreError('closed', 'The chart store is closed.', [], { cause: error });
  }
  return new ChartStoreError('unavailable', `The chart could not be read or saved: ${detail}`, [], { cause: error });
}
