import { ChartPresenceController } from '../shared/chart-presence-controller.js';
import { consume } from '@lit/context';
import { virtualize, type VirtualizerHostElement } from '@lit-labs/virtualizer/virtualize.js';
import type { VisibilityChangedEvent } from '@lit-labs/virtualizer/events.js';
import { html, nothing, type TemplateResult } from 'lit';
import { property, query } from 'lit/decorators.js';
import { chartStoreContext, type ChartStore, type TimelineBucket } from '../../model/index.js';
import { controlStyles } from '../shared/control.styles.js';
import { EmrElement } from '../shared/emr-element.js';
import { PendingGrace } from '../shared/pending-grace.js';
import { PrintMediaController } from '../shared/print-media-controller.js';
import { stateBoxStyles } from '../shared/state-box.styles.js';
import { EmrTimelineSelectEvent } from './chart-timeline.events.js';
import { chartTimelineMessages as m } from './chart-timeline.messages.js';
import { chartTimelineStyles } from './chart-timeline.styles.js';
import {
  densityStrip,
  entryRow,
  filtersFieldset,
  jumpedNote,
  printList,
  zoomButtons,
} from './chart-timeline.templates.js';
import type { TimelineEntry } from './timeline-entries.js';
import {
  isTimelineZoom,
  parseFilters,
  TIMELINE_FILTERS,
  type TimelineFilter,
  type TimelineZoom,
} from './timeline-filters.js';
import { TimelineFocusController } from './timeline-focus.js';
import { TimelineWindowController, type TimelineView } from './timeline-window.js';
import { TimelineWordsController } from './timeline-words.js';

type Ready = Extract<TimelineView, { status: 'ready' }>;

/** Rows from the end of what is loaded at which older events are asked for. */
const LOAD_AHEAD = 30;

/**
 * One patient's chart in time, newest first: encounters with what belongs
 * to them, notes (with their first words), lab reports, imaging,
 * procedures, immunizations, medications started (each change of dose, and
 * their stop), allergies recorded and vital-sign sets (named, flagged and
 * scored with NEWS2 as the vitals grid does). Filter by kind, zoom to a day, week, month, year or all of it, and
 * jump with the density strip. Only a window of the chart is read, and only
 * the rows on screen are in the DOM, so a month of minute-by-minute monitor
 * data scrolls like a handful of visits. Printed, it lists every entry
 * loaded so far, and says whether older ones in the range were not.
 *
 * Keyboard: Tab to the list, then Up, Down, Page Up, Page Down, Home and End
 * move between entries; Enter or Space opens one. Left, Right, Home and End
 * move between the bars of the strip.
 *
 * @summary Chronological chart timeline with filters, zoom and a density strip.
 * @fires {TimelineSelectDetail} emr-timeline-select - A clinician chose an entry. `detail`: `{ resourceType, id, key, keys, date }`.
 * @csspart toolbar - the filters and the zoom.
 * @csspart filters - the fieldset of kinds to show.
 * @csspart zoom - the range buttons.
 * @csspart density - the density strip and its axis.
 * @csspart list - the scrolling list of entries.
 * @csspart item - one entry.
 * @csspart status - the pending, empty and error messages.
 * @csspart notice - the note that a filter hides allergies.
 * @cssproperty --emr-chart-timeline-height - height of the list (it scrolls within). Default 32rem.
 * @cssproperty --emr-chart-timeline-background - background of the list. Falls back to `--emr-color-surface`.
 * @cssproperty --emr-chart-timeline-border-color - lines and borders. Falls back to `--emr-color-border`.
 * @cssproperty --emr-chart-timeline-row-padding - padding of an entry.
 * @cssproperty --emr-chart-timeline-group-color - the line of an encounter's group. Falls back to `--emr-color-primary`.
 * @cssproperty --emr-chart-timeline-bar-color - bars of the strip. Falls back to `--emr-color-primary`.
 * @cssproperty --emr-chart-timeline-current-color - the bar of the entries shown. Falls back to `--emr-color-attention`.
 * @cssproperty --emr-chart-timeline-conflict-color - marker of an entry in conflict (always with text). Falls back to `--emr-color-conflict`.
 * @cssproperty --emr-chart-timeline-allergy-color - allergy entries and the hidden-allergies notice. Falls back to `--emr-color-severity-high`.
 * @cssproperty --emr-chart-timeline-abnormal-color - an abnormal vital sign's flag and a low–medium or medium NEWS2 (always with text and icon). Falls back to `--emr-color-abnormal`.
 * @cssproperty --emr-chart-timeline-critical-color - a critical flag and a high NEWS2 (always with text and icon). Falls back to `--emr-color-critical`.
 */
