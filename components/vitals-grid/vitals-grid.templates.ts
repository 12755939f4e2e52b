import { html, nothing, type TemplateResult } from 'lit';
import { postpartumDaysOf, type ObservationsDue } from '../../clinical/index.js';
import { formatDay } from '../shared/format-time.js';
import type { ColumnView } from './vitals-columns.js';
import { vitalsGridMessages as m } from './vitals-grid.messages.js';
import { formatTime } from './vitals-table.js';
import type { WindowState } from './vitals-window.js';

// The parts of the grid around its table that are pure rendering: the
// toolbar, the overdue marker and the notes on why NEWS2 is withheld.

type Ready = Extract<WindowState, { status: 'ready' }>;

export interface Paging {
  newer(): void;
  older(): void;
  newest(): void;
}

/** `record`: the record button, open or not; none when the user may not record a set here. */
export function toolbar(
  state: Ready,
  views: ColumnView[],
  record: { open: boolean; toggle: () => void } | undefined,
  paging: Paging,
) {
  const oldest = views.at(-1);
  const newest = views[0];
  return html`<div class="toolbar" part="toolbar">
    ${
      record
        ? html`<button
            class="record primary"
            aria-expanded=${record.open ? 'true' : 'false'}
            aria-controls="entry"
            @click=${record.toggle}
          >
            ${record.open ? m.closeForm : m.record}
          </button>`
        : nothing
    }
    ${oldest && newest ? html`<span class="range">${m.showing(views.length, formatTime(oldest.time), formatTime(newest.time))}</span>` : nothing}
    <span class="paging">
      <button ?disabled=${!state.hasNewer} @click=${paging.newer}>
        <span aria-hidden="true">←</span> ${m.newer}
      </button>
      <button ?disabled=${!state.hasOlder} @click=${paging.older}>
        ${m.older} <span aria-hidden="true">→</span>
      </button>
      ${state.isNewest ? nothing : html`<button @click=${paging.newest}>${m.newest}</button>`}
    </span>
  </div>`;
}

/** The overdue marker, or for a patient who has died, that no set is due. */
export function dueNote(due: ObservationsDue | undefined): TemplateResult | typeof nothing {
  if (due?.state === 'died')
    return html`<p part="not-due" class="not-due">
      ${m.notDueDied(due.date && formatDay(due.date, m.dateLocale))}
    </p>`;
  if (due?.state !== 'overdue') return nothing;
  const [since, every] = [m.duration(due.minutesSince), m.duration(due.everyMinutes)];
  return html`<p part="overdue" class="overdue">
    <span aria-hidden="true">◷</span>
    ${due.news2 ? m.overdueByNews2(since, every, due.news2) : m.overdue(since, every)}
  </p>`;
}

/** Why sets on the page have no NEWS2: a child's, or in pregnancy or soon after. */
export function news2Notes(views: ColumnView[], hostRanges: boolean, postpartumDays: number) {
  const withheld = new Set(views.map((view) => view.news2Withheld));
  const pregnancy = withheld.has('pregnancy')
    ? m.pregnancy
    : withheld.has('postpartum')
      ? m.postpartum(postpartumDaysOf(postpartumDays))
      : undefined;
  return html`${withheld.has('under-16') ? html`<p part="child-note" class="news2-note">${m.childRanges(hostRanges)}</p>` : nothing}
  ${pregnancy ? html`<p part="pregnancy-note" class="news2-note">${pregnancy}</p>` : nothing}`;
}
