import { consume } from '@lit/context';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import {
  chartStoreContext,
  deliveryStatusContext,
  inConflict,
  WRITING_ROLES,
  type ChartRecord,
  type ChartStore,
  type Medication,
  type Patient,
  type DeliveryStatusSource,
  type ResourceKey,
} from '../../model/index.js';
import { deathOf, medicationLine } from '../../clinical/index.js';
import { controlStyles } from '../shared/control.styles.js';
import { deliveryNoteStyles } from '../shared/delivery-note.js';
import { DeliveryStatesController } from '../shared/delivery-states-controller.js';
import { EmrElement } from '../shared/emr-element.js';
import { heading, headingLevel } from '../shared/heading.js';
import { ChartPresenceController } from '../shared/chart-presence-controller.js';
import { LiveQueryController } from '../shared/live-query-controller.js';
import { PendingGrace } from '../shared/pending-grace.js';
import { MedicationActions } from './medication-actions.js';
import { onEntryAction, renderEntry } from './medication-entry.js';
import { MedicationHistoryController } from './medication-history-controller.js';
import { medicationListMessages as m } from './medication-list.messages.js';
import { medicationListStyles } from './medication-list.styles.js';
import {
  medicationSections,
  SECTIONS,
  type MedicationSections,
  type SectionId,
} from './medication-sections.js';
import { memo } from '../shared/memo.js';

/**
 * A patient's medications — MedicationRequests and MedicationStatements — in
 * Active, Not started (draft, intended), On hold and Past sections, each as
 * one medication line (tall man lettering, doses written the safe way) with
 * its start, end and prescriber. Entered-in-error records are not listed;
 * Not started appears only when it has medications; a status of "unknown"
 * stays under Active, spelled out.
 *
 * Clinicians (store.user.role 'clinician' or 'nurse') can change a dose or
 * discontinue an active or on-hold medication, and resolve a conflict by
 * keeping one version or entering the right dose. Each action fires a
 * cancelable event first; when it is not canceled the list writes a new
 * revision through the store. A store error is shown beside the medication
 * and the form keeps what was typed. Patients and auditors see no actions.
 * Each medication's revision history can be opened.
 *
 * A conflict (two clinicians changed a medication at once) shows every
 * version, with its author and time; the list never resolves it by itself.
 *
 * When the patient has died (Patient.deceased[x]) and medications are still
 * recorded as active or on hold, a notice says so, for a clinician to end them.
 *
 * @summary A patient's medications, with dose changes, discontinuing, history and conflicts.
 *
 * @fires {MedicationDoseChangeDetail} emr-medication-dose-change - A clinician saves a new dose. Cancelable. `detail`: `{ key, id, revisionId, dose, previousDose, resource }`.
 * @fires {MedicationDiscontinueDetail} emr-medication-discontinue - A clinician discontinues a medication. Cancelable. `detail`: `{ key, id, revisionId, status, end, reason, resource }`.
 * @fires {MedicationConflictResolveDetail} emr-medication-conflict-resolve - A clinician resolves a conflict. Cancelable. `detail`: `{ key, id, revisionIds, chosenRevisionId?, dose?, resource }`.
 *
 * @csspart section - One section (Active, Not started, On hold, Past).
 * @csspart item - One medication.
 * @csspart line - The medication line: drug, dose, route, frequency, as needed.
 * @csspart actions - The buttons of one medication.
 * @csspart form - The dose or discontinue form.
 * @csspart conflict - The versions of a medication in conflict.
 * @csspart history - The revision history of one medication.
 * @csspart error - An error message.
 * @csspart died-notice - Medications still current on the chart of a patient who has died.
 *
 * @cssproperty --emr-medication-list-gap - Space between medications. Default: --emr-space-sm.
 * @cssproperty --emr-medication-list-item-background - Background of a medication. Default: --emr-color-surface.
 * @cssproperty --emr-medication-list-item-border-color - Border of a medication. Default: --emr-color-border.
 * @cssproperty --emr-medication-list-item-radius - Corner radius of a medication. Default: --emr-radius-md.
 * @cssproperty --emr-medication-list-item-padding - Padding of a medication. Default: --emr-space-md.
 * @cssproperty --emr-medication-list-heading-color - Headings. Default: --emr-color-text.
 * @cssproperty --emr-medication-list-muted-color - Details and notes. Default: --emr-color-text-muted.
 * @cssproperty --emr-medication-list-action-color - Primary buttons (save). Default: --emr-color-primary.
 * @cssproperty --emr-medication-list-conflict-color - Conflict marks (always with text). Default: --emr-color-conflict.
 * @cssproperty --emr-medication-list-error-color - Errors (always with text). Default: --emr-color-danger.
 * @cssproperty --emr-medication-list-focus-color - Focus ring. Default: --emr-color-focus.
 */
