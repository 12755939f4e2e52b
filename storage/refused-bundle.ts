import { ChartStoreError, describeIssue } from '../model/index.js';
import type { BundleReadResult } from '../model/bundle-reader.js';

/** Why a bundle with errors is not imported: how many, and the first, named by entry and field. */
export function refusedBundle(result: BundleReadResult): ChartStoreError {
  return new ChartStoreError(
    'invalid',
    `The bundle has ${result.errorCount} error(s); nothing was imported. ${describeIssue(result.errors[0]!)}`,
    result.errors,
  );
}
