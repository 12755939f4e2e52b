import {
  conceptLabel,
  isAbnormalFlag,
  labClass,
  labFlag,
  labRange,
  labValue,
  type LabFlagResult,
  type LabValue,
} from '../../clinical/lab-results.js';
import type {
  DiagnosticReport,
  LabResults,
  Observation,
  Patient,
  ResourceKey,
} from '../../model/index.js';
import { labResultsMessages as m } from './lab-results.messages.js';
import { withinSpan, type LabSpan } from './lab-span.js';

// The cumulative table as data: tests as rows grouped by panel (the
// DiagnosticReport whose `result` holds them, else the test's LOINC class,
// else "Other tests"), times as columns, newest first. Derived from the
// store's answer alone; the element memoises it.

export interface LabCell {
  key: ResourceKey;
  time: string;
  value: LabValue;
  flag: LabFlagResult;
  /** `corrected` or `amended`: the laboratory changed the result after it was first reported. */
  revised?: 'corrected' | 'amended';
  status: string;
  report?: ResourceKey;
}

export interface LabRow {
  /** Unique in the table: the panel and the test. */
  id: string;
  /** The test's LOINC code (or first code), for its trend. */
  code?: string;
  name: string;
  /** The newest result's reference range, as written. */
  range: string;
  /** Cells by column time. */
  cells: ReadonlyMap<string, LabCell>;
}

export interface LabGroup {
  /** A report's code, `class:<LOINC class>`, or `other`. */
  id: string;
  /** What gathers the rows: the report that holds them, their LOINC class, or neither. */
  kind: 'report' | 'class' | 'other';
  name: string;
  rows: LabRow[];
}

export interface LabTable {
  /** Column times (sortable ISO), newest first. */
  times: string[];
  groups: LabGroup[];
}

const OTHER = 'other';
const LOINC = 'http://loinc.org';

function timeOf(observation: Observation): string {
  const value =
    observation.effectiveDateTime ??
    observation.effectivePeriod?.start ??
    observation.effectiveInstant ??
    observation.issued ??
    '';
  if (value.length <= 10) return value;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? value : new Date(ms).toISOString();
}

function codeOf(observation: Observation): string | undefined {
  const codings = observation.code.coding ?? [];
  return (codings.find((c) => c.system === LOINC) ?? codings[0])?.code;
}

/** Which report holds each result, and where in its list. */
function reportIndex(reports: LabResults['reports']) {
  const index = new Map<string, { report: DiagnosticReport; key: ResourceKey; position: number }>();
  for (const record of reports) {
    const report = record.current;
    (report.result ?? []).forEach((reference, position) => {
      if (reference.reference && !index.has(reference.reference))
        index.set(reference.reference, { report, key: record.key, position });
    });
  }
  return index;
}

/** The group a result falls in: its report's panel, else its LOINC class, else "Other tests". */
function groupOf(
  observation: Observation,
  holder: { report: DiagnosticReport } | undefined,
): Omit<LabGroup, 'rows'> {
  if (holder) {
    const code = holder.report.code;
    return {
      id: code.coding?.[0]?.code ?? code.text ?? '',
      kind: 'report',
      name: conceptLabel(code) ?? m.unnamedPanel,
    };
  }
  const found = labClass(observation);
  if (found) return { id: `class:${found.code}`, kind: 'class', name: found.name };
  return { id: OTHER, kind: 'other', name: m.otherTests };
}

/** Report panels first, then LOINC classes, then "Other tests". */
const KIND_ORDER: Record<LabGroup['kind'], number> = { report: 0, class: 1, other: 2 };

/** The table of a patient's laboratory results. */
export function labTable(results: LabResults, patient: Patient | undefined): LabTable {
  const holders = reportIndex(results.reports);
  const times = new Set<string>();
  const groups = new Map<string, { group: LabGroup; order: Map<string, number> }>();
  for (const record of results.observations) {
    const observation = record.current;
    if (observation.status === 'entered-in-error' || observation.status === 'cancelled') continue;
    const time = timeOf(observation);
    const holder = holders.get(record.key);
    const group = groupOf(observation, holder);
    const groupId = group.id;
    let entry = groups.get(groupId);
    if (!entry) {
      entry = { group: { ...group, rows: [] }, order: new Map() };
      groups.set(groupId, entry);
    }
    const code = codeOf(observation);
    // Synthea codes urine appearance and odour alike (5767-9): the name tells them apart.
    const rowId = `${groupId}|${code ?? ''}|${conceptLabel(observation.code) ?? record.key}`;
    let row = entry.group.rows.find((r) => r.id === rowId);
    if (!row) {
      // The newest result comes first: its name and range stand for the row.
      row = {
        id: rowId,
        ...(code ? { code } : {}),
        name: conceptLabel(observation.code) ?? code ?? m.unnamedTest,
        range: labRange(observation, patient)?.text ?? '',
        cells: new Map(),
      };
      entry.group.rows.push(row);
      entry.order.set(rowId, holder?.position ?? Number.MAX_SAFE_INTEGER);
    }
    const cells = row.cells as Map<string, LabCell>;
    if (cells.has(time)) continue; // two results of one test at one time: the newest revision is shown
    times.add(time);
    const status = observation.status;
    cells.set(time, {
      key: record.key,
      time,
      value: labValue(observation),
      flag: labFlag(observation, patient),
      status,
      ...(status === 'corrected' || status === 'amended' ? { revised: status } : {}),
      ...(holder ? { report: holder.key } : {}),
    });
  }
  const ordered = [...groups.values()].map(({ group, order }) => ({
    ...group,
    rows: [...group.rows].sort(
      (a, b) => order.get(a.id)! - order.get(b.id)! || a.name.localeCompare(b.name),
    ),
  }));
  // Report panels by name, then LOINC class groups by name, "Other tests" last.
  ordered.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.name.localeCompare(b.name));
  return { times: [...times].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)), groups: ordered };
}

export interface LabFilters {
  /** A group id, or '' for every panel. */
  panel: string;
  abnormalOnly: boolean;
  span: LabSpan;
  /** Part of a test's name, or its code. */
  search: string;
}

export type LabLine = { kind: 'group'; group: LabGroup } | { kind: 'row'; row: LabRow };

export interface LabView {
  times: string[];
  lines: LabLine[];
}

/** The rows and columns the filters leave, as lines (a panel's header, then its tests). */
export function filterLabTable(table: LabTable, filters: LabFilters): LabView {
  const newest = table.times[0];
  const times = newest ? table.times.filter((t) => withinSpan(t, newest, filters.span)) : [];
  const search = filters.search.trim().toLocaleLowerCase();
  const lines: LabLine[] = [];
  for (const group of table.groups) {
    if (filters.panel && group.id !== filters.panel) continue;
    const rows = group.rows.filter((row) => {
      if (search && !row.name.toLocaleLowerCase().includes(search) && row.code !== search)
        return false;
      const shown = times.map((t) => row.cells.get(t)).filter((c) => c !== undefined);
      if (!shown.length) return false;
      return !filters.abnormalOnly || shown.some((c) => isAbnormalFlag(c.flag.flag));
    });
    if (!rows.length) continue;
    lines.push({ kind: 'group', group }, ...rows.map((row): LabLine => ({ kind: 'row', row })));
  }
  // A column none of the rows left has a value in says nothing: it goes too.
  const filtering = filters.panel || filters.abnormalOnly || search;
  const rowsShown = lines.flatMap((l) => (l.kind === 'row' ? [l.row] : []));
  const used = filtering ? times.filter((t) => rowsShown.some((r) => r.cells.has(t))) : times;
  return { times: used, lines };
}