export class EmrChartTimeline extends EmrElement {
  static override styles = [EmrElement.styles, controlStyles, stateBoxStyles, chartTimelineStyles];

  /** The FHIR id of the patient. */
  @property({ attribute: 'patient-id' }) patientId = '';
  /** `day`, `week`, `month`, `year` (back from the newest event) or `all`. */
  @property({ reflect: true, converter: (value) => (isTimelineZoom(value) ? value : 'all') })
  zoom: TimelineZoom = 'all';
  /** The kinds shown, space-separated: encounters notes labs imaging procedures immunizations medications allergies vital-signs (all by default). */
  @property({
    converter: {
      fromAttribute: parseFilters,
      toAttribute: (value: TimelineFilter[]) => value.join(' '),
    },
  })
  show: TimelineFilter[] = [...TIMELINE_FILTERS];
  /** NEWS2 SpO₂ scale of the vital-sign sets, as the vitals grid's `spo2-scale`: 2 only for hypercapnic respiratory failure with a prescribed target of 88–92%. */
  @property({ attribute: 'spo2-scale', converter: (value) => (value?.trim() === '2' ? 2 : 1) })
  spo2Scale: 1 | 2 = 1;

  /** The chart store: from context (chartStoreContext), or set directly. */
  @consume({ context: chartStoreContext, subscribe: true })
  @property({ attribute: false })
  store?: ChartStore;

