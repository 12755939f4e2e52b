import { html, nothing, type TemplateResult } from 'lit';
import type { CardLink, CardOverride, CardSuggestion, CdsCoding } from '../../model/index.js';
import type { CardView } from './card-views.js';
import { cdsCardsMessages as messages } from './cds-cards.messages.js';
import { markdownTemplate } from './markdown-template.js';
import { ACT_CODE_SYSTEM } from './override-reasons.js';
import { safeHref } from './safe-markdown.js';

// One card on screen: indicator in words and an icon, summary, detail,
// source, links, suggestions and, unless read-only, the override form.

export const INDICATOR_ICON = { critical: '✖', warning: '⚠', info: 'ⓘ' } as const;

/** What the clinician has entered in a card's override form so far. */
export interface CardChoice {
  /** The index of the chosen reason among the card's reasons. */
  reason?: number;
  comment: string;
  /** "Override" was pressed with no reason chosen. */
  missing: boolean;
}

export interface CardState {
  readonly: boolean;
  choice: CardChoice;
  resolution?: CardOverride;
  accepted: ReadonlySet<number>;
}

export interface CardHandlers {
  reason(view: CardView, index: number): void;
  comment(view: CardView, text: string): void;
  override(view: CardView): void;
  suggestion(view: CardView, suggestion: CardSuggestion, index: number): void;
  smartLink(view: CardView, link: CardLink): void;
}

/** A reason in words: the kit's own codes from the messages, a service's by its display. */
export function reasonLabel(reason: CdsCoding): string {
  return (reason.system === ACT_CODE_SYSTEM && messages.reason[reason.code]) || reason.display;
}

export function cardTemplate(view: CardView, state: CardState, on: CardHandlers): TemplateResult {
  const { card } = view;
  return html`<article
    part="card"
    class="card ${card.indicator}"
    data-indicator=${card.indicator}
    aria-labelledby="${view.domId}-summary"
  >
    <p class="indicator" part="indicator">
      <span class="icon" aria-hidden="true">${INDICATOR_ICON[card.indicator]}</span>
      <span>${messages.indicator[card.indicator]}</span>
    </p>
    <p class="summary" part="summary" id="${view.domId}-summary">${card.summary}</p>
    ${
      view.detail.length > 0
        ? html`<div class="detail" part="detail">${markdownTemplate(view.detail)}</div>`
        : nothing
    }
    <p class="source" part="source">
      ${messages.source}
      ${
        view.sourceHref
          ? html`<a href=${view.sourceHref} target="_blank" rel="noopener noreferrer"
              >${card.source.label}<span class="visually-hidden"> ${messages.newTab}</span></a
            >`
          : card.source.label
      }
      ${
        view.origin
          ? html`<span class="origin">· ${messages.fromService(view.origin.title)}</span>`
          : nothing
      }
    </p>
    ${linksTemplate(view, on)} ${suggestionsTemplate(view, state, on)}
    ${
      state.resolution
        ? resolutionTemplate(view, state.resolution)
        : state.readonly || card.indicator === 'info'
          ? nothing
          : overrideTemplate(view, state.choice, on)
    }
  </article>`;
}

function linksTemplate(view: CardView, on: CardHandlers): TemplateResult | typeof nothing {
  const links = view.card.links ?? [];
  if (links.length === 0) return nothing;
  return html`<ul class="links" part="links" aria-label=${messages.linksLabel}>
    ${links.map((link) => {
      if (link.type === 'smart')
        return html`<li>
          <button type="button" class="quiet" @click=${() => on.smartLink(view, link)}>
            ${messages.smartLink(link.label)}
          </button>
        </li>`;
      const href = safeHref(link.url);
      return html`<li>
        ${
          href
            ? html`<a href=${href} target="_blank" rel="noopener noreferrer"
                >${link.label}<span class="visually-hidden"> ${messages.newTab}</span></a
              >`
            : link.label
        }
      </li>`;
    })}
  </ul>`;
}

function suggestionsTemplate(
  view: CardView,
  state: CardState,
  on: CardHandlers,
): TemplateResult | typeof nothing {
  const suggestions = view.card.suggestions ?? [];
  if (suggestions.length === 0) return nothing;
  const oneOnly = view.card.selectionBehavior === 'at-most-one' && state.accepted.size > 0;
  return html`<ul class="suggestions" part="suggestions" aria-label=${messages.suggestionsLabel}>
    ${suggestions.map((suggestion, index) => {
      const accepted = state.accepted.has(index);
      const label = html`${suggestion.label}${
        suggestion.isRecommended
          ? html` <span class="recommended">(${messages.recommended})</span>`
          : nothing
      }`;
      if (state.readonly) return html`<li>${label}</li>`;
      return html`<li>
        <button
          type="button"
          part="suggestion"
          class=${suggestion.isRecommended ? 'primary' : ''}
          ?disabled=${accepted || oneOnly}
          @click=${() => on.suggestion(view, suggestion, index)}
        >
          ${label}
        </button>
        ${
          accepted
            ? html`<span class="accepted"
                ><span aria-hidden="true">✓</span> ${messages.accepted}</span
              >`
            : nothing
        }
      </li>`;
    })}
  </ul>`;
}

function overrideTemplate(view: CardView, choice: CardChoice, on: CardHandlers): TemplateResult {
  const critical = view.card.indicator === 'critical';
  const errorId = `${view.domId}-missing`;
  return html`<div class="override" part="override-form">
    <fieldset
      aria-invalid=${choice.missing ? 'true' : 'false'}
      aria-describedby=${choice.missing ? errorId : nothing}
    >
      <legend>${critical ? messages.reasonRequired : messages.reasonOptional}</legend>
      ${view.reasons.map(
        (reason, index) =>
          html`<label class="reason">
            <input
              type="radio"
              name="${view.domId}-reason"
              .checked=${choice.reason === index}
              ?required=${critical}
              @change=${() => on.reason(view, index)}
            />
            ${reasonLabel(reason)}
          </label>`,
      )}
    </fieldset>
    ${
      choice.missing
        ? html`<p class="error" id=${errorId} role="alert">${messages.chooseReason}</p>`
        : nothing
    }
    <label class="comment">
      ${messages.comment}
      <textarea
        rows="2"
        .value=${choice.comment}
        @input=${(event: Event) => on.comment(view, (event.target as HTMLTextAreaElement).value)}
      ></textarea>
    </label>
    <button
      type="button"
      part="override"
      class=${critical ? 'danger' : ''}
      @click=${() => on.override(view)}
    >
      ${critical ? messages.override : messages.acknowledge}
    </button>
  </div>`;
}

function resolutionTemplate(view: CardView, resolution: CardOverride): TemplateResult {
  const reason = reasonLabel(resolution.reason);
  return html`<p class="resolved" part="resolution">
    <span aria-hidden="true">✓</span>
    ${
      view.card.indicator === 'critical'
        ? messages.overridden(reason)
        : messages.acknowledged(reason)
    }
    ${
      resolution.comment
        ? html`<span class="comment-said">${messages.commentSaid(resolution.comment)}</span>`
        : nothing
    }
  </p>`;
}
