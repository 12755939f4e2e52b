import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { Card, CardLink, CardOverride, CardSuggestion } from '../../model/index.js';
import { controlStyles } from '../shared/control.styles.js';
import { EmrElement } from '../shared/emr-element.js';
import { memo } from '../shared/memo.js';
import { cardTemplate, type CardChoice, type CardHandlers } from './card-template.js';
import { cardGroups, cardKey, INDICATORS, type CardGroup, type CardView } from './card-views.js';
import { EmrCdsLinkEvent, EmrCdsOverrideEvent, EmrCdsSuggestionEvent } from './cds-cards.events.js';
import { cdsCardsMessages as messages } from './cds-cards.messages.js';
import { styles } from './cds-cards.styles.js';
import { ACKNOWLEDGED } from './override-reasons.js';

const NO_CHOICE: CardChoice = { comment: '', missing: false };

/**
 * @summary CDS Hooks cards — the kit's own checks and a hospital's CDS
 * services alike — grouped critical, then warning, then information, each
 * with its urgency in words and an icon, summary, detail (a safe part of
 * markdown: paragraphs, lists, emphasis, links; anything else shown as
 * text), source (and the hospital service it came from), links and
 * suggestions. A critical card asks for a reason (the card's
 * `overrideReasons`, else HL7's detected-issue management reasons) and an
 * optional comment before "Override"; it counts in `unresolvedCritical`
 * until then. A warning may be acknowledged, with a reason or without
 * (then recorded as "Therapy Appropriate", HL7 v3 ActCode 1, never a
 * reason the clinician did not choose). Information cards ask nothing.
 * Leave `cards` unset until an answer arrives: an empty list reads
 * "No alerts", which must never stand for "not checked".
 *
 * No slots.
 *
 * @fires {CardOverride} emr-cds-override - A reason given for a critical card, or a warning acknowledged. Cancelable: cancelled, the card stays unresolved. `detail`: `{ card, reason, comment? }`.
 * @fires {CdsSuggestionDetail} emr-cds-suggestion - A suggestion accepted; the host applies it. Cancelable: cancelled, it is not shown as accepted. `detail`: `{ card, suggestion }`.
 * @fires {CdsLinkDetail} emr-cds-link - A SMART app link chosen; the host launches it (the element never follows it). `detail`: `{ card, link }`.
 *
 * @csspart pending - "Checking…", while a check is under way.
 * @csspart count - The count of cards at the top.
 * @csspart notes - The notes about the checking.
 * @csspart empty - "Not checked yet" or "No alerts".
 * @csspart group - The cards of one urgency.
 * @csspart card - One card.
 * @csspart indicator - A card's urgency, in words and an icon.
 * @csspart summary - A card's summary.
 * @csspart detail - A card's detail.
 * @csspart source - A card's source line.
 * @csspart links - A card's links.
 * @csspart suggestions - A card's suggestions.
 * @csspart suggestion - One suggestion's button.
 * @csspart override-form - The reason, comment and Override (or Acknowledge) of a card.
 * @csspart override - The Override or Acknowledge button.
 * @csspart resolution - The reason given, once a card is overridden or acknowledged.
 *
 * @cssproperty --emr-cds-cards-gap - Space between cards. Falls back to `--emr-space-md`.
 * @cssproperty --emr-cds-cards-critical-color - Critical cards' accent. Falls back to `--emr-color-critical`.
 * @cssproperty --emr-cds-cards-warning-color - Warning cards' accent. Falls back to `--emr-color-severity-moderate`.
 * @cssproperty --emr-cds-cards-info-color - Information cards' accent. Falls back to `--emr-color-info`.
 */
export class EmrCdsCards extends EmrElement {
  static override styles = [EmrElement.styles, controlStyles, styles];

  /** The cards to show; unset means nothing was checked yet. */
  @property({ attribute: false })
  cards?: Card[];

  /** Plain sentences about the checking itself (a service that did not answer), shown as status lines. */
  @property({ attribute: false })
  notes: string[] = [];

  /** A check is under way: "Checking…" in a polite live region. */
  @property({ type: Boolean })
  pending = false;

  /** Display only: no override form and no suggestion buttons. */
  @property({ type: Boolean, reflect: true })
  readonly = false;

  /** The cards' accessible name, a region of the page: give each element on a page its own ("Decision support" when absent). */
  @property()
  label?: string;

  #groups: CardGroup[] = [];
  #count = '';
  #announcement = '';
  readonly #choices = new Map<string, CardChoice>();
  readonly #resolutions = new Map<string, CardOverride>();
  readonly #accepted = new Map<string, Set<number>>();
  readonly #groupsOf = memo((cards: Card[] | undefined) => cardGroups(cards ?? []));

