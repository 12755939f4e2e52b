import { html, nothing, type TemplateResult } from 'lit';
import type { ChartRecord, Medication } from '../../model/index.js';
import { medicationLine } from '../../clinical/index.js';
import { editableDose } from './medication-changes.js';
import { deliveryNote } from '../shared/delivery-note.js';
import { renderConflict } from './medication-conflict-view.js';
import type { EntryContext } from './medication-entry-context.js';
import { renderDiscontinueForm, renderDoseForm } from './medication-forms.js';
import { renderHistory } from './medication-history-view.js';
import { formatDate, medicationListMessages as m } from './medication-list.messages.js';
import { endOf, isChangeable, prescriberOf, startOf } from './medication-sections.js';

/** The clicks of an entry's own buttons (change dose, discontinue, history): one listener on the list, not one per button. */
export function onEntryAction(
  event: Event,
  recordOf: (key: string) => ChartRecord<Medication> | undefined,
  ctx: Pick<EntryContext, 'actions' | 'history'>,
): void {
  const button = (event.target as Element).closest<HTMLButtonElement>(
    '.actions > button[data-action]',
  );
  const record = recordOf(button?.closest<HTMLElement>('li.item')?.dataset.key ?? '');
  if (!button || !record) return;
  const action = button.dataset.action;
  if (action === 'history') ctx.history.toggle(record);
  else if (action === 'dose' || action === 'discontinue') {
    if (ctx.actions.editing?.key === record.key && ctx.actions.editing.kind === action)
      ctx.actions.close();
    else ctx.actions.open(action, record);
  }
}

/**
 * One medication: its line and details (or both versions in a conflict), its
 * actions, form, error and history. The common case — one head, nothing open —
 * is one flat template: a long list builds a hundred of these at once. Lines
 * break inside tags, not between them: whitespace between tags would be a
 * text node each. Button clicks are handled by `onEntryAction` on the list.
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
  // Nothing for most records: those sent, or never changed here.
  const delivery = deliveryNote(ctx.deliveries[record.key], m.delivery);
  const historyId = `${ctx.id}-history`;
  const formId = `${ctx.id}-form`;
  // The drug's name completes each button's accessible name ("History Amoxicillin"), after its visible text.
  const named = (action: string) => `${action} ${line.name}`;

  const changeButtons = changeable
    ? html`${
          editableDose(medication)
            ? html`<button
                type="button"
                data-action="dose"
                aria-expanded=${editing?.kind === 'dose'}
                aria-controls=${editing?.kind === 'dose' ? formId : nothing}
                aria-label=${named(m.changeDose)}
              >
                ${m.changeDose}
              </button>`
            : nothing
        }<button
          type="button"
          data-action="discontinue"
          aria-expanded=${editing?.kind === 'discontinue'}
          aria-controls=${editing?.kind === 'discontinue' ? formId : nothing}
          aria-label=${named(m.discontinue)}
        >
          ${m.discontinue}
        </button>`
    : nothing;
  // Error, open form and history: usually none of them.
  const opened =
    error || editing || historyOpen
      ? html`${error ? html`<p class="error" part="error"><span aria-hidden="true">⚠ </span>${error}</p>` : nothing}${
          editing?.kind === 'dose' && changeable
            ? renderDoseForm(record, editing, formId, actions)
            : nothing
        }${
          editing?.kind === 'discontinue' && changeable
            ? renderDiscontinueForm(record, editing, formId, actions)
            : nothing
        }${
          editing?.kind === 'resolve' && conflict && !ctx.readOnly
            ? renderDoseForm(record, editing, formId, actions)
            : nothing
        }${historyOpen ? renderHistory(history.state(record.key), historyId, line.name) : nothing}`
      : nothing;

  if (conflict) {
    return html`<li class="item conflicted" part="item" data-key=${record.key}>
      <p class="flag"><span aria-hidden="true">⚠ </span>${m.conflict(line.name)}</p>
      ${delivery}${renderConflict(record, ctx)}
      <div class="actions" part="actions">
        ${changeButtons}<button
          type="button"
          data-action="history"
          aria-expanded=${historyOpen}
          aria-controls=${historyOpen ? historyId : nothing}
          aria-label=${named(m.history)}
        >
          ${m.history}
        </button>
      </div>
      ${opened}
    </li>`;
  }
  // The history button is written out here and above, not shared: a template
  // of its own would be one more template instance for every entry.
  const nameAt = line.text.indexOf(line.name);
  return html`<li class="item" part="item" data-key=${record.key}>
    <p class="line" part="line">
      ${line.text.slice(0, nameAt)}<span class="name">${line.name}</span
      >${line.text.slice(nameAt + line.name.length)}
    </p>
    <p class="details">
      ${m.details(
        m.status[medication.status] ?? medication.status,
        m.period(
          formatDate(startOf(medication)),
          formatDate(endOf(medication)),
          ctx.section !== 'past',
        ),
        m.source(medication.resourceType, prescriberOf(medication)),
      )}
    </p>
    ${delivery}
    <div class="actions" part="actions">
      ${changeButtons}<button
        type="button"
        data-action="history"
        aria-expanded=${historyOpen}
        aria-controls=${historyOpen ? historyId : nothing}
        aria-label=${named(m.history)}
      >
        ${m.history}
      </button>
    </div>
    ${opened}
  </li>`;
}
