import { html, nothing, type TemplateResult } from 'lit';
import { labValue } from '../../clinical/lab-results.js';
import type { Observation, Revision } from '../../model/index.js';
import { flagBadge, formatTime } from './lab-grid.templates.js';
import { labResultsMessages as m } from './lab-results.messages.js';
import type { LabCell, LabRow } from './lab-table.js';

// One result opened from the table: its value, flag, range and status, and
// for a result the laboratory corrected or amended, its revisions (the
// chart's revision log, `ChartStore.history`), oldest first.

export type HistoryState =
  | { status: 'loading' }
  | { status: 'ready'; revisions: Revision[] }
  | { status: 'error'; message: string };

export interface OpenResult {
  row: LabRow;
  cell: LabCell;
  history: HistoryState;
}

function revisions(history: HistoryState): TemplateResult {
  if (history.status === 'loading') return html`<p>${m.historyLoading}</p>`;
  if (history.status === 'error') return html`<p>${m.historyFailed(history.message)}</p>`;
  return html`<ol class="revisions">
    ${history.revisions.map(
      (r) =>
        html`<li>
          ${m.revision(
            formatTime(r.at),
            r.author.displayName,
            `${labValue(r.resource as Observation).text} (${(r.resource as Observation).status})`,
          )}${r.reason ? html` — ${r.reason}` : nothing}
        </li>`,
    )}
  </ol>`;
}

export function detailPanel({ row, cell, history }: OpenResult, onClose: () => void) {
  const many = history.status === 'ready' && history.revisions.length > 1;
  return html`<section part="detail" class="detail" aria-label=${m.detailTitle(row.name)}>
    <div class="trend-head">
      <h3 class="trend-title">${m.detailTitle(row.name)}</h3>
      <button class="close" @click=${onClose}>${m.close}</button>
    </div>
    <dl>
      <dt>${m.time}</dt>
      <dd>${formatTime(cell.time)}</dd>
      <dt>${m.value}</dt>
      <dd>${cell.value.text} ${flagBadge(cell)}</dd>
      <dt>${m.flag}</dt>
      <dd>${cell.flag.label}</dd>
      <dt>${m.referenceRange}</dt>
      <dd>${row.range || m.noRange}</dd>
      <dt>${m.status}</dt>
      <dd>${cell.revised ? m.revised[cell.revised] : cell.status}</dd>
    </dl>
    ${
      cell.revised || many
        ? html`<h4 class="history-title">${m.history}</h4>
            ${revisions(history)}`
        : nothing
    }
  </section>`;
}
