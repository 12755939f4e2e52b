import { consume } from '@lit/context';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import {
  deathOf,
  POSTPARTUM_DAYS,
  type VitalRange,
  type VitalSignId,
} from '../../clinical/index.js';
import {
  chartStoreContext,
  deliveryStatusContext,
  isChartStoreError,
  WRITING_ROLES,
  type ChartStore,
  type ChartStoreError,
  type DeliveryStatusSource,
} from '../../model/index.js';
import { ChartPresenceController } from '../shared/chart-presence-controller.js';
import { controlStyles } from '../shared/control.styles.js';
import { deliveryNoteStyles } from '../shared/delivery-note.js';
import { EmrElement } from '../shared/emr-element.js';
import { heading, headingLevel } from '../shared/heading.js';
import { PendingGrace } from '../shared/pending-grace.js';
import { stateBoxStyles } from '../shared/state-box.styles.js';
import type { EmrVitalsSubmitEvent } from '../vitals-form/vitals-form.events.js';
import type { EmrVitalsForm } from '../vitals-form/vitals-form.js';
import { VitalsDeliveryController } from './vitals-delivery-controller.js';
import { loadVitalsForm, loadVitalsFormAfterPaint } from './vitals-form-loader.js';
import { EmrVitalsRecordEvent } from './vitals-grid.events.js';
import { vitalsGridMessages as m } from './vitals-grid.messages.js';
import { vitalsGridStyles } from './vitals-grid.styles.js';
import { dueNote, news2Notes, toolbar } from './vitals-grid.templates.js';
import { vitalsObservations } from './vitals-observations.js';
import { VitalsPageController } from './vitals-page-controller.js';
import { vitalsTable } from './vitals-table.js';
import { VitalsWindowController } from './vitals-window.js';

/**
 * The vital signs of one patient as a chart: a row per sign, a column per
 * time the signs were taken (newest first), abnormal values flagged in text
 * and icon, the NEWS2 of each column (none under 16, in a recorded
 * pregnancy or in the six weeks after one), a trend line per row, a marker
 * when the newest set is overdue (sooner when the last NEWS2 asks for it),
 * and a form to record a new set (neither for a patient who has died). Only the time window on screen is read from the store, so a month
 * of minute-by-minute monitor data opens as fast as a handful of visits.
 * On a page that gives changes back to the hospital record (a delivery), a
 * row at the foot says, under each set not simply sent, where it stands.
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
 * @csspart delivery - the hospital-record row: where each set stands with the hospital record.
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
  static override styles = [
    EmrElement.styles,
    controlStyles,
    stateBoxStyles,
    deliveryNoteStyles,
    vitalsGridStyles,
  ];

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

  /** The delivery to the hospital record (deliveryStatusContext, or set here): with one, each set not simply sent says where it stands there. */
  @consume({ context: deliveryStatusContext, subscribe: true })
  @property({ attribute: false })
  delivery?: DeliveryStatusSource;

  readonly #window = new VitalsWindowController(this);
  readonly #presence = new ChartPresenceController(this);
  readonly #grace = new PendingGrace(this, () => this.patientId);
  readonly #page = new VitalsPageController(this, this.#window);
  readonly #deliveries = new VitalsDeliveryController(this, this.#window);

  @state() private formOpen = false;
  @state() private saving = false;
  @state() private saveError = '';
  @query('button.record') private recordButton?: HTMLButtonElement;
  readonly #paging = {
    newer: () => this.#window.newer(),
    older: () => this.#window.older(),
    newest: () => this.#window.newest(),
  };

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('patientId')) this.formOpen = false;
  }

  override render() {
    // A first answer about to come from the device: no pending state painted before it.
    const pending = this.#window.state.status === 'pending' || this.#awaitingContext;
    if (this.patientId && pending && this.#grace.holding) return html``;
    const level = headingLevel(this.headingLevel, undefined);
    return html`${level ? heading(level, m.title, { class: 'title' }) : nothing}${this.#content()}`;
  }

  /** Waiting for what the vital signs are read against (the patient, their pregnancies) or whether the chart is here. */
  get #awaitingContext(): boolean {
    return this.#presence.pending || this.#page.waiting;
  }

  #content() {
    const state = this.#window.state;
    const live = html`<div class="visually-hidden" role="status">${this.#page.announcement}</div>`;
    if (!this.patientId)
      return html`<p part="status" class="status">${m.noPatient}</p>
        ${live}`;
    // The patient and pregnancies first: a child's values must never be shown against adult ranges, nor a NEWS2 in pregnancy, not even for a moment.
    if (state.status === 'idle' || state.status === 'pending' || this.#awaitingContext) {
      return html`<p part="status" class="status pending">${m.pending}</p>
        ${live}`;
    }
    // Not "no vital signs recorded", and no form, for a chart that is not here yet.
    const failed = state.status === 'error' || this.#page.error;
    const notice = failed ? undefined : this.#presence.notice('status');
    if (notice) return html`${notice}${live}`;
    if (state.status === 'error') return this.#failure(state.error, live);
    // Nor values against what they could not be read against (the patient, conditions, pregnancy status).
    if (this.#page.error) return this.#failure(this.#page.error, live);
    const { views } = this.#page;
    const canRecord = this.#canRecord;
    const record = canRecord ? { open: this.formOpen, toggle: this.#onToggleForm } : undefined;
    return html` ${toolbar(state, views, record, this.#paging)}
    ${
      this.formOpen && canRecord
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
    ${state.isNewest ? dueNote(this.#page.due) : nothing}
    ${news2Notes(views, Object.keys(this.ranges).length > 0, this.postpartumDays)}
    ${
      views.length
        ? html`<div class="scroller" role="region" aria-label=${m.region} tabindex="0">
            ${vitalsTable(views, this.spo2Scale === 2 ? 2 : 1, this.#deliveries.columns)}
          </div>`
        : html`<p part="status" class="status empty">${state.isNewest ? m.empty : m.emptyPage}</p>`
    }
    ${live}`;
  }

  #failure({ code, message }: ChartStoreError, live: TemplateResult) {
    return html`<div part="status" class="status error">
        <p><span aria-hidden="true">⚠</span> ${m.error(code)}</p>
        <p class="detail">${m.errorDetail(message)}</p>
      </div>
      ${live}`;
  }

  /** A set is recorded as taken now: not by a user who may only read, not before the chart is on this device, and not once the patient has died. */
  get #canRecord(): boolean {
    return (
      !!this.store &&
      WRITING_ROLES.includes(this.store.user.role) &&
      this.#presence.present &&
      !deathOf(this.#page.patient)
    );
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
        this.#page.say(m.error('unavailable'));
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
    const shown = this.#window.state;
    if (shown.status === 'ready' && !shown.isNewest) this.#window.newest();
    await this.updateComplete;
    this.recordButton?.focus();
  }
}
