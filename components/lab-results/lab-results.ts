import { consume } from '@lit/context';
import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import {
  chartStoreContext,
  isChartStoreError,
  type ChartRecord,
  type ChartStore,
  type LabResults,
  type LiveQuery,
  type Observation,
  type Patient,
} from '../../model/index.js';
import { ChartPresenceController } from '../shared/chart-presence-controller.js';
import { controlStyles } from '../shared/control.styles.js';
import { EmrElement } from '../shared/emr-element.js';
import { heading, headingLevel } from '../shared/heading.js';
import { LiveQueryController } from '../shared/live-query-controller.js';
import { memo } from '../shared/memo.js';
import { PendingGrace } from '../shared/pending-grace.js';
import { PrintMediaController } from '../shared/print-media-controller.js';
import { stateBoxStyles } from '../shared/state-box.styles.js';
import { detailPanel, type OpenResult } from './lab-detail.js';
import { labGrid } from './lab-grid.templates.js';
import { EmrLabResultSelectEvent } from './lab-results.events.js';
import { labResultsMessages as m } from './lab-results.messages.js';
import { labResultsStyles } from './lab-results.styles.js';
import { filterBar } from './lab-results.templates.js';
import type { LabSpan } from './lab-span.js';
import { filterLabTable, labTable, type LabRow, type LabView } from './lab-table.js';
import { trendOf, trendPanel, type Trend } from './lab-trend.js';
import { LabViewportController } from './lab-viewport.js';

/** Results read at a time: a few screens of columns; more as the table scrolls to older times. */
export const LAB_PAGE = 200;

const NO_TREND: LiveQuery<Array<ChartRecord<Observation>>> = {
  subscribe: (observer) => (observer.next([]), () => {}),
};

/**
 * A patient's laboratory results as a cumulative table: tests as rows grouped
 * by panel (the DiagnosticReport that holds them, else the test's LOINC class,
 * else "Other tests"), times as columns, newest first; values as the laboratory reported them with
 * their units written out, flags in words and icons (the result's own
 * interpretation first, then its reference range for the patient's sex and
 * age), the reference range per test, corrected and amended results marked
 * with their revisions one click away, a trend per test over a chosen span,
 * and filters. Escape closes the trend and puts focus back on the test that
 * opened it. Only the rows and columns on screen are rendered, and results
 * are read a few screens at a time, so ten years of monthly panels open as
 * fast as one panel. Printed, the whole table loaded so far is printed.
 *
 * @summary Cumulative lab results with flags, ranges, trends and filters.
 * @fires {LabResultSelectDetail} emr-lab-result-select - A clinician opens a result. Cancelable: when cancelled, the element opens no detail of its own. `detail`: `{ patientId, key, report }`.
 * @csspart toolbar - the filters.
 * @csspart table - the table.
 * @csspart column-header - the header of one time column.
 * @csspart test - the row header of one test (name, trend button, reference range).
 * @csspart panel - the header of one panel's rows.
 * @csspart cell - one result cell.
 * @csspart trend - the trend of the chosen test.
 * @csspart trend-line - the trend's line.
 * @csspart trend-range - the trend's reference range band.
 * @csspart detail - the result opened, with its revisions.
 * @csspart status - the pending, empty and error messages.
 * @cssproperty --emr-lab-results-border-color - lines between cells.
 * @cssproperty --emr-lab-results-header-background - background of the headers.
 * @cssproperty --emr-lab-results-abnormal-color - text of an abnormal value and flag (always with its label and icon).
 * @cssproperty --emr-lab-results-critical-color - text of a critical value and flag (always with its label and icon).
 * @cssproperty --emr-lab-results-trend-color - the trend line.
 * @cssproperty --emr-lab-results-range-band-color - the reference range band of the trend.
 * @cssproperty --emr-lab-results-max-height - the table's height before it scrolls (default 70vh).
 */
export class EmrLabResults extends EmrElement {
  static override styles = [EmrElement.styles, controlStyles, stateBoxStyles, labResultsStyles];

  /** The FHIR id of the patient. */
  @property({ attribute: 'patient-id' }) patientId = '';
  /** The level (1 to 6) of a "Lab results" heading; no heading when absent. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel?: number;

  /** The chart store: from context (chartStoreContext), or set directly. */
  @consume({ context: chartStoreContext, subscribe: true })
  @property({ attribute: false })
  store?: ChartStore;

  @state() private limit = LAB_PAGE;
  @state() private search = '';
  @state() private panel = '';
  @state() private abnormalOnly = false;
  @state() private span: LabSpan = 'all';
  @state() private trendRow?: string;
  @state() private trendSpan: LabSpan = 'all';
  @state() private opened?: OpenResult;
  @query('.scroller') private scroller?: HTMLElement;

