import { consume } from '@lit/context';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  chartStoreContext,
  type CardOverride,
  type ChartStore,
  type DecisionSupport,
  type Medication,
} from '../../model/index.js';
import { medicationLine, type MedicationLine } from '../../clinical/index.js';
import { COMMON_DRUGS, type CommonDrug } from '../../clinical/data/common-drugs.js';
import { ChartPresenceController } from '../shared/chart-presence-controller.js';
import { controlStyles } from '../shared/control.styles.js';
import { EmrElement } from '../shared/emr-element.js';
import { medicationFormStyles } from './medication-form.styles.js';
import { memo } from '../shared/memo.js';
import { CodedSearchController, codedSearchField } from './coded-search-field.js';
import { DecisionSupportController } from './decision-support-controller.js';
import {
  draftMedication,
  emptyFields,
  medicationProblems,
  type MedicationFields,
  type MedicationProblems,
} from './medication-draft.js';
import { EmrMedicationRecordEvent } from './medication-form.events.js';
import { medicationFormMessages as m } from './medication-form.messages.js';
import { doseFields, kindField, previewLine, type FieldName } from './medication-form.templates.js';
import { overrideIssue } from './override-issues.js';
import { recordingStyles } from './recording.styles.js';
import { cdsCards, recordingGate, saveFailure } from './recording.templates.js';
import { storeFailure } from './store-failure.js';

/**
 * Records a medication for a patient: a drug from a coded search over
 * common RxNorm clinical drugs (or typed as free text, marked uncoded: no
 * automatic checks), its dose, unit, route, frequency, as needed with a
 * reason, course length and start, as a FHIR MedicationRequest (an order)
 * or MedicationStatement (taken at home). The medication line is previewed
 * as the medication list will print it.
 *
 * With `decisionSupport`, the draft is checked while it changes
 * ('order-select') and before it is saved ('order-sign'); the cards show in
 * `<emr-cds-cards>`. A critical card blocks the save until the clinician
 * gives an override reason there; the save then writes the medication and
 * one DetectedIssue per override in one change. Without it the form still
 * saves and says that no medication checks ran.
 *
 * Read-only roles see no form.
 *
 * @summary Records a medication order or a medication taken at home.
 * @fires {MedicationRecordDetail} emr-medication-record - A clinician saves. Cancelable: canceled, nothing is written. `detail`: `{ resource, detectedIssues, overrides }`.
 * @csspart form - the form.
 * @csspart preview - the medication line as it will read.
 * @csspart error - a message about a field or the save.
 * @csspart status - what shows instead of the form (no chart, read-only role).
 * @cssproperty --emr-medication-form-background - background of the form.
 * @cssproperty --emr-medication-form-error-color - colour of error messages (always with text).
 * @cssproperty --emr-medication-form-caution-color - colour of the "uncoded" note (always with text).
 */
export class EmrMedicationForm extends EmrElement {
  static override styles = [
    EmrElement.styles,
    controlStyles,
    recordingStyles,
    medicationFormStyles,
  ];

  /** The FHIR id of the patient. */
  @property({ attribute: 'patient-id', reflect: true }) patientId = '';

  /** The chart store: from context (chartStoreContext), or set here. */
  @consume({ context: chartStoreContext, subscribe: true })
  @property({ attribute: false })
  store?: ChartStore;

  /** Decision support (the kit's checks and the hospital's services); none: the form saves unchecked and says so. */
  @property({ attribute: false }) decisionSupport?: DecisionSupport;

  @state() private fields: MedicationFields = emptyFields();
  @state() private problems: MedicationProblems = {};
  @state() private busy = false;
  @state() private failure: { message: string; where: string[] } | undefined;
  @state() private blocked = '';
  @state() private announcement = '';

