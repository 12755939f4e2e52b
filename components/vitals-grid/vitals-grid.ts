import { consume } from '@lit/context';
import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import {
  deathOf,
  HYPERCAPNIC_SPO2_RANGE,
  isAdultAt,
  observationsDue,
  POSTPARTUM_DAYS,
  postpartumDaysOf,
  PREGNANCY_STATUS_CODES,
  pregnancyPeriods,
  pregnancyStateAt,
  withoutAdultRanges,
  withRanges,
  type ScoredSet,
  type VitalRange,
  type VitalSignId,
} from '../../clinical/index.js';
import {
  chartStoreContext,
  isChartStoreError,
  WRITING_ROLES,
  type ChartRecord,
  type ChartStore,
  type Condition,
  type FhirResource,
  type Observation,
  type Patient,
} from '../../model/index.js';
import { controlStyles } from '../shared/control.styles.js';
import { EmrElement } from '../shared/emr-element.js';
import { heading, headingLevel } from '../shared/heading.js';
import { formatDay } from '../shared/format-time.js';
import { LiveQueryController } from '../shared/live-query-controller.js';
import { stateBoxStyles } from '../shared/state-box.styles.js';
import { ClockController } from './clock-controller.js';
import { columnView, lastScoredSet, type ColumnView, type Ranges } from './vitals-columns.js';
import type { EmrVitalsSubmitEvent } from '../vitals-form/vitals-form.events.js';
import type { EmrVitalsForm } from '../vitals-form/vitals-form.js';
import { loadVitalsForm, loadVitalsFormAfterPaint } from './vitals-form-loader.js';
import { EmrVitalsRecordEvent } from './vitals-grid.events.js';
import { vitalsGridMessages as m } from './vitals-grid.messages.js';
import { vitalsGridStyles } from './vitals-grid.styles.js';
import { vitalsObservations } from './vitals-observations.js';
import { formatTime, vitalsTable } from './vitals-table.js';
import { VitalsWindowController, type WindowState } from './vitals-window.js';
import { ChartPresenceController } from '../shared/chart-presence-controller.js';

type Ready = Extract<WindowState, { status: 'ready' }>;

/**
 * The vital signs of one patient as a chart: a row per sign, a column per
 * time the signs were taken (newest first), abnormal values flagged in text
 * and icon, the NEWS2 of each column (none under 16, in a recorded
 * pregnancy or in the six weeks after one), a trend line per row, a marker
 * when the newest set is overdue (sooner when the last NEWS2 asks for it),
 * and a form to record a new set (neither for a patient who has died). Only the time window on screen is read from the store, so a month
 * of minute-by-minute monitor data opens as fast as a handful of visits.
 *
 * @summary Vital-signs chart with NEWS2, trends and an entry form.
 * @fires {VitalsRecordDetail} emr-vitals-record - A clinician saves a new set. Cancelable: nothing is recorded when it is cancelled. `detail`: `{ patientId, observations, effectiveDateTime }`.
 * @csspart toolbar - the record button, the range shown and the paging buttons.
 * @csspart table - the table.
 * @csspart column-header - the header of one time column.
 * @csspart cell - one vital-sign cell.
 * @csspart news2 - one NEWS2 cell.
 * @csspart overdue - the overdue marker.
 * @csspart not-due - in its place, for a patient who has died: no observations are due.
 * @csspart child-note - says that adult ranges and NEWS2 do not apply, when a set on the page was taken before the 16th birthday.
 * @csspart pregnancy-note - says that NEWS2 does not apply, when a set on the page was taken in a recorded pregnancy or within `postpartum-days` after one.
 * @csspart form - the entry form.
 * @csspart status - the pending, empty and error messages.
 * @cssproperty --emr-vitals-grid-border-color - lines between cells.
 * @cssproperty --emr-vitals-grid-header-background - background of the headers.
 * @cssproperty --emr-vitals-grid-cell-padding - padding of every cell.
 * @cssproperty --emr-vitals-grid-column-width - minimum width of a time column.
 * @cssproperty --emr-vitals-grid-abnormal-color - text of an abnormal flag (always with its label and icon).
 * @cssproperty --emr-vitals-grid-critical-color - text of a critical flag and of a high NEWS2 (always with text).
 * @cssproperty --emr-vitals-grid-conflict-color - marker of a conflict.
 * @cssproperty --emr-vitals-grid-overdue-color - the overdue marker.
 * @cssproperty --emr-vitals-grid-trend-color - the trend lines.
 */
export class EmrVitalsGrid extends EmrElement {
  static override styles = [EmrElement.styles, controlStyles, stateBoxStyles, vitalsGridStyles];

