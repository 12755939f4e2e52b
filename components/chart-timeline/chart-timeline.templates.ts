import { html, nothing, type TemplateResult } from 'lit';
import type { TimelineBucket, TimelineDensity, TimelineEvent } from '../../model/index.js';
import { chartTimelineMessages as m } from './chart-timeline.messages.js';
import { doseChangeTitle, vitalsDetail } from './entry-words.templates.js';
import type { TimelineEntry } from './timeline-entries.js';
import {
  TIMELINE_FILTERS,
  TIMELINE_ZOOMS,
  type TimelineFilter,
  type TimelineZoom,
} from './timeline-filters.js';
import { formatTime } from './timeline-format.js';

// The parts of the timeline, as templates over plain values. The element
// wires their events; rows are rendered by the virtualizer, so they carry
// their index and the element listens on the list.

const ENDED = new Set(['stopped', 'completed', 'cancelled', 'on-hold']);

function detail(entry: TimelineEntry): TemplateResult | typeof nothing {
  const [event] = entry.events as [TimelineEvent];
  const words = entry.words;
  if (words?.type === 'vital-signs') return vitalsDetail(words.view, words.others);
  if (words?.type === 'dose-change')
    return html`<span class="detail">${m.changedBy(words.author)}</span>`;
  if (words?.type === 'note') return html`<span class="detail excerpt">${words.excerpt}</span>`;
  if (entry.type === 'vital-signs') {
    return html`<span class="detail"
      >${entry.events.map((e, i) => html`${i ? ' · ' : ''}<span class="reading">${e.title}${e.value ? ` ${e.value}` : ''}</span>`)}</span
    >`;
  }
  if (event.status === 'entered-in-error')
    return html`<span class="detail void">${m.enteredInError}</span>`;
  const parts: string[] = [];
  if (entry.type === 'encounter' && event.end) parts.push(m.until(formatTime(event.end)));
  if (event.phase === 'stopped') {
    parts.push(
      event.status && ENDED.has(event.status) ? m.medicationEnded[event.status]! : m.medicationEnds,
    );
  } else if (event.kind === 'MedicationRequest' || event.kind === 'MedicationStatement') {
    if (event.status && ENDED.has(event.status)) parts.push(m.medicationEnded[event.status]!);
    if (event.end) parts.push(m.until(formatTime(event.end)));
  }
  return parts.length ? html`<span class="detail">${parts.join(', ')}</span>` : nothing;
}

/** One row: a native button in a list item, focusable when it is the active one. */
export function entryRow(entry: TimelineEntry, index: number, active: boolean): TemplateResult {
  const [event] = entry.events as [TimelineEvent];
  const title =
    entry.type === 'vital-signs'
      ? m.vitalSet(entry.events.length)
      : entry.words?.type === 'dose-change'
        ? doseChangeTitle(entry.words.change)
        : event.title;
  const kind = event.phase ? m.phase[event.phase] : m.kind[event.kind];
  return html`<div
    role="listitem"
    part="item"
    class="row level-${entry.level} type-${entry.type} kind-${event.kind} ${entry.conflict ? 'conflict' : ''}"
  >
    <button type="button" class="entry" data-index=${index} tabindex=${active ? 0 : -1}>
      <time class="when" datetime=${entry.date}>${formatTime(entry.date)}</time>
      <span class="kind">${kind}</span>
      <span class="title ${event.status === 'entered-in-error' ? 'void' : ''}">${title}</span>
      ${detail(entry)}
      ${entry.conflict ? html`<span class="conflict-badge"><span aria-hidden="true">⚠</span> ${m.conflict}</span>` : nothing}
      ${entry.group ? html`<span class="visually-hidden">${m.inEncounter(entry.group.title)}</span>` : nothing}
    </button>
  </div>`;
}

/** For paper: the virtual list holds only the rows on screen, so every entry loaded is drawn here, while printing only. */
export function printList(entries: readonly TimelineEntry[], more: boolean): TemplateResult {
  const oldest = entries.at(-1)!.date;
  return html`<div class="print-list" role="list">
      ${entries.map((entry, index) => entryRow(entry, index, false))}
    </div>
    <p class="print-footer">
      ${more ? m.printedPart(entries.length, formatTime(oldest)) : m.printedAll(entries.length)}
    </p>`;
}

/** Above a list moved back by a bar of the strip, with the way back. */
export function jumpedNote(jumpedTo: string, onNewest: () => void): TemplateResult {
  return html`<p class="jumped">
    ${m.jumped(formatTime(jumpedTo))}
    <button type="button" class="newest" @click=${onNewest}>${m.newest}</button>
  </p>`;
}

export function filtersFieldset(
  show: readonly TimelineFilter[],
  onChange: (event: Event) => void,
): TemplateResult {
  return html`<fieldset class="filters" part="filters">
    <legend>${m.filters}</legend>
    ${TIMELINE_FILTERS.map((f) => html`<label><input type="checkbox" name="show" value=${f} .checked=${show.includes(f)} @change=${onChange} /> ${m.filter[f]}</label>`)}
  </fieldset>`;
}

export function zoomButtons(
  zoom: TimelineZoom,
  onZoom: (zoom: TimelineZoom) => void,
): TemplateResult {
  return html`<div class="zoom" part="zoom" role="group" aria-label=${m.zoomLabel}>
    ${TIMELINE_ZOOMS.map((z) => html`<button type="button" aria-pressed=${z === zoom ? 'true' : 'false'} @click=${() => onZoom(z)}>${m.zoom[z]}</button>`)}
  </div>`;
}

export interface StripState {
  /** The bar that holds the newest entry shown. */
  current: number;
  /** The bar that takes the strip's Tab stop. */
  focus: number;
}

/** The histogram of the range: a bar per bucket, its height on a log scale so a lone event shows beside thousands of readings. */
export function densityStrip(
  density: TimelineDensity,
  state: StripState,
  onJump: (bucket: TimelineBucket) => void,
  onKeydown: (event: KeyboardEvent) => void,
): TemplateResult {
  const totals = density.buckets.map((b) => b.events + b.vitalSigns);
  const scale = Math.log1p(Math.max(1, ...totals));
  return html`<div class="density" part="density">
    <div class="bars" role="group" aria-label=${m.density} @keydown=${onKeydown}>
      ${density.buckets.map(
        (b, i) =>
          html`<button
            type="button"
            class="bar ${totals[i] ? '' : 'none'}"
            tabindex=${i === state.focus ? 0 : -1}
            aria-current=${i === state.current ? 'location' : nothing}
            aria-label=${m.bar(formatTime(b.from), formatTime(b.to), b.events, b.vitalSigns)}
            @click=${() => onJump(b)}
          >
            <span
              class="fill"
              style="block-size: ${totals[i] ? 12 + (88 * Math.log1p(totals[i]!)) / scale : 0}%"
            ></span>
          </button>`,
      )}
    </div>
    <div class="axis" aria-hidden="true">
      <span>${formatTime(density.from!)}</span><span>${formatTime(density.to!)}</span>
    </div>
  </div>`;
}
