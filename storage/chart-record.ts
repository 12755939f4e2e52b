import type { ChartRecord, FhirResource, Revision } from '../model/index.js';
import type { RecordRow } from './chart-tables.js';

// A projection row as the store hands it over, and the order lists come in:
// shared by the store's queries (queries.ts) and the first reads straight
// from IndexedDB (first-reads.ts), so that both answer alike.

export function toChartRecord<R extends FhirResource>(row: RecordRow): ChartRecord<R> {
  return {
    key: row.key,
    current: row.heads[0]!.resource as R,
    heads: row.heads as Array<Revision<R>>,
  };
}

/** Newest clinical time first; the key breaks ties. */
export function newestFirst(a: RecordRow, b: RecordRow): number {
  return a.date < b.date ? 1 : a.date > b.date ? -1 : a.key < b.key ? 1 : -1;
}
