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
import { lineTemplate } from './medication-line-view.js';
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

function detail(term: string, value: string | undefined, datetime?: string): TemplateResult {
  const shown = datetime && value ? html`<time datetime=${datetime}>${value}</time>` : (value ?? m.notRecorded);
  return html`<div><dt>${term}</dt><dd>${shown}</dd></div>`;
}

function details(medication: Medication): TemplateResult {
  const start = startOf(medication);
  const end = endOf(medication);
  return html`<dl class="details">
    ${detail(m.statusLabel, m.status[medication.status] ?? medication.status)}
    ${detail(m.start, formatDate(start), start)}
    ${detail(m.end, formatDate(end), end)}
    ${detail(medication.resourceType === 'MedicationRequest' ? m.prescriber : m.reportedBy, prescriberOf(medication))}
  </dl>`;
}

/** One medication: its line and details (or both versions in a conflict), its actions, form, error and history. */
export function renderEntry(record: ChartRecord<Medication>, ctx: EntryContext): TemplateResult {
  const { actions, history } = ctx;
  const line = medicationLine(record.current);
  const conflict = record.heads.length > 1;
  const changeable = !ctx.readOnly && !conflict && isChangeable(ctx.section);
  const editing = actions.editing?.key === record.key ? actions.editing : undefined;
  const error = actions.errors.get(record.key);
  const historyOpen = history.isOpen(record.key);
  const historyId = `${ctx.id}-history`;
  const formId = `${ctx.id}-form`;
  const toggle = (kind: 'dose' | 'discontinue') => () => (editing?.kind === kind ? actions.close() : actions.open(kind, record));
  const hidden = html`<span class="visually-hidden"> ${line.name}</span>`;

  return html`<li class="item ${conflict ? 'conflicted' : ''}" part="item" data-key=${record.key}>
    ${conflict
      ? html`<p class="flag"><span aria-hidden="true">⚠ </span>${m.conflict(line.name)}</p>${renderConflict(record, ctx)}`
      : html`<p class="line" part="line">${lineTemplate(line)}</p>${details(record.current)}`}
    <div class="actions" part="actions">
      ${changeable && editableDose(record.current)
        ? html`<button type="button" data-action="dose" aria-expanded=${editing?.kind === 'dose'}
            aria-controls=${ifDefined(editing?.kind === 'dose' ? formId : undefined)} @click=${toggle('dose')}>${m.changeDose}${hidden}</button>`
        : nothing}
      ${changeable
        ? html`<button type="button" data-action="discontinue" aria-expanded=${editing?.kind === 'discontinue'}
            aria-controls=${ifDefined(editing?.kind === 'discontinue' ? formId : undefined)} @click=${toggle('discontinue')}>${m.discontinue}${hidden}</button>`
        : nothing}
      <button type="button" data-action="history" aria-expanded=${historyOpen} aria-controls=${ifDefined(historyOpen ? historyId : undefined)}
        @click=${() => history.toggle(record)}>${m.history}${hidden}</button>
    </div>
    ${error ? html`<p class="error" part="error"><span aria-hidden="true">⚠ </span>${error}</p>` : nothing}
    ${editing?.kind === 'dose' && changeable ? renderDoseForm(record, editing, formId, actions) : nothing}
    ${editing?.kind === 'discontinue' && changeable ? renderDiscontinueForm(record, editing, formId, actions) : nothing}
    ${editing?.kind === 'resolve' && conflict && !ctx.readOnly ? renderDoseForm(record, editing, formId, actions) : nothing}
    ${historyOpen ? renderHistory(history.state(record.key), historyId, line.name) : nothing}
  </li>`;
}
