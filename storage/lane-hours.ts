import type { ChartDatabase, LaneHourRow, RecordRow } from './database.js';
import type { Lane } from './projection.js';

// How many records each lane of a chart holds per hour of clinical time,
// kept in the transaction that writes the records. IndexedDB counts an index
// range by walking it: the density strip of a month in intensive care
// (302,400 vital signs) took about 50 ms to count, at every change. With
// these counts it sums the hours a bucket covers whole and walks only the
// hours its edges cut through.

/**
 * The hour a sortable date falls in ('2024-03-01T08'); a date without a time
 * ('2024-03-01') is its own. Every date d with hourOf(d) = h sorts at or after
 * h and before any later hour, so a range of hours is a range of dates.
 */
export function hourOf(date: string): string {
  return date.length > 13 ? date.slice(0, 13) : date;
}

/** The first hour that starts at or after a date: where whole hours begin. */
function hourFrom(date: string): string {
  const hour = hourOf(date);
  if (hour === date) return hour;
  const next = Date.parse(`${hour}:00:00.000Z`) + 3_600_000;
  return Number.isNaN(next) ? date : new Date(next).toISOString().slice(0, 13);
}

type HourKey = [patientId: string, lane: Lane, hour: string];

/**
 * Moves each changed record's count from the hour and lane it was in to the
 * ones it is in now. Call inside the rw transaction (records and laneHours)
 * that writes the new rows. Records with no clinical time are not counted:
 * no timeline range holds them.
 */
export async function countHours(db: ChartDatabase, changes: ReadonlyArray<{ before: RecordRow | undefined; after: RecordRow }>): Promise<void> {
  const deltas = new Map<string, { key: HourKey; delta: number }>();
  const add = ({ patientId, lane, date }: RecordRow, delta: number) => {
    if (!date) return;
    const key: HourKey = [patientId, lane, hourOf(date)];
    const id = key.join('\u0000');
    const entry = deltas.get(id);
    if (entry) entry.delta += delta;
    else deltas.set(id, { key, delta });
  };
  for (const { before, after } of changes) {
    if (before) add(before, -1);
    add(after, 1);
  }
  const moved = [...deltas.values()].filter(({ delta }) => delta !== 0);
  if (moved.length === 0) return;
  const rows = await db.laneHours.bulkGet(moved.map(({ key }) => key));
  const put: LaneHourRow[] = [];
  const emptied: HourKey[] = [];
  moved.forEach(({ key: [patientId, lane, hour], delta }, i) => {
    const count = (rows[i]?.count ?? 0) + delta;
    if (count > 0) put.push({ patientId, lane, hour, count });
    else if (rows[i]) emptied.push([patientId, lane, hour]);
  });
  await Promise.all([put.length > 0 && db.laneHours.bulkPut(put), emptied.length > 0 && db.laneHours.bulkDelete(emptied)]);
}

/** The counts of every record, from the index alone: for a database that had none. */
export async function countAllHours(records: ChartDatabase['records'], laneHours: ChartDatabase['laneHours']): Promise<void> {
  const counts = new Map<string, LaneHourRow>();
  const keys = await records.orderBy('[patientId+lane+date]').keys() as unknown as Array<[string, Lane, string]>;
  for (const [patientId, lane, date] of keys) {
    if (!date) continue;
    const hour = hourOf(date);
    const id = `${patientId}\u0000${lane}\u0000${hour}`;
    const row = counts.get(id);
    if (row) row.count++;
    else counts.set(id, { patientId, lane, hour, count: 1 });
  }
  await laneHours.bulkPut([...counts.values()]);
}

/**
 * How many records of one lane fall in each slice [edges[i], edges[i + 1]):
 * the hours a slice covers whole from the counts, the rest (the hours its
 * edges cut through) counted on the index. Call inside a transaction that
 * reads records and laneHours.
 */
export async function countSlices(db: ChartDatabase, patientId: string, lane: Lane, edges: readonly string[]): Promise<number[]> {
  const walk = (from: string, to: string) => from < to
    ? db.records.where('[patientId+lane+date]').between([patientId, lane, from], [patientId, lane, to], true, false).count()
    : 0;
  const hours = await db.laneHours.where('[patientId+lane+hour]')
    .between([patientId, lane, hourOf(edges[0]!)], [patientId, lane, hourOf(edges.at(-1)!)], true, true).toArray();
  return Promise.all(edges.slice(0, -1).map(async (from, i) => {
    const to = edges[i + 1]!;
    const [wholeFrom, wholeTo] = [hourFrom(from), hourOf(to)];
    if (wholeFrom >= wholeTo) return walk(from, to);
    let whole = 0;
    for (const { hour, count } of hours) if (hour >= wholeFrom && hour < wholeTo) whole += count;
    const [head, tail] = await Promise.all([walk(from, wholeFrom), walk(wholeTo, to)]);
    return head + whole + tail;
  }));
}