  /** The FHIR id of the patient. */
  @property({ attribute: 'patient-id' }) patientId = '';
  /** The level (1 to 6) of a "Vital signs" heading above the grid, to fit the host page's outline; no heading when absent (the host has its own). */
  @property({ attribute: 'heading-level', type: Number }) headingLevel?: number;
  /** NEWS2 SpO₂ scale: 2 only for hypercapnic respiratory failure with a prescribed target of 88–92%, as the clinician decided. */
  @property({ attribute: 'spo2-scale', converter: (value) => (value?.trim() === '2' ? 2 : 1) })
  spo2Scale: 1 | 2 = 1;
  /**
   * Minutes after which the newest set is overdue (default 240: the 4-hourly minimum of NEWS2 for a low score); 0 turns the marker off, and so does `until`.
   * A last NEWS2 that asks for the next set sooner (hourly at 5 or more, or with a 3 in one parameter) shortens it.
   */
  @property({ attribute: 'overdue-minutes', type: Number }) overdueMinutes = 240;
  /** Days after a pregnancy ends during which NEWS2 is withheld (default 42, the puerperium); 0 where policy scores postnatal women with NEWS2. */
  @property({ attribute: 'postpartum-days', type: Number }) postpartumDays: number =
    POSTPARTUM_DAYS;
  /** Time columns on a page (1 to 50). */
  @property({ type: Number }) columns = 8;
  /** End of the newest page (ISO dateTime, exclusive): for a stay that has ended. Open-ended when absent. */
  @property() until?: string;
  /** Reference ranges by sign, over the adult defaults of clinical/ (a whole range per sign). Sets taken before the 16th birthday get these alone: adult defaults and NEWS2 do not apply to children. */
  @property({ attribute: false }) ranges: Partial<Record<VitalSignId, VitalRange>> = {};

  /** The chart store: from context (chartStoreContext), or set directly. */
  @consume({ context: chartStoreContext, subscribe: true })
  @property({ attribute: false })
  store?: ChartStore;

