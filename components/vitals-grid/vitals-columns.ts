import {
  news2,
  news2Inputs,
  vitalSignOf,
  type News2Result,
  type ScoredSet,
} from '../../clinical/index.js';
import type { ChartRecord, Observation } from '../../model/index.js';
import { readingsOf, type Ranges, type Reading, type RowId } from './vitals-readings.js';
import { vitalsGridMessages as m } from './vitals-grid.messages.js';
import type { News2Withheld } from './vitals-rows.js';

// What the grid shows, from the store's records: one column per observation
// time, one cell per row, every head of a conflicting record as its own
// reading, and the NEWS2 of each column. Pure: no DOM, no store.

export {
  ROWS,
  ROW_SIGN,
  type CellFlag,
  type Ranges,
  type Reading,
  type RowId,
} from './vitals-readings.js';

export interface Cell {
  readings: Reading[];
  conflict: boolean;
}

export interface News2View {
  /** One result, or one per differing version when the column holds a conflict. */
  results: News2Result[];
  conflict: boolean;
  fromGcs?: number;
}

export interface VitalsColumn {
  /** Sortable time: a UTC ISO instant, or a partial date as written. */
  time: string;
  records: Array<ChartRecord<Observation>>;
}

export interface ColumnView {
  time: string;
  cells: Partial<Record<RowId, Cell>>;
  news2?: News2View;
  conflict: boolean;
  /** Why the column has no NEWS2: taken before the 16th birthday (the caller passes no adult ranges then), in a recorded pregnancy, or soon after one. */
  news2Withheld?: News2Withheld;
}

const VOID = new Set(['entered-in-error', 'cancelled']);

/** When an observation was taken, as the store sorts it. */
export function observationTime(observation: Observation): string | undefined {
  const value =
    observation.effectiveDateTime ??
    observation.effectivePeriod?.start ??
    observation.effectiveInstant ??
    observation.issued;
  if (!value || value.length <= 10) return value;
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : new Date(time).toISOString();
}

/** The newest set with a NEWS2, unless a newer one has its NEWS2 withheld: the last score, which may ask for the next set sooner. */
export function lastScoredSet(views: readonly ColumnView[]): ScoredSet | undefined {
  for (const view of views) {
    if (view.news2Withheld) return undefined;
    if (view.news2) return { time: view.time, results: view.news2.results };
  }
  return undefined;
}

/** Records (newest first) into columns of one time each, newest first; records the grid has no row for are left out. */
export function groupColumns(records: ReadonlyArray<ChartRecord<Observation>>): VitalsColumn[] {
  const columns = new Map<string, VitalsColumn>();
  for (const record of records) {
    const time = observationTime(record.current);
    if (!time || !record.heads.some((head) => vitalSignOf(head.resource.code))) continue;
    let column = columns.get(time);
    if (!column) columns.set(time, (column = { time, records: [] }));
    column.records.push(record);
  }
  return [...columns.values()];
}

/** A systolic and a diastolic recorded apart, at one time, read as one pressure. */
function joinHalves(cell: Cell | undefined): void {
  if (!cell) return;
  const halves = cell.readings.filter((r) => r.half && !r.version && !r.void);
  const systolic = halves.filter((r) => r.half === 'systolic');
  const diastolic = halves.filter((r) => r.half === 'diastolic');
  if (systolic.length === 1 && diastolic.length === 1) {
    const [s, d] = [systolic[0]!, diastolic[0]!];
    const joined: Reading = {
      text: `${s.text}/${d.text}`,
      flags: [...s.flags, ...d.flags],
      ...(s.value !== undefined && { value: s.value }),
      ...(d.value !== undefined && { second: d.value }),
    };
    cell.readings = [joined, ...cell.readings.filter((r) => r !== s && r !== d)];
  }
  for (const r of cell.readings) {
    if (r.half) r.text = r.half === 'systolic' ? m.systolicOnly(r.text) : m.diastolicOnly(r.text);
  }
}

function news2View(
  records: ReadonlyArray<ChartRecord<Observation>>,
  spo2Scale: 1 | 2,
): News2View | undefined {
  // A conflict is never resolved here: each version of the column is scored, and all differing scores are shown.
  const versions = Math.max(1, ...records.map((r) => r.heads.length));
  const results: News2Result[] = [];
  let fromGcs: number | undefined;
  for (let v = 0; v < versions; v++) {
    const observations = records.map((r) => r.heads[Math.min(v, r.heads.length - 1)]!.resource);
    const { input, consciousnessFromGcs } = news2Inputs(observations, { spo2Scale });
    const result = news2(input);
    if (!Object.keys(result.scores).length) continue;
    fromGcs ??= consciousnessFromGcs;
    if (!results.some((r) => r.label === result.label)) results.push(result);
  }
  if (!results.length) return undefined;
  return { results, conflict: results.length > 1, ...(fromGcs !== undefined && { fromGcs }) };
}

/** Everything one column shows; no NEWS2 where it does not apply. */
export function columnView(
  column: VitalsColumn,
  ranges: Ranges,
  spo2Scale: 1 | 2,
  news2Withheld?: News2Withheld,
): ColumnView {
  const cells: Partial<Record<RowId, Cell>> = {};
  let conflict = false;
  for (const record of column.records) {
    const count = record.heads.length;
    record.heads.forEach((head, index) => {
      const isVoid = VOID.has(head.resource.status);
      for (const [row, reading] of readingsOf(head.resource, ranges)) {
        const cell = (cells[row] ??= { readings: [], conflict: false });
        cell.readings.push({
          ...reading,
          ...(isVoid && { void: true, flags: [] }),
          ...(count > 1 && {
            version: { index: index + 1, count, author: head.author.displayName },
          }),
        });
        if (count > 1) cell.conflict = conflict = true;
      }
    });
  }
  joinHalves(cells['blood-pressure']);
  if (news2Withheld) return { time: column.time, cells, conflict, news2Withheld };
  const news2 = news2View(column.records, spo2Scale);
  return { time: column.time, cells, conflict, ...(news2 && { news2 }) };
}

/** A row's values across columns, oldest first, for the trend line: one series, two for blood pressure. */
export function trendOf(
  row: RowId | 'news2',
  views: readonly ColumnView[],
): Array<Array<number | undefined>> {
  const oldestFirst = [...views].reverse();
  if (row === 'news2')
    return [oldestFirst.map((v) => (v.news2?.conflict ? undefined : v.news2?.results[0]?.total))];
  const first = (v: ColumnView) =>
    v.cells[row]?.readings.find((r) => !r.void && !r.version && r.value !== undefined);
  const series = [oldestFirst.map((v) => first(v)?.value)];
  if (row === 'blood-pressure') series.push(oldestFirst.map((v) => first(v)?.second));
  return series;
}