  readonly #presence = new ChartPresenceController(this);
  readonly #checks = new DecisionSupportController(this);
  readonly #drug = new CodedSearchController<CommonDrug>(this, COMMON_DRUGS, () => this.#onDrug());
  readonly #lineOf = memo((fields: MedicationFields, patientId: string) =>
    fields.drug || fields.drugText.trim()
      ? medicationLine(draftMedication(fields, patientId, { displayName: '' }, ''))
      : undefined,
  );
  #line: MedicationLine | undefined;

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('fields') || changed.has('patientId'))
      this.#line = this.#lineOf(this.fields, this.patientId);
  }

  override render(): TemplateResult {
    const gate = recordingGate(this.store, this.#presence);
    if (typeof gate === 'string') return html`<p part="status" class="state">${gate}</p>`;
    if (gate) return gate;
    const checks = this.#checks;
    return html`<form part="form" novalidate @submit=${this.#onSubmit}>
        <fieldset>
          <legend>${m.legend}</legend>
          <div class="fields">
            ${kindField(this.fields, this.#onField)}
            ${codedSearchField(this.#drug, { id: 'drug', label: m.drug, error: this.problems.drug, hint: m.drugHint })}
            ${doseFields(this.fields, this.problems, this.#onField)}
          </div>
          ${previewLine(this.#line)}
          ${checks.available ? cdsCards(checks, this.#onOverride, m.checksLabel) : nothing}
          ${this.blocked ? html`<p part="error" class="error" role="alert">${this.blocked}</p>` : nothing}
          ${saveFailure(this.failure)}
          <div class="actions">
            <button type="submit" ?disabled=${this.busy}>${this.busy ? m.saving : m.save}</button>
            ${checks.available ? nothing : html`<span class="hint" id="no-checks">${m.noChecks}</span>`}
          </div>
        </fieldset>
      </form>
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>`;
  }

  readonly #onField = (name: FieldName, value: string | boolean): void => {
    this.fields = { ...this.fields, [name]: value };
    if (name in this.problems) this.problems = { ...this.problems, [name]: undefined };
    this.#draftChanged();
  };

  #onDrug(): void {
    const drug = this.#drug.chosen;
    this.fields = {
      ...this.fields,
      drug,
      drugText: this.#drug.text,
      ...(drug && { unit: drug.unit, route: drug.route }),
    };
    this.problems = { ...this.problems, drug: undefined };
    this.#draftChanged();
  }

  #draftChanged(): void {
    this.blocked = '';
    const ready = Object.keys(medicationProblems(this.fields)).length === 0;
    this.#checks.select(ready ? this.#request(this.#draft()) : undefined);
  }

  readonly #onOverride = (event: Event): void => {
    const detail = (event as CustomEvent<CardOverride>).detail;
    if (!detail?.card || !detail.reason) return;
    this.#checks.override(detail);
    if (this.#checks.unresolvedCritical.length === 0) this.blocked = '';
  };

  /**
   * The id the medication will be saved under, the same while it is drafted:
   * a card names the records it is about, so an override given to a card
   * while drafting still answers the same card when the draft is signed.
   */
  #draftId = crypto.randomUUID();

  #draft(): Medication & { id: string } {
    const user = this.store?.user ?? { displayName: '' };
    const at = new Date().toISOString();
    return draftMedication(this.fields, this.patientId, user, at, this.#draftId) as Medication & {
      id: string;
    };
  }

  #request(draft: Medication) {
    return { hook: 'order-select' as const, patientId: this.patientId, draft };
  }

  async #onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const store = this.store;
    if (this.busy || !store) return;
    this.problems = medicationProblems(this.fields);
    if (Object.keys(this.problems).length) return this.#focus('[aria-invalid="true"]');
    this.busy = true;
    this.failure = undefined;
    try {
      const resource = this.#draft();
      const checks = this.#checks;
      if (checks.available) {
        await checks.sign(this.#request(resource));
        const open = checks.unresolvedCritical.length;
        if (open) {
          this.blocked = m.overrideNeeded(open);
          return this.#focus('emr-cds-cards');
        }
      }
      const at = new Date().toISOString();
      const overrides = checks.overrides;
      const detectedIssues = overrides.map((o) =>
        overrideIssue(o, resource, this.patientId, store.user, at),
      );
      const record = new EmrMedicationRecordEvent({ resource, detectedIssues, overrides });
      if (!this.dispatchEvent(record)) return;
      await store.recordAll([resource, ...detectedIssues], {
        reason: m.revision(resource.resourceType),
      });
      this.announcement = m.saved(medicationLine(resource).text);
      this.#reset();
      await this.#focus('#drug');
    } catch (error) {
      this.failure = storeFailure(error);
    } finally {
      this.busy = false;
    }
  }

  #reset(): void {
    this.#draftId = crypto.randomUUID();
    this.fields = emptyFields();
    this.problems = {};
    this.blocked = '';
    this.#drug.clear();
    this.#checks.reset();
  }

  async #focus(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }
}