  readonly #window = new VitalsWindowController(this);
  readonly #presence = new ChartPresenceController(this);
  readonly #clock = new ClockController(this);
  /** The patient: `birthDate` decides whether adult ranges and NEWS2 apply, and nothing is due once they have died. */
  readonly #patient = new LiveQueryController<ChartRecord<Patient> | undefined>(
    this,
    (store, patientId) => store.patient(patientId),
  );
  /** The conditions and pregnancy status observations: a recorded pregnancy withholds NEWS2. */
  readonly #conditions = new LiveQueryController<Array<ChartRecord<Condition>>>(
    this,
    (store, patientId) => store.conditions(patientId),
  );
  readonly #pregnancyStatus = new LiveQueryController<Array<ChartRecord<Observation>>>(
    this,
    (store, patientId) => store.observations(patientId, { codes: PREGNANCY_STATUS_CODES }),
  );

  @state() private formOpen = false;
  @state() private saving = false;
  @state() private saveError = '';
  @state() private announcement = '';
  @query('button.record') private recordButton?: HTMLButtonElement;
  /** The newest set seen on the newest page, per patient: for the overdue marker and for announcing new sets. */
  #seen: { patientId: string; newest: string } | undefined;
  /** The newest set with a NEWS2, as the newest page showed it: it may ask for the next set sooner. */
  #lastScored: { patientId: string; set: ScoredSet | undefined } | undefined;
  #views:
    | {
        columns: unknown;
        ranges: unknown;
        scale: number;
        postpartumDays: number;
        patient: unknown;
        conditions: unknown;
        statuses: unknown;
        views: ColumnView[];
      }
    | undefined;

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('patientId')) this.formOpen = false;
    const state = this.#window.state;
    if (state.status !== 'ready' || !state.isNewest) return;
    const newest = state.columns[0]?.time ?? '';
    if (this.#seen?.patientId !== this.patientId)
      this.#seen = { patientId: this.patientId, newest };
    else if (newest > this.#seen.newest) {
      this.#seen = { patientId: this.patientId, newest };
      this.announcement = m.newSet(formatTime(newest));
    }
  }

  override render() {
    const level = headingLevel(this.headingLevel, undefined);
    return html`${level ? heading(level, m.title, { class: 'title' }) : nothing}${this.#content()}`;
  }

  #content() {
    const state = this.#window.state;
    const live = html`<div class="visually-hidden" role="status">${this.announcement}</div>`;
    if (!this.patientId)
      return html`<p part="status" class="status">${m.noPatient}</p>
        ${live}`;
    // The patient and pregnancies first: a child's values must never be shown against adult ranges, nor a NEWS2 in pregnancy, not even for a moment.
    const waiting = (status: string) => status === 'idle' || status === 'pending';
    if (
      state.status === 'idle' ||
      state.status === 'pending' ||
      this.#presence.pending ||
      [this.#patient, this.#conditions, this.#pregnancyStatus].some((query) =>
        waiting(query.state.status),
      )
    ) {
      return html`<p part="status" class="status pending">${m.pending}</p>
        ${live}`;
    }
    // Not "no vital signs recorded", and no form, for a chart that is not here yet.
    const notice = state.status === 'error' ? undefined : this.#presence.notice('status');
    if (notice) return html`${notice}${live}`;
    if (state.status === 'error') {
      return html`<div part="status" class="status error">
          <p><span aria-hidden="true">⚠</span> ${m.error(state.error.code)}</p>
          <p class="detail">${m.errorDetail(state.error.message)}</p>
        </div>
        ${live}`;
    }
    const views = this.#viewsOf(state.columns);
    return html` ${this.#toolbar(state, views)}
    ${
      this.formOpen && this.#canRecord
        ? html`<emr-vitals-form
            id="entry"
            part="form"
            ?busy=${this.saving}
            error=${this.saveError}
            @emr-vitals-submit=${this.#onSubmit}
            @keydown=${this.#onFormKeydown}
          ></emr-vitals-form>`
        : nothing
    }
    ${this.#overdue(state.isNewest ? views : undefined)}
    ${views.some((view) => view.news2Withheld === 'under-16') ? html`<p part="child-note" class="news2-note">${m.childRanges(Object.keys(this.ranges).length > 0)}</p>` : nothing}
    ${this.#pregnancyNote(views)}
    ${
      views.length
        ? html`<div class="scroller" role="region" aria-label=${m.region} tabindex="0">
            ${vitalsTable(views, this.#scale)}
          </div>`
        : html`<p part="status" class="status empty">${state.isNewest ? m.empty : m.emptyPage}</p>`
    }
    ${live}`;
  }

  get #scale(): 1 | 2 {
    return this.spo2Scale === 2 ? 2 : 1;
  }

  /** A set is recorded as taken now: not by a user who may only read, not before the chart is on this device, and not once the patient has died. */
  get #canRecord(): boolean {
    return (
      !!this.store &&
      WRITING_ROLES.includes(this.store.user.role) &&
      this.#presence.present &&
      !deathOf(this.#patientRecord)
    );
  }

  /** The adult defaults, the host's ranges over them, and the scale 2 SpO₂ target unless the host gave its own. */
  get #ranges(): Ranges {
    const scale2 =
      this.#scale === 2 && !this.ranges['oxygen-saturation']
        ? { 'oxygen-saturation': HYPERCAPNIC_SPO2_RANGE }
        : {};
    return withRanges({ ...scale2, ...this.ranges });
  }

  get #patientRecord(): Patient | undefined {
    const state = this.#patient.state;
    return state.status === 'ready' ? state.value?.current : undefined;
  }

  #viewsOf(columns: Ready['columns']): ColumnView[] {
    const memo = this.#views;
    const patient = this.#patientRecord;
    const conditions =
      this.#conditions.state.status === 'ready' ? this.#conditions.state.value : undefined;
    const statuses =
      this.#pregnancyStatus.state.status === 'ready'
        ? this.#pregnancyStatus.state.value
        : undefined;
    if (
      memo?.columns === columns &&
      memo.ranges === this.ranges &&
      memo.scale === this.#scale &&
      memo.postpartumDays === this.postpartumDays &&
      memo.patient === patient &&
      memo.conditions === conditions &&
      memo.statuses === statuses
    ) {
      return memo.views;
    }
    const adultRanges = this.#ranges;
    const childRanges = withoutAdultRanges(this.ranges);
    // Every version of a record in conflict counts: any of them recording a pregnancy withholds NEWS2.
    const heads = <R extends FhirResource>(records: Array<ChartRecord<R>> | undefined) =>
      (records ?? []).flatMap((record) => record.heads.map((head) => head.resource));
    const pregnancies = pregnancyPeriods(heads(conditions), heads(statuses));
    const views = columns.map((column) =>
      !isAdultAt(patient, column.time)
        ? columnView(column, childRanges, this.#scale, 'under-16')
        : columnView(
            column,
            adultRanges,
            this.#scale,
            pregnancyStateAt(pregnancies, column.time, this.postpartumDays),
          ),
    );
    this.#views = {
      columns,
      ranges: this.ranges,
      scale: this.#scale,
      postpartumDays: this.postpartumDays,
      patient,
      conditions,
      statuses,
      views,
    };
    return views;
  }

  /** Why sets on the page have no NEWS2, when a pregnancy is the reason: in pregnancy, or soon after. */
  #pregnancyNote(views: ColumnView[]) {
    const note = views.some((view) => view.news2Withheld === 'pregnancy')
      ? m.pregnancy
      : views.some((view) => view.news2Withheld === 'postpartum')
        ? m.postpartum(postpartumDaysOf(this.postpartumDays))
        : undefined;
    return note ? html`<p part="pregnancy-note" class="news2-note">${note}</p>` : nothing;
  }

  #toolbar(state: Ready, views: ColumnView[]) {
    const oldest = views.at(-1);
    const newest = views[0];
    return html`<div class="toolbar" part="toolbar">
      ${
        this.#canRecord
          ? html`<button
              class="record primary"
              aria-expanded=${this.formOpen ? 'true' : 'false'}
              aria-controls="entry"
              @click=${this.#onToggleForm}
            >
              ${this.formOpen ? m.closeForm : m.record}
            </button>`
          : nothing
      }
      ${oldest && newest ? html`<span class="range">${m.showing(views.length, formatTime(oldest.time), formatTime(newest.time))}</span>` : nothing}
      <span class="paging">
        <button ?disabled=${!state.hasNewer} @click=${() => this.#window.newer()}>
          <span aria-hidden="true">←</span> ${m.newer}
        </button>
        <button ?disabled=${!state.hasOlder} @click=${() => this.#window.older()}>
          ${m.older} <span aria-hidden="true">→</span>
        </button>
        ${state.isNewest ? nothing : html`<button @click=${() => this.#window.newest()}>${m.newest}</button>`}
      </span>
    </div>`;
  }

  /** `newestPage`: the views of the newest page, when it is the one shown; older pages keep what it showed. */
  #overdue(newestPage: ColumnView[] | undefined) {
    // A page that ends at `until` shows a stay that is over: nothing is due.
    if (this.until) return nothing;
    if (newestPage)
      this.#lastScored = { patientId: this.patientId, set: lastScoredSet(newestPage) };
    const newest = this.#seen?.patientId === this.patientId ? this.#seen.newest : '';
    const scored =
      this.#lastScored?.patientId === this.patientId ? this.#lastScored.set : undefined;
    const due = observationsDue({
      newest,
      scored,
      now: this.#clock.now,
      everyMinutes: this.overdueMinutes,
      patient: this.#patientRecord,
    });
    if (due.state === 'died')
      return html`<p part="not-due" class="not-due">
        ${m.notDueDied(due.date && formatDay(due.date, m.dateLocale))}
      </p>`;
    if (due.state !== 'overdue') return nothing;
    const [since, every] = [m.duration(due.minutesSince), m.duration(due.everyMinutes)];
    return html`<p part="overdue" class="overdue">
      <span aria-hidden="true">◷</span>
      ${due.news2 ? m.overdueByNews2(since, every, due.news2) : m.overdue(since, every)}
    </p>`;
  }

  override updated(): void {
    if (this.#canRecord) loadVitalsFormAfterPaint(); // a set may be recorded here: have the form on the device
  }

  async #onToggleForm(): Promise<void> {
    this.formOpen = !this.formOpen;
    this.saveError = '';
    if (this.formOpen) {
      try {
        await loadVitalsForm();
      } catch {
        this.formOpen = false; // never fetched, and the network is gone
        this.announcement = m.error('unavailable');
        return;
      }
    }
    await this.updateComplete;
    this.renderRoot.querySelector<EmrVitalsForm>('emr-vitals-form')?.focus();
  }

  async #onFormKeydown(event: KeyboardEvent): Promise<void> {
    if (event.key !== 'Escape' || this.saving) return;
    this.formOpen = false;
    await this.updateComplete;
    this.recordButton?.focus();
  }

  async #onSubmit(event: EmrVitalsSubmitEvent): Promise<void> {
    event.stopPropagation(); // the grid's own event is the public one
    const { store, patientId } = this;
    if (!store || this.saving) return;
    const at = new Date().toISOString();
    const observations = vitalsObservations(event.detail.entry, patientId, at);
    if (
      !this.dispatchEvent(
        new EmrVitalsRecordEvent({ patientId, observations, effectiveDateTime: at }),
      )
    )
      return;
    this.saving = true;
    this.saveError = '';
    try {
      // One transaction: a set is saved whole or not at all, never half a set.
      await store.recordAll(observations);
    } catch (error) {
      this.saveError = m.saveFailed(isChartStoreError(error) ? m.error(error.code) : String(error));
      return;
    } finally {
      this.saving = false;
    }
    this.formOpen = false;
    if (this.#window.state.status === 'ready' && !(this.#window.state as Ready).isNewest)
      this.#window.newest();
    await this.updateComplete;
    this.recordButton?.focus();
  }
}
