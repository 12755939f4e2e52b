import { html, nothing, type TemplateResult } from 'lit';
import type { ChartRecord, Medication } from '../../model/index.js';
import { medicationLine } from '../../clinical/index.js';
import { editableDose } from './medication-changes.js';
import type { EntryContext } from './medication-entry-context.js';
import { lineTemplate } from './medication-line-view.js';
import { formatDate, medicationListMessages as m } from './medication-list.messages.js';

/**
 * A medication changed by two people at once: every version with its dose
 * line, status, author and time, side by side. A clinician keeps one or
 * enters the right dose; the list never chooses.
 */
export function renderConflict(record: ChartRecord<Medication>, ctx: EntryContext): TemplateResult {
  const { actions, readOnly } = ctx;
  const busy = actions.busy.has(record.key);
  return html`<div class="conflict" part="conflict">
    <p class="note">${readOnly ? m.conflictReadOnly : m.conflictHelp}</p>
    <ul class="versions">
      ${record.heads.map((head, i) => {
        const id = `${ctx.id}-version-${i}`;
        return html`<li class="version">
          <p class="line" id=${id}>${lineTemplate(medicationLine(head.resource))}</p>
          <p class="meta">
            ${m.versionBy(head.author.displayName)}
            <time datetime=${head.at}>${formatDate(head.at, true)}</time>. ${m.statusLabel}:
            ${m.status[head.resource.status] ?? head.resource.status}
          </p>
          ${
            readOnly
              ? nothing
              : html`<div class="actions">
                  <button
                    type="button"
                    data-action="keep"
                    aria-describedby=${id}
                    ?disabled=${busy}
                    @click=${() => actions.keep(record, head)}
                  >
                    ${m.keepVersion}
                  </button>
                </div>`
          }
        </li>`;
      })}
    </ul>
    ${
      readOnly || !editableDose(record.current)
        ? nothing
        : html`<div class="actions">
            <button
              type="button"
              data-action="enter-dose"
              aria-expanded=${actions.editing?.key === record.key}
              @click=${() => (actions.editing?.key === record.key ? actions.close() : actions.open('resolve', record))}
            >
              ${m.enterRightDose}
            </button>
          </div>`
    }
  </div>`;
}
