import { html, nothing, type TemplateResult } from 'lit';
import { REACTION_MANIFESTATIONS } from '../../clinical/data/reaction-manifestations.js';
import type { AllergyFields, AllergyProblems, ReactionFields } from './allergy-draft.js';
import { allergyFormMessages as m } from './allergy-form.messages.js';

// The fields of the allergy form other than the substance search.

export type AllergyFieldName = 'category' | 'criticality' | 'verification' | 'onset';

export interface AllergyFieldHandlers {
  field(name: AllergyFieldName, value: string): void;
  reaction(index: number, change: Partial<ReactionFields>): void;
  addReaction(): void;
  removeReaction(index: number): void;
}

function select(
  id: string,
  label: string,
  value: string,
  options: Record<string, string>,
  onChange: (value: string) => void,
): TemplateResult {
  return html`<div class="field">
    <label for=${id}>${label}</label>
    <select
      id=${id}
      @change=${(event: Event) => onChange((event.target as HTMLSelectElement).value)}
    >
      ${Object.entries(options).map(([code, words]) => html`<option value=${code} ?selected=${value === code}>${words}</option>`)}
    </select>
  </div>`;
}

export function allergyDetails(
  fields: AllergyFields,
  problems: AllergyProblems,
  on: AllergyFieldHandlers,
): TemplateResult {
  return html`
    ${select('category', m.category, fields.category, m.categories, (v) => on.field('category', v))}
    ${select('criticality', m.criticality, fields.criticality, m.criticalities, (v) => on.field('criticality', v))}
    ${select('verification', m.verification, fields.verification, m.verifications, (v) => on.field('verification', v))}
    <div class="field">
      <label for="onset">${m.onset}</label>
      <input
        id="onset"
        type="date"
        .value=${fields.onset}
        aria-invalid=${problems.onset ? 'true' : 'false'}
        aria-describedby=${problems.onset ? 'onset-error' : nothing}
        @change=${(event: Event) => on.field('onset', (event.target as HTMLInputElement).value)}
      />
      ${problems.onset ? html`<span part="error" class="error" id="onset-error">${problems.onset}</span>` : nothing}
    </div>
  `;
}

export function reactionList(
  reactions: readonly ReactionFields[],
  problems: AllergyProblems,
  on: AllergyFieldHandlers,
): TemplateResult {
  const manifestations = Object.fromEntries([
    ['', m.chooseManifestation],
    ...REACTION_MANIFESTATIONS.map((r) => [r.code, r.display]),
  ]);
  return html`<fieldset class="wide">
    <legend>${m.reactions}</legend>
    <ul class="reactions">
      ${reactions.map((reaction, index) => {
        const n = index + 1;
        const problem = problems[`reaction-${index}`];
        return html`<li class="reaction" data-reaction=${index}>
          <div class="field">
            <label for="manifestation-${index}">${m.manifestation(n)}</label>
            <select
              id="manifestation-${index}"
              aria-invalid=${problem ? 'true' : 'false'}
              aria-describedby=${problem ? `manifestation-${index}-error` : nothing}
              @change=${(event: Event) => on.reaction(index, { manifestation: (event.target as HTMLSelectElement).value })}
            >
              ${Object.entries(manifestations).map(([code, words]) => html`<option value=${code} ?selected=${reaction.manifestation === code}>${words}</option>`)}
            </select>
            ${problem ? html`<span part="error" class="error" id="manifestation-${index}-error">${problem}</span>` : nothing}
          </div>
          <div class="field">
            <label for="severity-${index}">${m.severity(n)}</label>
            <select
              id="severity-${index}"
              @change=${(event: Event) => on.reaction(index, { severity: (event.target as HTMLSelectElement).value as ReactionFields['severity'] })}
            >
              ${Object.entries(m.severities).map(([code, words]) => html`<option value=${code} ?selected=${reaction.severity === code}>${words}</option>`)}
            </select>
          </div>
          <button
            type="button"
            aria-label=${m.removeReaction(n)}
            @click=${() => on.removeReaction(index)}
          >
            ✕
          </button>
        </li>`;
      })}
    </ul>
    <div class="actions">
      <button type="button" id="add-reaction" @click=${() => on.addReaction()}>
        ${m.addReaction}
      </button>
    </div>
  </fieldset>`;
}
