import type { ChartRecord, DiagnosticReport, Observation } from '../../model/index.js';
import {
  conceptLabel,
  resultFlag,
  resultRange,
  resultValue,
  type FlagResult,
} from '../../clinical/index.js';
import { presentedForm, type PresentedForm } from './presented-form.js';
import { resultKeys } from './report-query-controller.js';
import { reportViewerMessages as m } from './report-viewer.messages.js';

// What the report view shows, worked out once per answer of the store: the
// rows of its results table and its presented forms (parsed, sanitised).

export interface ResultRow {
  key: string;
  name: string;
  value: string;
  flag?: FlagResult;
  range?: string;
  /** Listed by the report, not on this device. */
  missing: boolean;
  /** Not read from the store yet. */
  pending?: boolean;
}

export interface ReportContents {
  rows: ResultRow[];
  /** Results the report lists that this device cannot read (absolute or contained references). */
  unreadable: number;
  forms: PresentedForm[];
}

export function reportContents(
  report: DiagnosticReport,
  results: ReadonlyArray<ChartRecord | undefined> | undefined,
): ReportContents {
  const keys = resultKeys(report);
  const displays = new Map(
    (report.result ?? []).map((reference) => [reference.reference, reference.display]),
  );
  const rows = keys.map((key, i): ResultRow => {
    if (!results)
      return { key, name: displays.get(key) ?? key, value: '', missing: false, pending: true };
    const record = results[i];
    const observation =
      record?.current.resourceType === 'Observation' ? (record.current as Observation) : undefined;
    if (!observation) return { key, name: displays.get(key) ?? key, value: '', missing: true };
    return {
      key,
      name: conceptLabel(observation.code) ?? displays.get(key) ?? key,
      value: resultValue(observation),
      flag: resultFlag(observation),
      range: resultRange(observation),
      missing: false,
    };
  });
  return {
    rows,
    unreadable: (report.result?.length ?? 0) - keys.length,
    forms: (report.presentedForm ?? []).map((form) => presentedForm(form, m.untitled)),
  };
}
