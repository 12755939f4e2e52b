import {
  canonicalJson,
  newImportedRevisionIds,
  patientOf,
  resourceKey,
  type ChartUser,
  type FhirResource,
} from '../model/index.js';
import { newestFirst, toChartRecord } from './chart-record.js';
import type { RecordRow } from './chart-tables.js';
import type { FirstReads } from './first-reads.js';
import { importedRevision } from './imported-revision.js';
import { documentOf } from './new-revision.js';
import { sortableDate } from './projection.js';
import { recordRow } from './record-row.js';

// The first reads of a chart being imported onto a device that has none of
// it, answered from the bundle itself: the rows the import is about to store,
// made as the import makes them (the same keys, revision ids and index
// fields; only each revision's `at` is the moment it was made), read with
// the same ranges as first-reads.ts reads from IndexedDB. So a first visit
// shows its rows while Dexie loads and the import writes, and the store's
// own answers, once it has, are the same rows.

export interface BundleFirstReads extends FirstReads {
  /** The patients whose charts the bundle brings. */
  readonly patients: ReadonlySet<string>;
}

/**
 * The reads of the rows importing `resources` (a bundle read and validated
 * whole) makes for patients new to the device; undefined when the import
 * would not make one row per resource (a resource twice, or one naming no
 * patient, which the import refuses), so that only the store answers.
 */
export async function bundleFirstReads(
  resources: readonly FhirResource[],
  user: ChartUser,
): Promise<BundleFirstReads | undefined> {
  const keys = new Set(resources.map(resourceKey));
  if (keys.size < resources.length || resources.some((r) => patientOf(r) === undefined))
    return undefined;
  const contents = resources.map(canonicalJson);
  // Hashed natively here; importedRevision below and the import after find them named.
  await newImportedRevisionIds(resources, contents);
  const rows = new Map<string, RecordRow>();
  resources.forEach((resource, i) => {
    const key = resourceKey(resource);
    const revision = importedRevision(resource, [], user, contents[i]);
    rows.set(key, recordRow(key, patientOf(resource)!, documentOf(resource), [revision]));
  });
  const all = [...rows.values()];
  const patients = new Set(all.map((row) => row.patientId));

  /** Rows of a patient's lane, with `code` when given, dated from (inclusive) to (exclusive). */
  const range = (
    patientId: string,
    lane: string,
    code: string | undefined,
    from: string | undefined,
    to: string | undefined,
  ) =>
    all.filter(
      (row) =>
        row.patientId === patientId &&
        row.lane === lane &&
        (code === undefined || row.code === code) &&
        (from === undefined || row.date >= from) &&
        (to === undefined || row.date < to),
    );

  return {
    patients,
    stored: (patientId) => Promise.resolve(patients.has(patientId)),
    patient(patientId) {
      const row = rows.get(`Patient/${patientId}`);
      return Promise.resolve(row && toChartRecord(row));
    },
    lane(patientId, lanes) {
      const found = lanes.flatMap((lane) =>
        range(patientId, lane, undefined, undefined, undefined),
      );
      return Promise.resolve(found.sort(newestFirst).map((row) => toChartRecord(row)));
    },
    observations(patientId, lane, { codes, from, to, limit }) {
      if (limit !== undefined && !(Number.isInteger(limit) && limit > 0))
        return Promise.reject(new RangeError('left to the store, which says why'));
      const found = (codes ?? [undefined])
        .flatMap((code) => range(patientId, lane, code, sortableDate(from), sortableDate(to)))
        .sort(newestFirst);
      const kept = limit === undefined ? found : found.slice(0, limit);
      return Promise.resolve(kept.map((row) => toChartRecord(row)));
    },
    close: () => undefined,
  };
}
