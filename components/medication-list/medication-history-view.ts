import { html, nothing, type TemplateResult } from 'lit';
import type { HistoryState } from './medication-history-controller.js';
import type { FieldChange, HistoryEntry } from './medication-history.js';
import { formatDate, medicationListMessages as m } from './medication-list.messages.js';

function change({ field, before, after }: FieldChange): TemplateResult {
  return html`<li>
    ${m.change[field]}: <span class="before">${before.join(m.or)}</span
    ><span aria-hidden="true"> → </span
    ><span class="visually-hidden"> ${m.changedTo} </span>${after}
  </li>`;
}

function entry({ revision, kind, line, changes }: HistoryEntry): TemplateResult {
  return html`<li>
    <p>
      <strong>${m.historyKind[kind]}</strong>
      <time datetime=${revision.at}>${formatDate(revision.at, true)}</time>,
      ${m.by(revision.author.displayName, revision.author.role)}
    </p>
    ${
      kind === 'recorded'
        ? html`<p>${line}</p>`
        : changes.length
          ? html`<ul class="changes">
              ${changes.map(change)}
            </ul>`
          : html`<p>${m.otherDetails}</p>`
    }
    ${revision.reason ? html`<p class="meta">${m.reason(revision.reason)}</p>` : nothing}
  </li>`;
}

/** The revision history of one medication, newest first: who, when, and what changed. */
export function renderHistory(
  state: HistoryState | undefined,
  id: string,
  drug: string,
): TemplateResult {
  const body =
    !state || state.status === 'pending'
      ? html`<p class="meta">${m.historyPending}</p>`
      : state.status === 'error'
        ? html`<p class="error">
            <span aria-hidden="true">⚠ </span>${m.historyError(state.message)}
          </p>`
        : html`<ol class="revisions">
            ${state.entries.map(entry)}
          </ol>`;
  return html`<section id=${id} class="history" part="history" aria-label=${m.historyOf(drug)}>
    ${body}
  </section>`;
}
