import { consume } from '@lit/context';
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  chartStoreContext,
  type AllergyIntolerance,
  type CardOverride,
  type ChartRecord,
  type ChartStore,
  type DecisionSupport,
} from '../../model/index.js';
import type { AllergyCategory } from '../../clinical/allergy-entry.js';
import {
  ALLERGY_SUBSTANCES,
  type AllergySubstance,
} from '../../clinical/data/allergy-substances.js';
import { ChartPresenceController } from '../shared/chart-presence-controller.js';
import { controlStyles } from '../shared/control.styles.js';
import { EmrElement } from '../shared/emr-element.js';
import { allergyFormStyles } from './allergy-form.styles.js';
import { LiveQueryController } from '../shared/live-query-controller.js';
import { CodedSearchController, codedSearchField } from '../medication-form/coded-search-field.js';
import { DecisionSupportController } from '../medication-form/decision-support-controller.js';
import { recordingStyles } from '../medication-form/recording.styles.js';
import { cdsCards, recordingGate, saveFailure } from '../medication-form/recording.templates.js';
import { storeFailure } from '../medication-form/store-failure.js';
import {
  allergyProblems,
  assertionRefusal,
  draftAllergy,
  emptyAllergyFields,
  noKnownAllergy,
  NO_KNOWN,
  type AllergyFields,
  type AllergyProblems,
  type Assertion,
} from './allergy-draft.js';
import { EmrAllergyRecordEvent } from './allergy-form.events.js';
import { planAllergyWrite, supersededKeys, writeAllergy } from './allergy-writes.js';
import { allergyFormMessages as m } from './allergy-form.messages.js';
import {
  allergyDetails,
  reactionList,
  type AllergyFieldHandlers,
} from './allergy-form.templates.js';

/**
 * Records an allergy or intolerance: the substance from a coded search
 * (RxNorm ingredients, SNOMED CT substances for foods, latex, contrast
 * media and insect venom; free text is kept, marked uncoded: no automatic
 * checks), category, criticality, reactions with their severity,
 * verification status and onset. Two buttons record "No known allergies" and
 * "No known drug allergies" (SNOMED CT 716186003, 409137002), unless the
 * chart lists an allergy they would contradict. A real allergy supersedes
 * such an assertion: the assertion is made inactive by a revision whose
 * parent is it, after the allergy is written.
 *
 * With `decisionSupport`, a new allergy is checked ('order-sign') against
 * the active medications before it is saved; a critical card needs an
 * override reason, recorded as a DetectedIssue in the same change.
 *
 * Read-only roles see no form.
 *
 * @summary Records an allergy or intolerance, or that there are none.
 * @fires {AllergyRecordDetail} emr-allergy-record - A clinician saves. Cancelable: canceled, nothing is written. `detail`: `{ resource, supersedes, detectedIssues, overrides }`.
 * @csspart form - the form.
 * @csspart error - a message about a field or the save.
 * @csspart status - what shows instead of the form (no chart, read-only role).
 * @cssproperty --emr-allergy-form-background - background of the form.
 * @cssproperty --emr-allergy-form-error-color - colour of error messages (always with text).
 * @cssproperty --emr-allergy-form-caution-color - colour of the "uncoded" note (always with text).
 */
export class EmrAllergyForm extends EmrElement {
  static override styles = [EmrElement.styles, controlStyles, recordingStyles, allergyFormStyles];

  /** The FHIR id of the patient. */
  @property({ attribute: 'patient-id', reflect: true }) patientId = '';

  /** The chart store: from context (chartStoreContext), or set here. */
  @consume({ context: chartStoreContext, subscribe: true })
  @property({ attribute: false })
  store?: ChartStore;

  /** Decision support: a new allergy checked against the active medications before it is saved. */
  @property({ attribute: false }) decisionSupport?: DecisionSupport;

  @state() private fields: AllergyFields = emptyAllergyFields();
  @state() private problems: AllergyProblems = {};
  @state() private busy = false;
  @state() private failure: { message: string; where: string[] } | undefined;
  @state() private blocked = '';
  @state() private announcement = '';

