import type { BundleIssue } from '../bundle/bundle-issue.js';

/** Why the store could not do what was asked: stable codes a component can show. */
export type ChartStoreErrorCode =
  /** IndexedDB is missing or refused (private mode, disabled storage). */
  | 'unavailable'
  /** Another tab holds an older version of the database open and will not let go. */
  | 'blocked'
  /** This tab's code is older than the database another tab upgraded: reload. */
  | 'version-change'
  /** The device is out of storage space; nothing of the change was kept. */
  | 'quota-exceeded'
  /** The resource or bundle is not valid FHIR R4; `issues` say where. */
  | 'invalid'
  /** The revision named as the one being changed is no longer current: show the new one first. */
  | 'stale'
  /** The resource is not in this chart. */
  | 'not-found'
  /** The user's role does not write. */
  | 'read-only'
  /** The store was closed. */
  | 'closed';

export class ChartStoreError extends Error {
  override readonly name = 'ChartStoreError';
  constructor(
    readonly code: ChartStoreErrorCode,
    message: string,
    readonly issues: readonly BundleIssue[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isChartStoreError(error: unknown): error is ChartStoreError {
  return error instanceof Error && error.name === 'ChartStoreError' && 'code' in error;
}
