import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  acvpuLabels,
  PLAUSIBLE_LIMITS,
  VITAL_SIGNS,
  type Acvpu,
  type PlausibleLimits,
  type VitalSignId,
} from '../../clinical/index.js';
import { controlStyles } from '../shared/control.styles.js';
import { EmrElement } from '../shared/emr-element.js';
import type { EntrySign } from '../vitals-grid/vitals-observations.js';
import { EmrVitalsSubmitEvent } from './vitals-form.events.js';
import { vitalsFormMessages as m } from './vitals-form.messages.js';
import { vitalsFormStyles } from './vitals-form.styles.js';
import { NUMBER_FIELDS, readEntry, unitOf, type EntryField } from './read-entry.js';

const ACVPU: readonly Acvpu[] = ['A', 'C', 'V', 'P', 'U'];

/**
 * The form for one set of vital signs: labelled inputs with their units,
 * each checked against plausibility limits before the set is submitted.
 * A leaf element: properties only, no store.
 *
 * @summary Entry form for a set of vital signs.
 * @fires {VitalsSubmitDetail} emr-vitals-submit - A clinician saved a checked set. `detail`: `{ entry }`.
 * @csspart form - the form.
 * @csspart error - a message about a field or the whole form.
 * @cssproperty --emr-vitals-form-background - background of the form.
 * @cssproperty --emr-vitals-form-error-color - colour of the messages (always with text).
 */
export class EmrVitalsForm extends EmrElement {
  static override styles = [EmrElement.styles, controlStyles, vitalsFormStyles];
  /** `focus()` on the element goes to its first field. */
  static override shadowRootOptions: ShadowRootInit = {
    ...EmrElement.shadowRootOptions,
    delegatesFocus: true,
  };

  /** A save is under way: the button is disabled. */
  @property({ type: Boolean, reflect: true }) busy = false;
  /** A message about the last save, from the element that saves. */
  @property() error = '';
  /** Plausibility limits, by sign: the kit's defaults unless a host sets its own. */
  @property({ attribute: false }) limits: Readonly<Partial<Record<VitalSignId, PlausibleLimits>>> =
    PLAUSIBLE_LIMITS;

  @state() private errors: Partial<Record<EntryField | 'form', string>> = {};
  @state() private oxygen = '';

  /** Empties some fields (all when none are named): those already saved. */
  clear(fields?: readonly EntryField[]): void {
    const form = this.renderRoot.querySelector('form');
    if (!form) return;
    if (!fields) form.reset();
    for (const name of fields ?? []) {
      const control = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
      if (control) control.value = '';
    }
    this.oxygen = (form.elements.namedItem('oxygen') as HTMLSelectElement | null)?.value ?? '';
    this.errors = {};
  }

  override render() {
    const e = this.errors;
    return html`<form part="form" novalidate @submit=${this.#onSubmit}>
      <fieldset>
        <legend>${m.legend}</legend>
        <p class="hint">${m.when}</p>
        <div class="fields">
          ${this.#number('respiratory-rate')} ${this.#number('oxygen-saturation')}
          <div class="field">
            <label for="oxygen">${m.airOrOxygen}</label>
            <select id="oxygen" name="oxygen" @change=${this.#onOxygen}>
              <option value="">${m.notRecorded}</option>
              <option value="air">${m.air}</option>
              <option value="oxygen">${m.oxygen}</option>
            </select>
          </div>
          ${this.oxygen === 'oxygen' ? this.#number('inhaled-oxygen-flow') : nothing}
          <fieldset class="pair">
            <legend>${m.bloodPressure}</legend>
            ${this.#number('systolic-bp', m.systolic)} ${this.#number('diastolic-bp', m.diastolic)}
          </fieldset>
          ${this.#number('heart-rate')}
          <div class="field">
            <label for="consciousness">${m.consciousness}</label>
            <select id="consciousness" name="consciousness">
              <option value="">${m.notRecorded}</option>
              ${ACVPU.map((level) => html`<option value=${level}>${level}: ${acvpuLabels[level]}</option>`)}
            </select>
          </div>
          ${this.#number('temperature')} ${this.#number('weight')} ${this.#number('height')}
        </div>
        ${e.form || this.error ? html`<p part="error" class="error" role="alert">${e.form ?? this.error}</p>` : nothing}
        <button type="submit" ?disabled=${this.busy}>${this.busy ? m.saving : m.save}</button>
      </fieldset>
    </form>`;
  }

  #number(id: EntrySign, label = VITAL_SIGNS[id].label) {
    const error = this.errors[id];
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <span class="control">
        <input
          id=${id}
          name=${id}
          type="text"
          inputmode="decimal"
          autocomplete="off"
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${error ? `${id}-unit ${id}-error` : `${id}-unit`}
        />
        <span class="unit" id="${id}-unit">${unitOf(id)}</span>
      </span>
      ${error ? html`<span part="error" class="error" id="${id}-error">${error}</span>` : nothing}
    </div>`;
  }

  #onOxygen(event: Event): void {
    this.oxygen = (event.target as HTMLSelectElement).value;
  }

  async #onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const form = event.target as HTMLFormElement;
    const typed: Partial<Record<EntryField, string>> = {};
    for (const name of [...NUMBER_FIELDS, 'oxygen', 'consciousness'] as const) {
      const control = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
      if (control) typed[name] = control.value;
    }
    const result = readEntry(typed, this.limits);
    if (!result.ok) {
      this.errors = result.errors;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    this.errors = {};
    this.dispatchEvent(new EmrVitalsSubmitEvent({ entry: result.entry }));
  }
}