  readonly #presence = new ChartPresenceController(this);
  readonly #allergies = new LiveQueryController<Array<ChartRecord<AllergyIntolerance>>>(
    this,
    (store, id) => store.allergies(id),
  );
  readonly #checks = new DecisionSupportController(this);
  readonly #substance = new CodedSearchController<AllergySubstance>(this, ALLERGY_SUBSTANCES, () =>
    this.#onSubstance(),
  );

  override render(): TemplateResult {
    const gate = recordingGate(this.store, this.#presence);
    if (typeof gate === 'string') return html`<p part="status" class="state">${gate}</p>`;
    if (gate) return gate;
    return html`<form part="form" novalidate @submit=${this.#onSubmit}>
        <fieldset>
          <legend>${m.legend}</legend>
          <div class="fields">
            ${codedSearchField(this.#substance, { id: 'substance', label: m.substance, error: this.problems.substance, hint: m.substanceHint })}
            ${allergyDetails(this.fields, this.problems, this.#on)}
            ${reactionList(this.fields.reactions, this.problems, this.#on)}
          </div>
          ${this.#checks.available ? cdsCards(this.#checks, this.#onOverride, m.checksLabel) : nothing}
          ${this.blocked ? html`<p part="error" class="error" role="alert">${this.blocked}</p>` : nothing}
          ${saveFailure(this.failure)}
          <div class="actions">
            <button type="submit" ?disabled=${this.busy}>${this.busy ? m.saving : m.save}</button>
          </div>
          <div class="actions" role="group" aria-label=${m.assertions}>
            <button
              type="button"
              id="no-known-allergies"
              ?disabled=${this.busy}
              @click=${() => this.#onAssert('all')}
            >
              ${m.noKnownAllergies}
            </button>
            <button
              type="button"
              id="no-known-drug-allergies"
              ?disabled=${this.busy}
              @click=${() => this.#onAssert('medication')}
            >
              ${m.noKnownDrugAllergies}
            </button>
          </div>
        </fieldset>
      </form>
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>`;
  }

  readonly #on: AllergyFieldHandlers = {
    field: (name, value) => {
      this.fields = { ...this.fields, [name]: value };
      if (name === 'onset') this.problems = { ...this.problems, onset: undefined };
    },
    reaction: (index, change) => {
      const reactions = this.fields.reactions.map((r, i) =>
        i === index ? { ...r, ...change } : r,
      );
      this.fields = { ...this.fields, reactions };
      this.problems = { ...this.problems, [`reaction-${index}`]: undefined };
    },
    addReaction: () => {
      const reactions = [...this.fields.reactions, { manifestation: '', severity: '' as const }];
      this.fields = { ...this.fields, reactions };
      void this.#focus(`#manifestation-${reactions.length - 1}`);
    },
    removeReaction: (index) => {
      const reactions = this.fields.reactions.filter((_, i) => i !== index);
      this.fields = { ...this.fields, reactions };
      this.problems = {};
      void this.#focus('#add-reaction');
    },
  };

  #onSubstance(): void {
    const substance = this.#substance.chosen;
    const category: AllergyCategory | '' = substance?.category ?? this.fields.category;
    this.fields = { ...this.fields, substance, substanceText: this.#substance.text, category };
    this.problems = { ...this.problems, substance: undefined };
    this.blocked = '';
  }

  readonly #onOverride = (event: Event): void => {
    const detail = (event as CustomEvent<CardOverride>).detail;
    if (!detail?.card || !detail.reason) return;
    this.#checks.override(detail);
    if (this.#checks.unresolvedCritical.length === 0) this.blocked = '';
  };

  get #records(): Array<ChartRecord<AllergyIntolerance>> {
    const state = this.#allergies.state;
    return state.status === 'ready' ? state.value : [];
  }

  #draftId = crypto.randomUUID();

  async #onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const store = this.store;
    if (this.busy || !store) return;
    this.problems = allergyProblems(this.fields);
    if (Object.keys(this.problems).length) return this.#focus('[aria-invalid="true"]');
    const now = new Date().toISOString();
    // One id per draft: an override given to a card answers the same card when saved again.
    const allergy = draftAllergy(this.fields, this.patientId, store.user, now, this.#draftId);
    await this.#write(
      allergy,
      true,
      allergy.code?.coding?.[0]?.display ?? allergy.code?.text ?? '',
    );
  }

  async #onAssert(assertion: Assertion): Promise<void> {
    const store = this.store;
    if (this.busy || !store) return;
    this.blocked = assertionRefusal(assertion, this.#records) ?? '';
    if (this.blocked) return;
    const resource = noKnownAllergy(
      assertion,
      this.patientId,
      store.user,
      new Date().toISOString(),
      crypto.randomUUID(),
    );
    await this.#write(resource, false, NO_KNOWN[assertion].display);
  }

  /** Checks (for an allergy), asks the host, then writes (allergy-writes.ts). */
  async #write(resource: AllergyIntolerance & { id: string }, allergy: boolean, saved: string) {
    const store = this.store;
    if (!store) return;
    this.busy = true;
    this.failure = undefined;
    this.blocked = '';
    try {
      const checks = this.#checks;
      if (allergy && checks.available) {
        await checks.sign({ hook: 'order-sign', patientId: this.patientId, draft: resource });
        const open = checks.unresolvedCritical.length;
        if (open) {
          this.blocked = m.overrideNeeded(open);
          return await this.#focus('emr-cds-cards');
        }
      }
      const overrides = allergy ? checks.overrides : [];
      const write = planAllergyWrite(
        resource,
        allergy,
        this.#records,
        overrides,
        this.patientId,
        store,
      );
      const event = new EmrAllergyRecordEvent({
        resource,
        supersedes: supersededKeys(write),
        detectedIssues: write.detectedIssues,
        overrides,
      });
      if (!this.dispatchEvent(event)) return;
      await writeAllergy(store, write, allergy);
      this.announcement = write.superseded.length
        ? m.superseded(saved, write.superseded.length)
        : m.saved(saved);
      this.#reset();
      await this.#focus('#substance');
    } catch (error) {
      this.failure = storeFailure(error);
    } finally {
      this.busy = false;
    }
  }

  #reset(): void {
    this.#draftId = crypto.randomUUID();
    this.fields = emptyAllergyFields();
    this.problems = {};
    this.#substance.clear();
    this.#checks.reset();
  }

  async #focus(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }
}
