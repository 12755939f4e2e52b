import { Dexie } from 'dexie';
import type {
  ChartTables,
  LaneDayRow,
  LaneDayTable,
  RecordRow,
  RecordTable,
} from './chart-tables.js';
import { firstKeyAfter } from './index-keys.js';
import type { Lane } from './projection.js';

// How many observations a chart holds per day of clinical time (UTC), kept
// in the transaction that writes the records. IndexedDB counts an index range
// by walking it: the density strip of a month in intensive care (302,400
// vital signs) took over 20 ms to count, at every change. With these counts
// it sums the days a slice covers whole and walks only the days its edges cut
// through. A day, not an hour: reading a row costs about as much as walking a
// hundred keys, and a month of hours is 720 rows.
//
// Only observations are counted: monitors and analysers record thousands a
// day. The other lanes hold a few records a day at most, and a count row for
// every day they touch would cost an import more (a write each) than it saves.

/** The lanes counted per day. */
export const COUNTED_LANES: ReadonlySet<Lane> = new Set<Lane>(['vital-signs', 'observation']);

/**
 * The day a sortable date falls in ('2024-03-01'); a partial date ('2024-03')
 * is its own. Every date d with dayOf(d) = k sorts at or after k and before
 * any later day, so a range of days is a range of dates.
 */
export function dayOf(date: string): string {
  return date.length > 10 ? date.slice(0, 10) : date;
}

/** The first day that starts at or after a date: where whole days begin. */
function dayFrom(date: string): string {
  const day = dayOf(date);
  if (day === date) return day;
  const next = Date.parse(`${day}T00:00:00.000Z`) + 86_400_000;
  return Number.isNaN(next) ? date : new Date(next).toISOString().slice(0, 10);
}

type DayKey = [patientId: string, lane: Lane, day: string];

/** A day key as one string, for maps. */
const idOf = (patientId: string, lane: Lane, day: string) =>
  `${patientId}\u0000${lane}\u0000${day}`;

/**
 * Moves each changed observation's count from the day and lane it was in to
 * the ones it is in now. Call inside the rw transaction (records and laneDays)
 * that writes the new rows. Records with no clinical time are not counted:
 * no timeline range holds them.
 */
export async function countDays(
  db: Pick<ChartTables, 'laneDays'>,
  changes: ReadonlyArray<{ before: RecordRow | undefined; after: RecordRow }>,
): Promise<void> {
  const deltas = new Map<string, { key: DayKey; delta: number }>();
  const add = ({ patientId, lane, date }: RecordRow, delta: number) => {
    if (!date || !COUNTED_LANES.has(lane)) return;
    const key: DayKey = [patientId, lane, dayOf(date)];
    const id = idOf(...key);
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
  const stored = await storedDays(
    db,
    moved.map(({ key }) => key),
  );
  const put: LaneDayRow[] = [];
  const emptied: DayKey[] = [];
  for (const { key, delta } of moved) {
    const [patientId, lane, day] = key;
    const row = stored.get(idOf(...key));
    const count = (row?.count ?? 0) + delta;
    if (count > 0) put.push({ patientId, lane, day, count });
    else if (row) emptied.push(key);
  }
  await Promise.all([
    put.length > 0 && db.laneDays.bulkPut(put),
    emptied.length > 0 && db.laneDays.bulkDelete(emptied),
  ]);
}

/**
 * The stored rows of some days, by key: one range read per patient and lane,
 * from its first day to its last, rather than a read per day (an import
 * touches a thousand days, and each read is a request to IndexedDB).
 */
async function storedDays(
  db: Pick<ChartTables, 'laneDays'>,
  keys: readonly DayKey[],
): Promise<Map<string, LaneDayRow>> {
  const spans = new Map<string, { patientId: string; lane: Lane; first: string; last: string }>();
  for (const [patientId, lane, day] of keys) {
    const id = `${patientId}\u0000${lane}`;
    const span = spans.get(id);
    if (!span) spans.set(id, { patientId, lane, first: day, last: day });
    else if (day < span.first) span.first = day;
    else if (day > span.last) span.last = day;
  }
  const ranges = await Promise.all(
    [...spans.values()].map(({ patientId, lane, first, last }) =>
      db.laneDays
        .where('[patientId+lane+day]')
        .between([patientId, lane, first], [patientId, lane, last], true, true)
        .toArray(),
    ),
  );
  return new Map(ranges.flat().map((row) => [idOf(row.patientId, row.lane, row.day), row]));
}

/** The last possible date of a day: a partial date is a day of its own, a full day holds its instants. */
const lastOf = (day: string) => (day.length === 10 ? `${day}\uffff` : day);

/**
 * The counts of every record, for a database that had none: a native count
 * per day, skipping on the index from one day to the next (and over whole
 * lanes not counted), rather than a walk of every key through a cursor (a
 * month of intensive care took seconds).
 */
export async function countAllDays(records: RecordTable, laneDays: LaneDayTable): Promise<void> {
  const INDEX = '[patientId+lane+date]';
  const after = (bound?: unknown[]) => firstKeyAfter<[string, Lane, string]>(records, INDEX, bound);
  const rows: LaneDayRow[] = [];
  let key = await after();
  while (key) {
    const [patientId, lane, date] = key;
    if (!COUNTED_LANES.has(lane)) {
      key = await after([patientId, lane, Dexie.maxKey]);
    } else if (!date) {
      key = await after([patientId, lane, '']); // no clinical time: not counted
    } else {
      const day = dayOf(date);
      const count = await records
        .where(INDEX)
        .between([patientId, lane, day], [patientId, lane, lastOf(day)], true, true)
        .count();
      rows.push({ patientId, lane, day, count });
      key = await after([patientId, lane, lastOf(day)]);
    }
  }
  await laneDays.bulkPut(rows);
}

/**
 * How many records of one counted lane fall in each slice [edges[i], edges[i + 1]):
 * the days a slice covers whole from the counts, the rest (the days its edges
 * cut through) counted on the index, and only where the counts say that day
 * holds something: a walk is a request to IndexedDB, and a sparse lane would
 * otherwise pay two per slice. Call inside a transaction that reads records
 * and laneDays.
 */
export async function countSlices(
  db: Pick<ChartTables, 'records' | 'laneDays'>,
  patientId: string,
  lane: Lane,
  edges: readonly string[],
): Promise<number[]> {
  const days = await db.laneDays
    .where('[patientId+lane+day]')
    .between(
      [patientId, lane, dayOf(edges[0]!)],
      [patientId, lane, dayOf(edges.at(-1)!)],
      true,
      true,
    )
    .toArray();
  /** Whether some day in [first, last] holds a record. */
  const holds = (first: string, last: string) =>
    days.some(({ day }) => day >= first && day <= last);
  const walk = (from: string, to: string) =>
    from < to && holds(dayOf(from), dayOf(to))
      ? db.records
          .where('[patientId+lane+date]')
          .between([patientId, lane, from], [patientId, lane, to], true, false)
          .count()
      : 0;
  return Promise.all(
    edges.slice(0, -1).map(async (from, i) => {
      const to = edges[i + 1]!;
      const [wholeFrom, wholeTo] = [dayFrom(from), dayOf(to)];
      if (wholeFrom >= wholeTo) return walk(from, to);
      let whole = 0;
      for (const { day, count } of days) if (day >= wholeFrom && day < wholeTo) whole += count;
      const [head, tail] = await Promise.all([walk(from, wholeFrom), walk(wholeTo, to)]);
      return head + whole + tail;
    }),
  );
}