  readonly #window = new TimelineWindowController(this);
  readonly #words = new TimelineWordsController(this, this.#window);
  readonly #presence = new ChartPresenceController(this);
  readonly #grace = new PendingGrace(this, () => this.patientId);
  readonly #print = new PrintMediaController(this);
  readonly #focus = new TimelineFocusController(this, {
    entries: () => this.#entries,
    list: () => this.list,
  });
  /** The last row on screen, as the virtualizer last said. */
  #lastVisible = -1;
  @query('.list') private list?: VirtualizerHostElement;

  override willUpdate(): void {
    // Still near the end once a page has come in (a fast scroll, a short page): ask for the next.
    // The window's own count: the words are worked out later in the update, from the same entries.
    const view = this.#window.view;
    const loaded = view.status === 'ready' ? view.entries.length : 0;
    if (this.#lastVisible >= 0 && this.#lastVisible >= loaded - LOAD_AHEAD)
      this.#window.more(false);
  }

  override render(): TemplateResult {
    const view = this.#words.view;
    // A first answer about to come from the device: no pending state painted before it.
    const pending =
      view.status === 'idle' ||
      view.status === 'pending' ||
      (view.status !== 'error' && this.#presence.pending);
    if (this.patientId && pending && this.#grace.holding) return html``;
    const toolbar = html`<div class="toolbar" part="toolbar">
        ${filtersFieldset(this.show, this.#onFilter)}${zoomButtons(this.zoom, this.#onZoom)}
      </div>
      ${this.show.includes('allergies') ? nothing : html`<p class="notice" part="notice"><span aria-hidden="true">⚠</span> ${m.allergiesHidden}</p>`}`;
    return html`<section aria-label=${m.region}>${toolbar}${this.#body(view)}</section>`;
  }

  #body(view: TimelineView): TemplateResult {
    if (!this.patientId) return html`<p part="status" class="status">${m.noPatient}</p>`;
    if (
      view.status === 'idle' ||
      view.status === 'pending' ||
      (view.status !== 'error' && this.#presence.pending)
    ) {
      return html`<p part="status" class="status pending">${m.pending}</p>`;
    }
    // Not "nothing recorded" for a chart that is not here yet.
    const notice = view.status === 'error' ? undefined : this.#presence.notice('status');
    if (notice) return notice;
    if (view.status === 'error') {
      return html`<div part="status" class="status error">
        <p><span aria-hidden="true">⚠</span> ${m.error(view.error.code)}</p>
        <p class="detail">${m.errorDetail(view.error.message)}</p>
      </div>`;
    }
    if (!view.density.buckets.length) {
      return html`<p part="status" class="status empty">
        ${this.show.length === TIMELINE_FILTERS.length ? m.empty : m.emptyFiltered}
      </p>`;
    }
    return html`${this.#strip(view)}
    ${view.jumpedTo ? jumpedNote(view.jumpedTo, this.#onNewest) : nothing}
    ${view.entries.length ? this.#list(view) : html`<p part="status" class="status empty">${m.emptyRange}</p>`}`;
  }

  #strip(view: Ready): TemplateResult {
    const { buckets } = view.density;
    const newest = view.entries[0]?.date;
    const found = newest ? buckets.findIndex((b) => newest < b.to) : -1;
    const current = found < 0 ? buckets.length - 1 : found;
    const focus = Math.min(this.#focus.focusBar ?? current, buckets.length - 1);
    return densityStrip(view.density, { current, focus }, this.#onJump, this.#focus.onStripKeydown);
  }

  #list(view: Ready): TemplateResult {
    const { entries } = view;
    const active = Math.max(
      0,
      entries.findIndex((e) => e.id === this.#focus.activeId),
    );
    return html`<div
        class="list"
        part="list"
        role="list"
        aria-label=${m.list}
        @keydown=${this.#focus.onListKeydown}
        @click=${this.#onListClick}
        @focusin=${this.#focus.onFocusIn}
        @visibilityChanged=${this.#onVisible}
      >
        <div virtualizer-sizer aria-hidden="true"></div>
        ${virtualize({
          items: entries,
          keyFunction: (entry: TimelineEntry) => entry.id,
          renderItem: (entry: TimelineEntry, index: number) =>
            entryRow(entry, index, index === active),
          scroller: true,
        })}
      </div>
      <p class="footer" aria-live="off">${view.more ? m.loadingMore : m.start}</p>
      ${this.#print.printing ? printList(view.entries, view.more) : nothing}`;
  }

  get #entries(): TimelineEntry[] {
    const view = this.#words.view;
    return view.status === 'ready' ? view.entries : [];
  }

  #onFilter = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    const chosen = new Set(this.show);
    if (input.checked) chosen.add(input.value as TimelineFilter);
    else chosen.delete(input.value as TimelineFilter);
    this.show = TIMELINE_FILTERS.filter((f) => chosen.has(f));
  };

  #onNewest = (): void => this.#window.newest();

  #onZoom = (zoom: TimelineZoom): void => {
    this.zoom = zoom;
    this.#focus.focusBar = undefined;
  };

  #onJump = (bucket: TimelineBucket): void => {
    this.#window.jump(bucket);
    this.#focus.activeId = undefined;
    this.#lastVisible = -1;
    this.list?.scrollTo({ top: 0 });
  };

  #onListClick = (event: MouseEvent): void => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button.entry');
    const entry = button && this.#entries[Number(button.dataset.index)];
    if (!entry) return;
    const [first] = entry.events;
    this.dispatchEvent(
      new EmrTimelineSelectEvent({
        resourceType: first!.resourceType,
        id: first!.id,
        key: first!.key,
        keys: entry.events.map((e) => e.key),
        date: entry.date,
      }),
    );
  };

  #onVisible = (event: VisibilityChangedEvent): void => {
    this.#lastVisible = event.last;
    if (event.last >= this.#entries.length - LOAD_AHEAD) this.#window.more();
  };
}