  /** Critical cards with no reason given yet: a save waits for these. */
  get unresolvedCritical(): Card[] {
    return (this.cards ?? []).filter(
      (card) => card.indicator === 'critical' && !this.#resolutions.has(cardKey(card)),
    );
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#groups = this.#groupsOf(this.cards);
    this.#count = this.#countOf(this.cards);
    if (changed.has('cards')) this.#forgetGone();
    if (changed.has('pending') || changed.has('cards'))
      this.#announcement = this.pending
        ? messages.pending
        : changed.get('pending') === true
          ? this.#count
            ? messages.announce(this.#count)
            : messages.announceNone
          : this.#announcement;
  }

  override render(): TemplateResult {
    const count = this.#count;
    return html`<section class="cards" aria-label=${this.label || messages.label}>
      <div class="visually-hidden" role="status">${this.#announcement}</div>
      ${
        this.pending
          ? html`<p class="pending" part="pending" aria-hidden="true">${messages.pending}</p>`
          : nothing
      }
      ${
        count && (this.cards?.length ?? 0) > 1
          ? html`<p class="count" part="count">${count}</p>`
          : nothing
      }
      ${
        this.notes.length > 0
          ? html`<ul class="notes" part="notes" aria-label=${messages.notesLabel}>
              ${this.notes.map(
                (note) => html`<li><span class="icon" aria-hidden="true">ⓘ</span> ${note}</li>`,
              )}
            </ul>`
          : nothing
      }
      ${this.#emptyTemplate()}
      ${this.#groups.map(
        (group) =>
          html`<section
            class="group ${group.indicator}"
            part="group"
            aria-labelledby="group-${group.indicator}"
          >
            <h3 id="group-${group.indicator}" class="group-heading">
              ${messages.group(messages.indicator[group.indicator], group.views.length)}
            </h3>
            <ul class="card-list">
              ${group.views.map((view) => html`<li>${this.#cardTemplate(view)}</li>`)}
            </ul>
          </section>`,
      )}
    </section>`;
  }

  #emptyTemplate(): TemplateResult | typeof nothing {
    if (this.pending || (this.cards?.length ?? 0) > 0) return nothing;
    const text = !this.cards
      ? messages.notChecked
      : this.notes.length > 0
        ? messages.noAlertsWithNotes
        : messages.noAlerts;
    const checked = this.cards && this.notes.length === 0;
    return html`<p class="empty ${checked ? 'clear' : 'unclear'}" part="empty">
      <span class="icon" aria-hidden="true">${checked ? '✓' : '–'}</span> ${text}
    </p>`;
  }

  #cardTemplate(view: CardView): TemplateResult {
    return cardTemplate(
      view,
      {
        readonly: this.readonly,
        choice: this.#choices.get(view.key) ?? NO_CHOICE,
        resolution: this.#resolutions.get(view.key),
        accepted: this.#accepted.get(view.key) ?? new Set(),
      },
      this.#handlers,
    );
  }

  readonly #countOf = memo((given: Card[] | undefined): string => {
    const cards = given ?? [];
    if (cards.length === 0) return '';
    const parts = INDICATORS.flatMap((indicator) => {
      const n = cards.filter((card) => card.indicator === indicator).length;
      return n > 0 ? [`${n} ${messages.countPart[indicator]}`] : [];
    });
    return messages.count(cards.length, parts);
  });

  /** What was entered for cards no longer shown is let go; a finding that stays keeps its override. */
  #forgetGone(): void {
    const keys = new Set((this.cards ?? []).map(cardKey));
    for (const map of [this.#choices, this.#resolutions, this.#accepted])
      for (const key of map.keys()) if (!keys.has(key)) map.delete(key);
  }

  #setChoice(view: CardView, change: Partial<CardChoice>): void {
    this.#choices.set(view.key, { ...(this.#choices.get(view.key) ?? NO_CHOICE), ...change });
    this.requestUpdate();
  }

  readonly #handlers: CardHandlers = {
    reason: (view, index) => this.#setChoice(view, { reason: index, missing: false }),
    comment: (view, text) => this.#setChoice(view, { comment: text }),
    override: (view) => this.#onOverride(view),
    suggestion: (view, suggestion, index) => this.#onSuggestion(view, suggestion, index),
    smartLink: (view, link) => this.#onSmartLink(view, link),
  };

  #onOverride(view: CardView): void {
    const choice = this.#choices.get(view.key) ?? NO_CHOICE;
    const chosen = choice.reason === undefined ? undefined : view.reasons[choice.reason];
    if (!chosen && view.card.indicator === 'critical') {
      this.#setChoice(view, { missing: true });
      void this.updateComplete.then(() =>
        this.renderRoot
          .querySelector<HTMLInputElement>(`input[name="${view.domId}-reason"]`)
          ?.focus(),
      );
      return;
    }
    const comment = choice.comment.trim();
    const reason = chosen ?? ACKNOWLEDGED;
    if (
      !this.dispatchEvent(
        new EmrCdsOverrideEvent({ card: view.card, reason, ...(comment && { comment }) }),
      )
    )
      return;
    this.#resolutions.set(view.key, { card: view.card, reason, ...(comment && { comment }) });
    this.requestUpdate();
  }

  #onSuggestion(view: CardView, suggestion: CardSuggestion, index: number): void {
    if (!this.dispatchEvent(new EmrCdsSuggestionEvent({ card: view.card, suggestion }))) return;
    this.#accepted.set(view.key, new Set([...(this.#accepted.get(view.key) ?? []), index]));
    this.requestUpdate();
  }

  #onSmartLink(view: CardView, link: CardLink): void {
    this.dispatchEvent(new EmrCdsLinkEvent({ card: view.card, link }));
  }
}