  readonly #presence = new ChartPresenceController(this);
  readonly #grace = new PendingGrace(this, () => this.patientId);
  readonly #results = new LiveQueryController<LabResults>(
    this,
    (store, patientId) => store.labResults(patientId, { limit: this.limit }),
    () => String(this.limit),
  );
  readonly #patient = new LiveQueryController<ChartRecord<Patient> | undefined>(
    this,
    (store, patientId) => store.patient(patientId),
  );
  readonly #trendQuery = new LiveQueryController<Array<ChartRecord<Observation>>>(
    this,
    (store, patientId) => {
      const code = this.#row(this.trendRow)?.code;
      return code ? store.observations(patientId, { codes: [code] }) : NO_TREND;
    },
    () => this.#row(this.trendRow)?.code ?? '',
  );
  readonly #print = new PrintMediaController(this);
  readonly #viewport = new LabViewportController(this);
  readonly #table = memo(labTable);
  readonly #view = memo(
    (
      table: ReturnType<typeof labTable>,
      panel: string,
      abnormalOnly: boolean,
      span: LabSpan,
      search: string,
    ) => filterLabTable(table, { panel, abnormalOnly, span, search }),
  );
  readonly #trend = memo(trendOf);
  #lastReady: { patientId: string; value: LabResults } | undefined;
  #shown: { table: ReturnType<typeof labTable>; view: LabView; trend?: Trend } | undefined;

  constructor() {
    super();
    this.addEventListener('keydown', this.#onKeydown);
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('patientId')) {
      this.trendRow = undefined;
      this.opened = undefined;
      this.limit = LAB_PAGE;
    }
    const results = this.#resultsShown();
    if (!results) return void (this.#shown = undefined);
    const patientState = this.#patient.state;
    const patient = patientState.status === 'ready' ? patientState.value?.current : undefined;
    const table = this.#table(results, patient);
    const view = this.#view(table, this.panel, this.abnormalOnly, this.span, this.search);
    const code = this.#row(this.trendRow, table)?.code;
    const trendState = this.#trendQuery.state;
    const trend =
      code && trendState.status === 'ready'
        ? this.#trend(trendState.value, code, patient, this.trendSpan)
        : undefined;
    this.#shown = { table, view, ...(trend ? { trend } : {}) };
  }

  /** The results to show: the newest answer, or while a longer window is read, the last one of this patient (the table stays put). */
  #resultsShown(): LabResults | undefined {
    const state = this.#results.state;
    if (state.status === 'ready') {
      this.#lastReady = { patientId: this.patientId, value: state.value };
      return state.value;
    }
    if (state.status === 'pending' && this.#lastReady?.patientId === this.patientId)
      return this.#lastReady.value;
    return undefined;
  }

  override render() {
    // A first answer about to come from the device: no pending state painted before it.
    if (this.patientId && this.#pending && this.#grace.holding) return html``;
    const level = headingLevel(this.headingLevel, undefined);
    return html`${level ? heading(level, m.title, { class: 'title' }) : nothing}${this.#content()}`;
  }

  /** The results (none shown yet), the patient whose ranges they are read against, or whether the chart is here: not known yet. */
  get #pending(): boolean {
    const { status } = this.#results.state;
    return (
      status === 'idle' ||
      (status === 'pending' && !this.#shown) ||
      this.#presence.pending ||
      this.#patient.state.status === 'pending'
    );
  }

  #content() {
    const results = this.#results.state;
    if (!this.patientId) return html`<p part="status" class="status">${m.noPatient}</p>`;
    if (this.#pending) return html`<p part="status" class="status pending">${m.pending}</p>`;
    // The results, or the patient whose sex and age choose their ranges, could not be read: no flags against ranges that may be wrong.
    const patient = this.#patient.state;
    const failed =
      results.status === 'error'
        ? results.error
        : patient.status === 'error'
          ? patient.error
          : undefined;
    const notice = failed ? undefined : this.#presence.notice('status');
    if (notice) return notice;
    if (failed)
      return html`<div part="status" class="status error" role="alert">
        <p><span aria-hidden="true">⚠</span> ${m.error(failed.code)}</p>
        <p class="detail-text">${m.errorDetail(failed.message)}</p>
      </div>`;
    const shown = this.#shown;
    if (!shown || !shown.table.times.length)
      return html`<p part="status" class="status empty">${m.empty}</p>`;
    const { view, table } = shown;
    const window = this.#viewport.window(
      view.lines.length,
      view.times.length,
      this.#print.printing,
    );
    const trendRow = this.#row(this.trendRow);
    return html`${filterBar(
        {
          panel: this.panel,
          abnormalOnly: this.abnormalOnly,
          span: this.span,
          search: this.search,
        },
        table.groups,
        this.#onFilter,
      )}
      <p class="note">${m.spanNote}</p>
      ${trendRow ? trendPanel(trendRow.name, shown.trend, this.trendSpan, this.#onTrendSpan, this.#onCloseTrend) : nothing}
      ${this.opened ? detailPanel(this.opened, this.#onCloseDetail) : nothing}
      ${
        view.lines.length
          ? html`<div
              class="scroller"
              role="region"
              aria-label=${m.region}
              tabindex="0"
              @scroll=${this.#onScroll}
              @click=${this.#onTableClick}
            >
              ${labGrid(view, window, this.trendRow)}
            </div>`
          : html`<p part="status" class="status empty">${m.noMatch}</p>`
      }
      ${
        this.#lastReady?.value.more
          ? html`<div class="more">
              <span>${m.olderNotLoaded}</span>
              <button class="older" @click=${this.#loadOlder}>${m.older}</button>
            </div>`
          : nothing
      }`;
  }

  override updated(): void {
    this.#viewport.follow(this.scroller ?? null);
    this.#loadOlderWhenNearTheEnd();
  }

  /**
   * Scrolled (or sized) to the last columns loaded, or filtering by test or
   * panel (what is asked for may be older): read the next page of older results.
   */
  #loadOlderWhenNearTheEnd(): void {
    const results = this.#results.state;
    const view = this.#shown?.view;
    if (results.status !== 'ready' || !results.value.more || !view || this.span !== 'all') return;
    if (this.#print.printing) return;
    const [, last] = this.#viewport.window(view.lines.length, view.times.length).columns;
    if (last >= view.times.length || this.search || this.panel || this.abnormalOnly)
      this.#loadOlder();
  }

  #row(id: string | undefined, table = this.#shown?.table): LabRow | undefined {
    if (!id) return undefined;
    for (const group of table?.groups ?? []) {
      const row = group.rows.find((r) => r.id === id);
      if (row) return row;
    }
    return undefined;
  }

  readonly #loadOlder = () => {
    // One page at a time: a second click while the first is read would start the read again.
    if (this.#results.state.status === 'pending') return;
    this.limit += LAB_PAGE;
  };

  readonly #onScroll = () => this.#viewport.onScroll();

  readonly #onFilter = {
    search: (event: Event) => (this.search = (event.target as HTMLInputElement).value),
    panel: (event: Event) => (this.panel = (event.target as HTMLSelectElement).value),
    abnormal: (event: Event) => (this.abnormalOnly = (event.target as HTMLInputElement).checked),
    span: (event: Event) => (this.span = (event.target as HTMLSelectElement).value as LabSpan),
  };

  readonly #onTrendSpan = (event: Event) => {
    const span = (event.target as Element).closest<HTMLElement>('button[data-span]')?.dataset[
      'span'
    ];
    if (span) this.trendSpan = span as LabSpan;
  };
  readonly #onCloseTrend = () => void this.#closeTrend();

  readonly #onKeydown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && this.trendRow !== undefined) void this.#closeTrend();
  };

  /** Closes the trend and puts focus back on the test name that opened it (its close button goes). */
  async #closeTrend(): Promise<void> {
    const opener = this.trendRow;
    this.trendRow = undefined;
    await this.updateComplete;
    const names = this.renderRoot.querySelectorAll<HTMLElement>('button.test-name');
    const button = [...names].find((b) => b.dataset['row'] === opener);
    (button ?? this.scroller)?.focus();
  }

  readonly #onCloseDetail = () => (this.opened = undefined);

  readonly #onTableClick = (event: Event) => {
    const target = event.target as Element;
    const name = target.closest<HTMLElement>('button.test-name');
    if (name) {
      this.trendRow = this.trendRow === name.dataset['row'] ? undefined : name.dataset['row'];
      return;
    }
    const value = target.closest<HTMLElement>('button.value');
    const rowId = value?.closest<HTMLElement>('tr')?.dataset['row'];
    const row = this.#row(rowId);
    const cell = row?.cells.get(value?.dataset['time'] ?? '');
    if (row && cell) void this.#open(row, cell);
  };

  async #open(row: LabRow, cell: NonNullable<ReturnType<LabRow['cells']['get']>>): Promise<void> {
    const selected = new EmrLabResultSelectEvent({
      patientId: this.patientId,
      key: cell.key,
      ...(cell.report ? { report: cell.report } : {}),
    });
    if (!this.dispatchEvent(selected)) return;
    const opened: OpenResult = { row, cell, history: { status: 'loading' } };
    this.opened = opened;
    const store = this.store;
    if (!store) return;
    try {
      const revisions = await store.history(cell.key);
      if (this.opened === opened)
        this.opened = { ...opened, history: { status: 'ready', revisions } };
    } catch (error) {
      const message = isChartStoreError(error) ? error.message : String(error);
      if (this.opened === opened)
        this.opened = { ...opened, history: { status: 'error', message } };
    }
  }
}
