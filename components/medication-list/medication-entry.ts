import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { ChartRecord, Medication } from '../../model/index.js';
import { medicationLine } from '../../clinical/index.js';
import type { MedicationActions } from './medication-actions.js';
import { editableDose } from './medication-changes.js';
import { renderConflict } from './medication-conflict-view.js';
import { renderDiscontinueForm, renderDoseForm } from './medication-forms.js';
import type { MedicationHistoryController } from './medication-history-controller.js';
import { renderHistory } from './medication-history-view.js';
import { formatDate, medicationListMessages as m } from './medication-list.messages.js';
import { endOf, isChangeable, prescriberOf, startOf, type SectionId } from './medication-sections.js';

/** What one medication's template needs from the list. */
export interface EntryContext {
  /** Unique in the list, stable for the record: for ids. */
  id: string;
  section: SectionId;
  readOnly: boolean;
  actions: MedicationActions;
  history: MedicationHistoryController;
}

/**
 * One medication: its line and details (or both versions in a conflict), its
 * actions, form, error and history. The common case — one head, nothing open —
 * is one flat template: a long list builds a hundred of these at once.
 */
export function renderEntry(record: ChartRecord<Medication>, ctx: EntryContext): TemplateResult {
  const { actions, history } = ctx;
  const medication = record.current;
  const line = medicationLine(medication);
  const conflict = record.heads.length > 1;
  const changeable = !ctx.readOnly && !conflict && isChangeable(ctx.section);
  const editing = actions.editing?.key === record.key ? actions.editing : undefined;
  const error = actions.errors.get(record.key);
  const historyOpen = history.isOpen(record.key);
  const historyId = `${ctx.id}-history`;
  const formId = `${ctx.id}-form`;
  const toggle = (kind: 'dose' | 'discontinue') => () => (editing?.kind === kind ? actions.close() : actions.open(kind, record));
  // The drug's name completes each button's accessible name ("History Amoxicillin"), after its visible text.
  const named = (action: string) => `${action} ${line.name}`;
  const nameAt = line.text.indexOf(line.name);
  const start = startOf(medication);
  const end = endOf(medication);

  // Lines break inside tags, not between them: whitespace between tags would
  // be a text node each, and a long list builds thousands of them.
  const summary = conflict
    ? html`<p class="flag"><span aria-hidden="true">⚠ </span>${m.conflict(line.name)}</p>${renderConflict(record, ctx)}`
    : html`<p class="line" part="line"
        >${line.text.slice(0, nameAt)}<span class="name">${line.name}</span>${line.text.slice(nameAt + line.name.length)}</p
      ><dl class="details"
        ><dt>${m.statusLabel}</dt><dd>${m.status[medication.status] ?? medication.status}</dd
        ><dt>${m.dates}</dt><dd>${m.period(formatDate(start), formatDate(end), ctx.section !== 'past')}</dd
        ><dt>${medication.resourceType === 'MedicationRequest' ? m.prescriber : m.reportedBy}</dt><dd>${prescriberOf(medication) ?? m.notRecorded}</dd
      ></dl>`;

  const changeButtons = html`${editableDose(medication)
    ? html`<button type="button" data-action="dose" aria-expanded=${editing?.kind === 'dose'}
        aria-controls=${ifDefined(editing?.kind === 'dose' ? formId : undefined)} aria-label=${named(m.changeDose)} @click=${toggle('dose')}>${m.changeDose}</button>`
    : nothing}<button type="button" data-action="discontinue" aria-expanded=${editing?.kind === 'discontinue'}
        aria-controls=${ifDefined(editing?.kind === 'discontinue' ? formId : undefined)} aria-label=${named(m.discontinue)} @click=${toggle('discontinue')}>${m.discontinue}</button>`;
  // Error, open form and history: usually none of them.
  const opened = error || editing || historyOpen
    ? html`${error ? html`<p class="error" part="error"><span aria-hidden="true">⚠ </span>${error}</p>` : nothing}${
      editing?.kind === 'dose' && changeable ? renderDoseForm(record, editing, formId, actions) : nothing}${
      editing?.kind === 'discontinue' && changeable ? renderDiscontinueForm(record, editing, formId, actions) : nothing}${
      editing?.kind === 'resolve' && conflict && !ctx.readOnly ? renderDoseForm(record, editing, formId, actions) : nothing}${
      historyOpen ? renderHistory(history.state(record.key), historyId, line.name) : nothing}`
    : nothing;

  return html`<li class="item ${conflict ? 'conflicted' : ''}" part="item" data-key=${record.key}
    >${summary}<div class="actions" part="actions"
      >${changeable ? changeButtons : nothing}<button type="button" data-action="history" aria-expanded=${historyOpen}
        aria-controls=${ifDefined(historyOpen ? historyId : undefined)} aria-label=${named(m.history)} @click=${() => history.toggle(record)}
        >${m.history}</button
    ></div>${opened}</li>`;
}
