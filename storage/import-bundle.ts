import type { ImportProgress, ImportSummary } from '../model/index.js';
import type { DexieChartStore } from './dexie-chart-store.js';
import type { ImportMark } from './import-marks.js';
import type { BundleReadResult } from '../model/bundle-reader.js';
import { storeInternals, type StoreInternals } from './store-internals.js';
import { loadWriteSide } from './write-side-loader.js';

export interface ImportOptions {
  onProgress?: (progress: ImportProgress) => void;
  /** Saved in the transaction that saves the revisions (see import-marks.ts): a resumable import's record of what it has completed. */
  marks?: readonly ImportMark[];
}

/**
 * Imports a FHIR Bundle (JSON text or a parsed object) into the store:
 * validated whole first, then written in one transaction, so that a bundle
 * with one bad entry leaves nothing behind. A resource already in the chart
 * with the same content is left alone; with other content it gets a new
 * revision replacing the version imported before (a conflict when the
 * record was changed on a device since). Importing one version twice, on
 * one device or two, makes one revision (see imported-revision.ts). Rejects with a ChartStoreError:
 * 'invalid' (naming the first error of the bundle), 'read-only', or what
 * the database reports.
 *
 * A function, not a store method, and its work (import-writes.ts) a chunk
 * of its own: a page that never imports does not ship the bulk reader
 * (zod's compiled schemas), and one that does loads it on the first import,
 * together with the documents' code.
 */
export function importBundle(
  store: DexieChartStore,
  bundle: unknown,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  return runImport(store, options, (writes, internals, onProgress, marks) =>
    writes.importInto(internals, bundle, onProgress, marks),
  );
}

/**
 * importBundle for a bundle readBundle has read already (the started store
 * reads a bundle imported at start once, to show its rows before they are
 * stored). Not part of the package's API: only a result of readBundle may be
 * given.
 */
export function importReadBundle(
  store: DexieChartStore,
  result: BundleReadResult,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  return runImport(store, options, (writes, internals, onProgress, marks) =>
    writes.importRead(internals, result, onProgress, marks),
  );
}

async function runImport(
  store: DexieChartStore,
  options: ImportOptions,
  write: (
    writes: typeof import('./import-writes.js'),
    internals: StoreInternals,
    onProgress: (progress: ImportProgress) => void,
    marks: readonly ImportMark[],
  ) => Promise<ImportSummary>,
): Promise<ImportSummary> {
  const internals = store[storeInternals]();
  return internals.run(async () => {
    internals.assertWriter();
    const onProgress = options.onProgress ?? (() => {});
    onProgress({ phase: 'validating', done: 0, total: 0 });
    return write(await loadImportWrites(), internals, onProgress, options.marks ?? []);
  });
}

/**
 * Fetches the code of an import now (the bulk reader and the write side),
 * for a page whose first work is an import: on a first visit it then loads
 * while the store opens and the bundle downloads. importBundle() fetches it
 * anyway; this only starts it sooner.
 */
export async function prepareImport(): Promise<void> {
  await loadImportWrites();
}

/** Fetched side by side: the import's own work with the bulk reader, and the write side it writes through. */
async function loadImportWrites(): Promise<typeof import('./import-writes.js')> {
  const [writes] = await Promise.all([import('./import-writes.js'), loadWriteSide()]);
  return writes;
}
