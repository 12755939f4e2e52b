import { html, nothing, type TemplateResult } from 'lit';
import { labFlagLevel, type FlagIcon } from '../../clinical/lab-results.js';
import { formatTime as formatIn } from '../shared/format-time.js';
import { labResultsMessages as m } from './lab-results.messages.js';
import type { LabCell, LabLine, LabRow, LabView } from './lab-table.js';
import { COLUMN_PX, ROW_PX, type LabWindow } from './lab-viewport.js';

// The cumulative table: a native <table>, a row header per test (its name,
// a button that opens its trend, and its reference range), a column header
// per time. Only the window's rows and columns are rendered; empty spacer
// rows and cells keep the scroll size of the whole table.

/** Icons go with the flag's text, never instead of it. */
export const GLYPHS: Record<FlagIcon, string> = {
  check: '✓',
  'arrow-down': '↓',
  'arrow-up': '↑',
  'arrow-down-double': '⇊',
  'arrow-up-double': '⇈',
  alert: '!',
  'alert-critical': '‼',
};

export const formatTime = (time: string): string => formatIn(time, m.dateLocale);

export function flagBadge(cell: Pick<LabCell, 'flag'>): TemplateResult | typeof nothing {
  const { flag } = cell;
  const level = labFlagLevel(flag.flag);
  if (level === 0 || !flag.icon) return nothing;
  return html`<span class="flag ${level === 2 ? 'critical' : 'abnormal'}" data-flag=${flag.flag}
    ><span aria-hidden="true">${GLYPHS[flag.icon]}</span> ${flag.label}</span
  >`;
}

function cell(c: LabCell | undefined): TemplateResult {
  if (!c)
    return html`<td part="cell" class="none">
      <span aria-hidden="true">–</span><span class="visually-hidden">${m.notTested}</span>
    </td>`;
  const level = labFlagLevel(c.flag.flag);
  return html`<td
    part="cell"
    class=${level === 2 ? 'critical' : level === 1 ? 'abnormal' : ''}
    data-flag=${c.flag.flag}
  >
    <button class="quiet value" data-key=${c.key} data-time=${c.time}>
      <span class="text">${c.value.text}</span> ${flagBadge(c)}
      ${c.revised ? html`<span class="revised">${m.revised[c.revised]}</span>` : nothing}
    </button>
  </td>`;
}

function gap(width: number): TemplateResult | typeof nothing {
  return width > 0
    ? html`<td class="gap" aria-hidden="true" style="inline-size: ${width}px"></td>`
    : nothing;
}

function row(r: LabRow, times: string[], selected: boolean, before: number, after: number) {
  return html`<tr data-row=${r.id}>
    <th scope="row" part="test">
      <button
        class="quiet test-name"
        data-row=${r.id}
        aria-pressed=${selected ? 'true' : 'false'}
        aria-label=${m.showTrend(r.name)}
      >
        ${r.name}
      </button>
      <span class="range">${r.range ? m.rangeLabel(r.range) : m.noRange}</span>
    </th>
    ${gap(before)} ${times.map((t) => cell(r.cells.get(t)))} ${gap(after)}
  </tr>`;
}

function line(
  l: LabLine,
  times: string[],
  span: number,
  selected: string | undefined,
  before: number,
  after: number,
) {
  if (l.kind === 'row') return row(l.row, times, l.row.id === selected, before, after);
  return html`<tr class="group" data-group=${l.group.id}>
    <th scope="colgroup" colspan=${span} part="panel"><span>${l.group.name}</span></th>
  </tr>`;
}

/** The table, rendered for the window only. */
export function labGrid(view: LabView, window: LabWindow, selected: string | undefined) {
  const [r0, r1] = window.rows;
  const [c0, c1] = window.columns;
  const times = view.times.slice(c0, c1);
  const before = c0 * COLUMN_PX;
  const after = (view.times.length - c1) * COLUMN_PX;
  const span = 1 + times.length + (before > 0 ? 1 : 0) + (after > 0 ? 1 : 0);
  const spacer = (rows: number) =>
    rows > 0
      ? html`<tr class="gap" aria-hidden="true">
          <td colspan=${span} style="block-size: ${rows * ROW_PX}px"></td>
        </tr>`
      : nothing;
  return html`<table part="table">
    <caption class="visually-hidden">
      ${m.region}
    </caption>
    <thead>
      <tr>
        <th scope="col" class="corner">${m.test}</th>
        ${gap(before)}
        ${times.map(
          (t) =>
            html`<th scope="col" part="column-header" data-time=${t}>
              <time datetime=${t}>${formatTime(t)}</time>
            </th>`,
        )}
        ${gap(after)}
      </tr>
    </thead>
    <tbody>
      ${spacer(r0)}
      ${view.lines.slice(r0, r1).map((l) => line(l, times, span, selected, before, after))}
      ${spacer(view.lines.length - r1)}
    </tbody>
  </table>`;
}
