import { html, nothing, type TemplateResult } from 'lit';
import type { MedicationLine } from '../../clinical/index.js';
import { lineTemplate } from '../medication-list/medication-line-view.js';
import {
  DOSE_UNITS,
  FREQUENCIES,
  frequencyLabel,
  ROUTES,
  unitLabel,
  type MedicationFields,
  type MedicationProblems,
} from './medication-draft.js';
import { medicationFormMessages as m } from './medication-form.messages.js';

// The fields of the medication form other than the drug search: the element
// binds each to `onField(name, value)`.

export type FieldName = keyof Omit<MedicationFields, 'drug' | 'drugText'>;

const error = (id: string, message: string | undefined) =>
  message ? html`<span part="error" class="error" id="${id}-error">${message}</span>` : nothing;

const invalid = (message: string | undefined) => (message ? 'true' : 'false');
const describedBy = (id: string, message: string | undefined) =>
  message ? `${id}-error` : nothing;

export function kindField(
  fields: MedicationFields,
  onField: (name: FieldName, value: string | boolean) => void,
): TemplateResult {
  const option = (value: MedicationFields['kind'], label: string) =>
    html`<label
      ><input
        type="radio"
        name="kind"
        value=${value}
        .checked=${fields.kind === value}
        @change=${() => onField('kind', value)}
      />${label}</label
    >`;
  return html`<fieldset class="choice wide">
    <legend>${m.kind}</legend>
    ${option('MedicationRequest', m.kindRequest)} ${option('MedicationStatement', m.kindStatement)}
  </fieldset>`;
}

export function doseFields(
  fields: MedicationFields,
  problems: MedicationProblems,
  onField: (name: FieldName, value: string | boolean) => void,
): TemplateResult {
  const text = (name: FieldName) => (event: Event) =>
    onField(name, (event.target as HTMLInputElement).value);
  return html`
    <div class="field">
      <label for="dose">${m.dose}</label>
      <input
        id="dose"
        type="text"
        inputmode="decimal"
        autocomplete="off"
        .value=${fields.dose}
        aria-invalid=${invalid(problems.dose)}
        aria-describedby=${describedBy('dose', problems.dose)}
        @input=${text('dose')}
      />
      ${error('dose', problems.dose)}
    </div>
    <div class="field">
      <label for="unit">${m.unit}</label>
      <select id="unit" .value=${fields.unit} @change=${text('unit')}>
        ${DOSE_UNITS.map((code) => html`<option value=${code} ?selected=${fields.unit === code}>${unitLabel(code)}</option>`)}
      </select>
    </div>
    <div class="field">
      <label for="route">${m.route}</label>
      <select id="route" @change=${text('route')}>
        <option value="" ?selected=${fields.route === ''}>${m.noRoute}</option>
        ${Object.keys(ROUTES).map((id) => html`<option value=${id} ?selected=${fields.route === id}>${m.routes[id]}</option>`)}
      </select>
    </div>
    <div class="field">
      <label for="frequency">${m.frequency}</label>
      <select
        id="frequency"
        aria-invalid=${invalid(problems.frequency)}
        aria-describedby=${describedBy('frequency', problems.frequency)}
        @change=${text('frequency')}
      >
        <option value="" ?selected=${fields.frequency === ''}>${m.chooseFrequency}</option>
        ${(Object.keys(FREQUENCIES) as Array<keyof typeof FREQUENCIES>).map((id) => html`<option value=${id} ?selected=${fields.frequency === id}>${frequencyLabel(id)}</option>`)}
      </select>
      ${error('frequency', problems.frequency)}
    </div>
    <div class="field">
      <label class="check"
        ><input
          id="as-needed"
          type="checkbox"
          .checked=${fields.asNeeded}
          @change=${(event: Event) => onField('asNeeded', (event.target as HTMLInputElement).checked)}
        />${m.asNeeded}</label
      >
      ${
        fields.asNeeded
          ? html`<label for="as-needed-reason">${m.asNeededReason}</label>
              <input
                id="as-needed-reason"
                type="text"
                .value=${fields.asNeededReason}
                @input=${text('asNeededReason')}
              />`
          : nothing
      }
    </div>
    <div class="field">
      <label for="course-days">${m.courseDays}</label>
      <input
        id="course-days"
        type="text"
        inputmode="numeric"
        .value=${fields.courseDays}
        aria-invalid=${invalid(problems.courseDays)}
        aria-describedby=${describedBy('course-days', problems.courseDays)}
        @input=${text('courseDays')}
      />
      ${error('course-days', problems.courseDays)}
    </div>
    <div class="field">
      <label for="start">${m.start}</label>
      <input
        id="start"
        type="date"
        .value=${fields.start}
        aria-invalid=${invalid(problems.start)}
        aria-describedby=${describedBy('start', problems.start)}
        @change=${text('start')}
      />
      ${error('start', problems.start)}
    </div>
  `;
}

/** The medication line as the list will print it, or a hint while there is none. */
export function previewLine(line: MedicationLine | undefined): TemplateResult {
  return html`<output
    class="preview"
    part="preview"
    for="drug dose unit route frequency"
    aria-label=${m.preview}
  >
    ${line ? lineTemplate(line) : html`<span class="hint">${m.previewEmpty}</span>`}
  </output>`;
}
