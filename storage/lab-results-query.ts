import { Dexie } from 'dexie';
import { isLaboratory } from '../clinical/lab-category.js';
import {
  ChartStoreError,
  type DiagnosticReport,
  type LabResults,
  type LabResultsQuery,
  type Observation,
} from '../model/index.js';
import type { ChartTables, RecordRow } from './chart-tables.js';
import { newestFirst, toChartRecord } from './chart-record.js';
import { sortableDate } from './projection.js';

// Laboratory results with the reports that group them. Laboratory
// observations share the `observation` lane with the other non-vital
// observations (social history, surveys), which are few beside them: the
// lane's date index is read newest first and the others are skipped, so a
// `limit` reads about as many rows as it returns, whatever the chart's size.
// No index of its own is needed.

export async function labResultsOf(
  db: Pick<ChartTables, 'records'>,
  patientId: string,
  { from, to, limit }: LabResultsQuery = {},
): Promise<LabResults> {
  if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) {
    throw new ChartStoreError(
      'invalid',
      `A lab results query's limit must be a whole number above 0, not ${String(limit)}.`,
    );
  }
  const lower = sortableDate(from) ?? Dexie.minKey;
  const upper = sortableDate(to) ?? Dexie.maxKey;
  const range = () =>
    db.records
      .where('[patientId+lane+date]')
      .between([patientId, 'observation', lower], [patientId, 'observation', upper], true, false)
      .reverse();
  const isLab = (row: RecordRow) => isLaboratory(row.heads[0]!.resource as Observation);
  let rows: RecordRow[];
  if (limit === undefined) rows = (await range().toArray()).filter(isLab);
  else {
    // Read in batches (one getAll each, far cheaper than a filtered cursor)
    // until limit + 1 laboratory rows are in hand or the lane is read.
    rows = [];
    let offset = 0;
    for (;;) {
      const batch = Math.ceil((limit + 1 - rows.length) * 1.25) + 16;
      const read = await range().offset(offset).limit(batch).toArray();
      rows.push(...read.filter(isLab));
      offset += read.length;
      if (rows.length > limit || read.length < batch) break;
    }
    rows = rows.slice(0, limit + 1);
  }
  const more = limit !== undefined && rows.length > limit;
  const shown = more ? rows.slice(0, limit) : rows;
  // The reports of the span the results cover: a report and its results share their time.
  const oldest = more ? (shown.at(-1)?.date ?? lower) : lower;
  const reports: RecordRow[] = shown.length
    ? await db.records
        .where('[patientId+lane+date]')
        .between(
          [patientId, 'DiagnosticReport', oldest],
          [patientId, 'DiagnosticReport', upper],
          true,
          false,
        )
        .toArray()
    : [];
  return {
    observations: shown.map((row) => toChartRecord<Observation>(row)),
    reports: [...reports].sort(newestFirst).map((row) => toChartRecord<DiagnosticReport>(row)),
    more,
  };
}
