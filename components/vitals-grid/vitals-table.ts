import { html, nothing, type TemplateResult } from 'lit';
import {
  listInWords,
  news2Messages,
  VITAL_SIGNS,
  type FlagIcon,
  type News2Parameter,
  type News2Result,
} from '../../clinical/index.js';
import {
  ROW_SIGN,
  ROWS,
  trendOf,
  type Cell,
  type CellFlag,
  type ColumnView,
  type Reading,
  type RowId,
} from './vitals-columns.js';
import { deliveryNote } from '../shared/delivery-note.js';
import { formatTime as formatIn } from '../shared/format-time.js';
import type { ColumnDeliveryNote } from './vitals-column-delivery.js';
import { vitalsGridMessages as m } from './vitals-grid.messages.js';

// The table of the grid: a native <table>, one row per vital sign with a
// row header, one column per observation time with a column header.

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

/** "12 Mar 2024, 14:05" in the page's time zone; a partial date as a date alone. */
export const formatTime = (time: string): string => formatIn(time, m.dateLocale);

function flagBadge({ result, of }: CellFlag): TemplateResult {
  const level = result.flag.startsWith('critically') ? 'critical' : 'abnormal';
  return html`<span class="flag ${level}"
    ><span aria-hidden="true">${GLYPHS[result.icon]}</span>
    ${result.label}${of ? ` (${of === 'systolic' ? m.systolic : m.diastolic})` : ''}</span
  >`;
}

function reading(r: Reading): TemplateResult {
  return html`<span class="reading ${r.void ? 'void' : ''}">
    ${r.version ? html`<span class="version">${m.version(r.version.index, r.version.author)}</span>` : nothing}
    <span class="value"
      >${r.void ? html`<s>${r.text}</s> <span class="note">${m.enteredInError}</span>` : r.text}</span
    >
    ${r.flags.map(flagBadge)}
  </span>`;
}

function cell(c: Cell | undefined): TemplateResult {
  if (!c?.readings.length)
    return html`<td part="cell" class="none">
      <span aria-hidden="true">–</span><span class="visually-hidden">${m.notRecorded}</span>
    </td>`;
  const versions = Math.max(...c.readings.map((r) => r.version?.count ?? 1));
  const worst = c.readings.some((r) => r.flags.some((f) => f.result.flag.startsWith('critically')))
    ? 'critical'
    : c.readings.some((r) => r.flags.length)
      ? 'abnormal'
      : '';
  return html`<td part="cell" class="${worst} ${c.conflict ? 'conflict' : ''}">
    ${c.conflict ? html`<span class="conflict-badge"><span aria-hidden="true">⚠</span> ${m.conflict(versions)}</span>` : nothing}
    ${c.readings.map(reading)}
  </td>`;
}

const parameterNames = (params: readonly News2Parameter[]) =>
  listInWords(params.map((p) => news2Messages.parameter[p]));

function news2Result(result: News2Result): TemplateResult {
  const reds = (Object.keys(result.scores) as News2Parameter[]).filter(
    (p) => result.scores[p] === 3,
  );
  const red = reds.length
    ? html`<span class="flag critical red"
        ><span aria-hidden="true">‼</span> ${m.redScore(parameterNames(reds))}</span
      >`
    : nothing;
  if (result.complete) {
    return html`<span class="news2-result risk-${result.risk}" title=${result.label}>
      <span class="score">${result.total}</span>
      <span class="risk"
        ><span aria-hidden="true"
          >${result.risk === 'low' ? '' : result.risk === 'high' ? '‼ ' : '! '}</span
        >${m.risk[result.risk!]}</span
      >
      ${red}
    </span>`;
  }
  const missing =
    result.missing.length <= 2 ? parameterNames(result.missing) : `${result.missing.length} of 7`;
  return html`<span
    class="news2-result incomplete risk-${result.minimumRisk}"
    title=${result.label}
  >
    <span class="risk">${m.incomplete}</span>
    <span class="note">${m.missing(missing)}</span>
    ${result.minimumRisk !== 'low' ? html`<span class="note">${m.atLeast(m.risk[result.minimumRisk])}</span>` : nothing}
    ${red}
  </span>`;
}

