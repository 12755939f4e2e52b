import { html, nothing, type TemplateResult } from 'lit';
import { VITAL_SIGNS } from '../../clinical/index.js';
import type { DoseChange } from '../../clinical/dose-change.js';
import {
  ROW_SIGN,
  ROWS,
  type CellFlag,
  type ColumnView,
  type Reading,
  type RowId,
} from '../vitals-grid/vitals-columns.js';
import { vitalsGridMessages as grid } from '../vitals-grid/vitals-grid.messages.js';
import { GLYPHS } from '../vitals-grid/vitals-table.js';
import { chartTimelineMessages as m } from './chart-timeline.messages.js';

// An entry's words as templates: a vital-sign set as the vitals grid shows
// its column (its row names, values in their units, flags with text and
// icon, and a complete NEWS2 with its band), and a dose change.

function flagBadge({ result, of }: CellFlag): TemplateResult {
  const level = result.flag.startsWith('critically') ? 'critical' : 'abnormal';
  return html`<span class="flag ${level}"
    ><span aria-hidden="true">${GLYPHS[result.icon]}</span> ${result.label}${
      of ? ` (${of === 'systolic' ? grid.systolic : grid.diastolic})` : ''
    }</span
  >`;
}

/** "37.6 °C", "88/min", "134/85 mmHg": the grid writes the unit in its row header, a line writes it after the value. */
function withUnit(row: RowId, text: string): string {
  const sign = ROW_SIGN[row];
  const unit = sign && VITAL_SIGNS[sign].displayUnit;
  if (!unit || !/\d$/.test(text)) return text;
  return `${text}${VITAL_SIGNS[sign].space ? ' ' : ''}${unit}`;
}

function reading(row: RowId, r: Reading): TemplateResult {
  const value = withUnit(row, r.text);
  return html`<span class="reading ${r.void ? 'void-reading' : ''}"
    >${grid.rows[row]}${r.version ? ` (${grid.version(r.version.index, r.version.author)})` : ''}
    ${r.void ? html`<s>${value}</s> ${m.enteredInError}` : value}${r.flags.map(
      (f) => html` ${flagBadge(f)}`,
    )}</span
  >`;
}

function news2(view: ColumnView): TemplateResult | typeof nothing {
  const results = view.news2?.results ?? [];
  if (view.news2?.conflict)
    return html`<span class="news2"><span aria-hidden="true">⚠</span> ${grid.news2Conflict}</span>`;
  const [result] = results;
  if (!result?.complete || !result.risk) return nothing;
  const icon = result.risk === 'low' ? '' : result.risk === 'high' ? '‼ ' : '! ';
  return html`<span class="news2 risk-${result.risk}"
    >${m.news2(result.total!)},
    <span class="risk"><span aria-hidden="true">${icon}</span>${grid.risk[result.risk]}</span></span
  >`;
}

/** The readings of a set, in the grid's order, then any the grid has no row for; and its NEWS2 when the set is complete. */
export function vitalsDetail(view: ColumnView, others: readonly string[]): TemplateResult {
  const readings = [
    ...ROWS.flatMap((row) => (view.cells[row]?.readings ?? []).map((r) => reading(row, r))),
    ...others.map((other) => html`<span class="reading">${other}</span>`),
  ];
  return html`<span class="detail"
    >${readings.map((r, i) => html`${i ? ' · ' : ''}${r}`)} ${news2(view)}</span
  >`;
}

/** "metFORMIN 500 mg → 1,000 mg twice daily"; the arrow is read as "changed to". */
export function doseChangeTitle(change: DoseChange): TemplateResult {
  return html`${change.name ? `${change.name} ` : ''}${change.from} <span aria-hidden="true">→</span
    ><span class="visually-hidden">${m.changedTo}</span> ${change.to}`;
}
