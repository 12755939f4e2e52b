import { html, nothing, type TemplateResult } from 'lit';
import type { ChartRecord, Medication } from '../../model/index.js';
import { medicationLine } from '../../clinical/index.js';
import type { Editing, MedicationActions } from './medication-actions.js';
import { editableDose, UNIT_CHOICES, unitLabel } from './medication-changes.js';
import { medicationListMessages as m } from './medication-list.messages.js';

// The two small forms of the list, shown inline under their medication so
// that a store error appears beside it and what was typed stays. Native
// form controls; Escape closes and gives focus back to the button.

type Input = HTMLInputElement | HTMLSelectElement;

function formEvents(actions: MedicationActions, submit: () => void) {
  return {
    submit: (event: SubmitEvent) => {
      event.preventDefault();
      submit();
    },
    keydown: (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      actions.close();
    },
    input: (field: 'value' | 'unit' | 'reason') => (event: Event) =>
      actions.edit(field, (event.target as Input).value),
  };
}

/** The new dose, with its unit shown (or chosen, when none was recorded) and checked before anything is sent. */
export function renderDoseForm(
  record: ChartRecord<Medication>,
  editing: Editing,
  id: string,
  actions: MedicationActions,
): TemplateResult {
  const resolving = editing.kind === 'resolve';
  const editable = editableDose(record.current) ?? {};
  const line = medicationLine(record.current);
  const on = formEvents(
    actions,
    () => void (resolving ? actions.resolveWithDose(record) : actions.changeDose(record)),
  );
  const problem = editing.problem ? m.problem[editing.problem] : undefined;
  const unitProblem = editing.problem === 'noUnit';
  const amount = Number(editing.value) > 0 ? Number(editing.value) : 1;
  const described = (...ids: Array<string | false>) => ids.filter((i) => i).join(' ') || nothing;

  return html`<form
    id=${id}
    class="form"
    part="form"
    novalidate
    aria-labelledby="${id}-title"
    @submit=${on.submit}
    @keydown=${on.keydown}
  >
    <p class="form-title" id="${id}-title">
      ${resolving ? m.resolveForm(line.name) : m.doseForm(line.name)}
    </p>
    ${
      resolving
        ? html`<p class="note">${m.resolveBase(record.heads[0]!.author.displayName)}</p>`
        : html`<p class="note">${m.currentDose(line.dose)}</p>`
    }
    <div class="field">
      <label for="${id}-value">${m.newDose}</label>
      <input
        id="${id}-value"
        type="text"
        inputmode="decimal"
        autocomplete="off"
        .value=${editing.value}
        aria-invalid=${problem && !unitProblem ? 'true' : 'false'}
        aria-describedby=${described(!!editable.unit && `${id}-unit`, !!problem && !unitProblem && `${id}-problem`)}
        @input=${on.input('value')}
      />
      ${editable.unit ? html`<span class="unit" id="${id}-unit">${unitLabel(editable.unit, amount)}</span>` : nothing}
    </div>
    ${
      editable.unit
        ? nothing
        : html`<div class="field">
            <label for="${id}-unit-choice">${m.unit}</label>
            <select
              id="${id}-unit-choice"
              aria-invalid=${unitProblem ? 'true' : 'false'}
              aria-describedby=${described(unitProblem && `${id}-problem`)}
              @change=${on.input('unit')}
            >
              <option value="" ?selected=${!editing.unit}>${m.chooseUnit}</option>
              ${UNIT_CHOICES.map(({ code }) => html`<option value=${code} ?selected=${editing.unit === code}>${unitLabel({ code }, amount)}</option>`)}
            </select>
          </div>`
    }
    ${editable.text ? html`<p class="note">${m.textReplaced(editable.text)}</p>` : nothing}
    ${problem ? html`<p class="problem" id="${id}-problem"><span aria-hidden="true">⚠ </span>${problem}</p>` : nothing}
    <div class="form-actions">
      <button type="submit" ?disabled=${actions.busy.has(record.key)}>
        ${resolving ? m.saveResolution : m.saveDose}
      </button>
      <button type="button" @click=${() => actions.close()}>${m.cancel}</button>
    </div>
  </form>`;
}

/** Discontinuing asks once more, with an optional reason. */
export function renderDiscontinueForm(
  record: ChartRecord<Medication>,
  editing: Editing,
  id: string,
  actions: MedicationActions,
): TemplateResult {
  const on = formEvents(actions, () => void actions.discontinue(record));
  return html`<form
    id=${id}
    class="form"
    part="form"
    novalidate
    aria-labelledby="${id}-title"
    @submit=${on.submit}
    @keydown=${on.keydown}
  >
    <p class="form-title" id="${id}-title">
      ${m.discontinueForm(medicationLine(record.current).text)}
    </p>
    <div class="field">
      <label for="${id}-reason">${m.discontinueReason}</label>
      <input
        id="${id}-reason"
        type="text"
        autocomplete="off"
        .value=${editing.reason}
        @input=${on.input('reason')}
      />
    </div>
    <div class="form-actions">
      <button type="submit" class="danger" ?disabled=${actions.busy.has(record.key)}>
        ${m.confirmDiscontinue}
      </button>
      <button type="button" @click=${() => actions.close()}>${m.cancel}</button>
    </div>
  </form>`;
}