export class EmrMedicationList extends EmrElement {
  static override styles = [
    EmrElement.styles,
    controlStyles,
    deliveryNoteStyles,
    medicationListStyles,
  ];

  /** The FHIR id of the patient. */
  @property({ attribute: 'patient-id', reflect: true }) patientId = '';

  /**
   * The level of the list's heading (1 to 6, default 2), to fit the host
   * page's outline; its sections' headings are one level below (at most 6).
   */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  /** The chart store: from context (chartStoreContext), or set here by a host without one. */
  @consume({ context: chartStoreContext, subscribe: true })
  @property({ attribute: false })
  store?: ChartStore;

  /** The delivery to the hospital record (deliveryStatusContext, or set here): with one, each medication not simply sent says where it stands there. */
  @consume({ context: deliveryStatusContext, subscribe: true })
  @property({ attribute: false })
  delivery?: DeliveryStatusSource;

  readonly #medications = new LiveQueryController<Array<ChartRecord<Medication>>>(
    this,
    (store, id) => store.medications(id),
  );
  /** The patient, for `deceased[x]`. */
  readonly #patient = new LiveQueryController<ChartRecord<Patient> | undefined>(this, (store, id) =>
    store.patient(id),
  );
  readonly #deliveries = new DeliveryStatesController(this);
  readonly #presence = new ChartPresenceController(this);
  readonly #grace = new PendingGrace(this, () => this.patientId);
  readonly #actions = new MedicationActions(this, (message) => (this.announcement = message));
  readonly #history = new MedicationHistoryController(this);

  /** What the polite live region says: results of the clinician's actions and conflicts that arrive. */
  @state() private announcement = '';
  /** Conflicts in the last list seen; undefined before the first, which is never announced. */
  #conflicts: Set<ResourceKey> | undefined;
  /** The list's sections, worked out once for each answer of the store. */
  readonly #listOf = memo(medicationSections);
  /** The list shown: its conflicts announced, its open histories read again and its records given ids. */
  #list: MedicationSections | undefined;
  /** A short id for each record, stable while the element lives: keys hold characters ids should not. */
  readonly #ids = new Map<ResourceKey, string>();

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('patientId') || changed.has('store')) this.#conflicts = undefined;
    const state = this.#medications.state;
    if (state.status !== 'ready') return;
    const list = this.#listOf(state.value);
    if (list === this.#list) return;
    this.#list = list;
    for (const { key } of list.byKey.values())
      if (!this.#ids.has(key)) this.#ids.set(key, `med-${this.#ids.size + 1}`);
    this.#history.refresh(state.value);
    this.#announceNewConflicts(state.value);
  }

  override render(): TemplateResult {
    // A first answer about to come from the device: no pending state painted before it.
    if (this.#pending && this.#grace.holding) return html``;
    return html`
      ${heading(this.#level, m.title, { class: 'title' })} ${this.#body()}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    `;
  }

  /**
   * It says it is loading: its medications not read yet, or none read before
   * it is known whether the chart is here (never in place of "not on this
   * device"). Medications listed are the chart itself (they live in its core
   * document), so only an empty or pending answer waits to know that.
   */
  get #pending(): boolean {
    const state = this.#medications.state;
    return (
      (state.status === 'pending' && !this.#presence.missing) ||
      (state.status === 'ready' && state.value.length === 0 && this.#presence.pending)
    );
  }

  #body(): TemplateResult {
    const state = this.#medications.state;
    if (this.#pending) return html`<p class="state">${m.pending}</p>`;
    // Not "no medications recorded" for a chart that is not here yet.
    const empty = state.status === 'pending' || (state.status === 'ready' && !state.value.length);
    const notice = empty ? this.#presence.notice() : undefined;
    if (notice) return notice;
    switch (state.status) {
      case 'idle':
        return html`<p class="state">${m.idle}</p>`;
      case 'pending':
        return html`<p class="state">${m.pending}</p>`;
      case 'error':
        return html`<p class="error" part="error">
          <span aria-hidden="true">⚠ </span>${m.error(state.error.message)}
        </p>`;
      case 'ready':
        return this.#sections(this.#listOf(state.value));
    }
  }

  #sections({ groups, listed, conflicts }: MedicationSections): TemplateResult {
    if (listed === 0) return html`<p class="state">${m.empty}</p>`;
    const read = this.#patient.state;
    const died = deathOf(read.status === 'ready' ? read.value?.current : undefined);
    const current = groups.active.length + groups['on-hold'].length;
    return html`
      ${died && current ? html`<p class="died-notice" part="died-notice">${m.diedNotice(died.date, current)}</p>` : nothing}
      ${read.status === 'error' ? html`<p class="died-notice" part="died-notice">${m.patientUnreadable(read.error.message)}</p>` : nothing}
      ${conflicts ? html`<p class="conflicts-notice"><span aria-hidden="true">⚠ </span>${m.conflictsNotice(conflicts)}</p>` : nothing}
      ${SECTIONS.map((id) => (id === 'not-started' && groups[id].length === 0 ? nothing : this.#section(id, groups[id])))}
    `;
  }

  #section(section: SectionId, records: Array<ChartRecord<Medication>>): TemplateResult {
    const readOnly = !this.store || !WRITING_ROLES.includes(this.store.user.role);
    return html`<section
      part="section"
      aria-labelledby="section-${section}"
      data-section=${section}
    >
      ${heading(
        this.#level + 1,
        html`${m.section[section]} <span class="count">(${records.length})</span>`,
        { id: `section-${section}`, class: 'section-title' },
      )}
      ${
        records.length === 0
          ? html`<p class="empty">${m.sectionEmpty[section]}</p>`
          : html`<ul class="items" @click=${this.#onClick}>
              ${repeat(
                records,
                (record) => record.key,
                (record) =>
                  renderEntry(record, {
                    id: this.#ids.get(record.key) ?? '',
                    section,
                    readOnly,
                    actions: this.#actions,
                    history: this.#history,
                    deliveries: this.#deliveries.value,
                  }),
              )}
            </ul>`
      }
    </section>`;
  }

  get #level(): number {
    return headingLevel(this.headingLevel, 2);
  }

  readonly #onClick = (event: Event) =>
    onEntryAction(event, (key) => this.#list?.byKey.get(key), {
      actions: this.#actions,
      history: this.#history,
    });

  #announceNewConflicts(records: ReadonlyArray<ChartRecord<Medication>>): void {
    const now = new Set(records.filter(inConflict).map((record) => record.key));
    const seen = this.#conflicts;
    this.#conflicts = now;
    if (!seen) return;
    const fresh = records.filter((record) => now.has(record.key) && !seen.has(record.key));
    if (fresh.length)
      this.announcement = fresh
        .map((record) => m.newConflict(medicationLine(record.current).name))
        .join(' ');
  }
}
