import { html, nothing, type TemplateResult } from 'lit';
import {
  allergyMessages,
  noKnownRecordConfirmed,
  type AllergyEntry,
} from '../../clinical/index.js';
import type { RecordDelivery } from '../../model/index.js';
import { deliveryNote } from '../shared/delivery-note.js';
import { chronological, conflictDifferences } from './allergy-conflict.js';
import { bannerMessages as messages } from './allergy-banner.messages.js';

// The banner's pieces, rendered into its own shadow root (labels and the
// controls they name stay together). Property-free: the element passes the
// entry and what to do when a button is activated.

export interface EntryActions {
  select(entry: AllergyEntry): void;
  review(entry: AllergyEntry): void;
}

/** The substance as a button: activating it asks the host to open the allergy. */
export const allergyName = (entry: AllergyEntry, actions: EntryActions): TemplateResult =>
  html`<button class="name quiet" type="button" @click=${() => actions.select(entry)}>
    ${entry.label}
  </button>`;

/** Criticality and verification, in words (with an icon for high criticality), never colour alone. */
export function flags(entry: AllergyEntry): TemplateResult {
  const { criticality } = entry;
  return html`${
    criticality
      ? html`<span class="badge ${criticality}"
          >${criticality === 'high' ? html`<span class="icon" aria-hidden="true">⚠</span>` : nothing}${messages.criticality[criticality]}</span
        >`
      : nothing
  }
  ${entry.verification === 'unconfirmed' ? html`<span class="tag">${messages.unconfirmed}</span>` : nothing}`;
}

/** One allergy in the expanded list, with where it stands with the hospital record when that is worth saying. */
export function entryItem(
  entry: AllergyEntry,
  actions: EntryActions,
  delivery?: RecordDelivery,
): TemplateResult {
  const details = [
    entry.categories.length
      ? entry.categories.map((c) => messages.category[c]).join(', ')
      : undefined,
    entry.worstSeverity
      ? html`<span class="severity ${entry.worstSeverity}"
          >${messages.severity[entry.worstSeverity]}</span
        >`
      : undefined,
    entry.reactions.length ? messages.reactions(entry.reactions) : undefined,
  ].filter((d) => d !== undefined);
  return html`
    <li part="item" class="entry" data-key=${entry.key}>
      <span class="line">${allergyName(entry, actions)} ${flags(entry)}</span>
      ${details.length ? html`<span class="details">${details.map((d) => html`<span class="detail">${d}</span> `)}</span>` : nothing}
      ${deliveryNote(delivery, messages.delivery)}
      ${entry.conflict ? conflictBlock(entry, actions) : nothing}
    </li>
  `;
}

/** Every value of a record in conflict, with who wrote it and when; the host resolves it. */
export function conflictBlock(entry: AllergyEntry, actions: EntryActions): TemplateResult {
  const differences = conflictDifferences(entry.values);
  const by = (value: AllergyEntry['values'][number]) =>
    html`(${messages.conflict.author(value.author)},
      <time datetime=${value.at}>${messages.when(value.at)}</time>)`;
  const lines = differences.length
    ? differences.map(
        ({ field, values }) =>
          html`<li>
            ${messages.conflict.field[field]}
            ${values.map(({ text, value }, i) => html`${i ? ' / ' : ''}<span class="value">${text}</span> ${by(value)}`)}
          </li>`,
      )
    : html`<li>
        ${messages.conflict.elsewhere}:
        ${chronological(entry.values).map((value, i) => html`${i ? ' / ' : ''}${by(value)}`)}
      </li>`;
  return html`
    <div part="conflict" class="conflict">
      <p class="conflict-title">
        <span class="icon" aria-hidden="true">⇄</span>${messages.conflict.heading}
      </p>
      <ul class="differences">
        ${lines}
      </ul>
      <button class="review" type="button" @click=${() => actions.review(entry)}>
        ${messages.conflict.review}<span class="visually-hidden">: ${entry.label}</span>
      </button>
    </div>
  `;
}

/** Records in conflict that are not current allergies: shown, because a disputed "no known allergy" matters. */
export function otherConflicts(
  entries: readonly AllergyEntry[],
  actions: EntryActions,
): TemplateResult | typeof nothing {
  if (!entries.length) return nothing;
  return html`
    <p class="others-title">${messages.conflict.others}</p>
    <ul class="entries">
      ${entries.map((entry) => html`<li part="item" class="entry" data-key=${entry.key}><span class="line">${recordLabel(entry)}</span>${conflictBlock(entry, actions)}</li>`)}
    </ul>
  `;
}

/**
 * A "no known allergy" assertion reads as one, not as an unnamed allergy,
 * and says "unconfirmed" unless every head confirms it, as the banner's
 * own label does: unknown must not look like none.
 */
function recordLabel(entry: AllergyEntry): string {
  const scope = entry.values.find((v) => v.noKnownScope)?.noKnownScope;
  if (!scope) return entry.label;
  return allergyMessages.noKnownLabel([scope], noKnownRecordConfirmed(entry));
}
