import type { ChartRecord, ResourceKey } from '../model/index.js';
import { toChartRecord } from './chart-record.js';
import type { RecordTable } from './chart-tables.js';

// Records read by their keys, whatever their patient or kind: a report
// named by the timeline, and the observations that report lists as its
// results. One bulk read of the primary key, so a live query over it
// follows exactly those records.

/** Each key's record, in the order asked, or undefined where the record is not on this device. */
export async function recordsByKey(
  records: RecordTable,
  keys: readonly ResourceKey[],
): Promise<Array<ChartRecord | undefined>> {
  if (keys.length === 0) return [];
  const rows = await records.bulkGet([...keys]);
  return rows.map((row) => (row ? toChartRecord(row) : undefined));
}