function news2Cell({ news2: view, news2Withheld }: ColumnView): TemplateResult {
  if (news2Withheld)
    return html`<td part="news2" class="not-scored">${m.news2Withheld[news2Withheld]}</td>`;
  if (!view)
    return html`<td part="news2" class="none">
      <span aria-hidden="true">–</span><span class="visually-hidden">${m.notRecorded}</span>
    </td>`;
  return html`<td part="news2" class="news2 ${view.conflict ? 'conflict' : ''}">
    ${view.conflict ? html`<span class="conflict-badge"><span aria-hidden="true">⚠</span> ${m.news2Conflict}</span>` : nothing}
    ${view.results.map(news2Result)}
    ${view.fromGcs !== undefined ? html`<span class="note">${m.fromGcs(view.fromGcs)}</span>` : nothing}
  </td>`;
}

function trend(label: string, series: Array<Array<number | undefined>>): TemplateResult {
  const values = series[0]!.map((v, i) => {
    const second = series[1]?.[i];
    return v === undefined ? '–' : second === undefined ? String(v) : `${v}/${second}`;
  });
  return html`<td class="trend">
    <emr-vitals-trend
      .series=${series}
      label=${m.trendLabel(label, values.join(', '))}
    ></emr-vitals-trend>
  </td>`;
}

function rowHeader(row: RowId): TemplateResult {
  const sign = ROW_SIGN[row];
  const unit = sign && VITAL_SIGNS[sign].displayUnit;
  return html`<th scope="row">
    ${m.rows[row]}${unit ? html` <span class="unit">(${unit})</span>` : nothing}
  </th>`;
}

/**
 * Where each set stands with the hospital record, as a row of its own at
 * the foot, under a row header, and only when a set has something to say.
 * Not in the column headers: a screen reader reads a column's header again
 * with every cell of the column, and a time is what it should read there;
 * a row is reached once, read with its column's time like any other cell,
 * and its text scrolls into view with the rest of the table in the
 * keyboard-focusable scroller.
 */
function deliveryRow(
  views: readonly ColumnView[],
  deliveries: ReadonlyMap<string, ColumnDeliveryNote[]>,
): TemplateResult | typeof nothing {
  if (!views.some((v) => deliveries.has(v.time))) return nothing;
  return html`<tr class="delivery-row" part="delivery">
    <th scope="row">${m.deliveryRow}</th>
    <td class="trend"></td>
    ${views.map((v) => {
      const notes = deliveries.get(v.time);
      return notes
        ? html`<td class="delivery">${notes.map((n) => deliveryNote(n.delivery, n.words))}</td>`
        : html`<td class="none">
            <span aria-hidden="true">–</span
            ><span class="visually-hidden">${m.deliveryNothing}</span>
          </td>`;
    })}
  </tr>`;
}

const NO_DELIVERIES: ReadonlyMap<string, ColumnDeliveryNote[]> = new Map();

export function vitalsTable(
  views: readonly ColumnView[],
  scale: 1 | 2,
  deliveries: ReadonlyMap<string, ColumnDeliveryNote[]> = NO_DELIVERIES,
): TemplateResult {
  return html`<table part="table">
    <caption class="visually-hidden">
      ${m.caption}
    </caption>
    <thead>
      <tr>
        <th scope="col">${m.vitalSign}</th>
        <th scope="col">${m.trend}</th>
        ${views.map(
          (v) =>
            html`<th scope="col" part="column-header">
              <time datetime=${v.time}>${formatTime(v.time)}</time>
              ${v.conflict ? html`<span class="conflict-badge"><span aria-hidden="true">⚠</span> ${m.conflictColumn}</span>` : nothing}
            </th>`,
        )}
      </tr>
    </thead>
    <tbody>
      ${ROWS.map(
        (row) =>
          html`<tr>
            ${rowHeader(row)} ${trend(m.rows[row], trendOf(row, views))}
            ${views.map((v) => cell(v.cells[row]))}
          </tr>`,
      )}
      <tr class="news2-row">
        <th scope="row">
          ${m.news2}${scale === 2 ? html` <span class="unit">(${m.news2Scale(2)})</span>` : nothing}
        </th>
        ${trend(m.news2, trendOf('news2', views))} ${views.map(news2Cell)}
      </tr>
      ${deliveryRow(views, deliveries)}
    </tbody>
  </table>`;
}
