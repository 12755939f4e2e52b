import {
  cardOrigin,
  type Card,
  type CardIndicator,
  type CardOrigin,
  type CdsCoding,
} from '../../model/index.js';
import { DEFAULT_OVERRIDE_REASONS } from './override-reasons.js';
import { parseSafeMarkdown, safeHref, type Block } from './safe-markdown.js';

// What <emr-cds-cards> shows of its cards, worked out once per list of
// cards: grouped by urgency, the detail parsed, the reasons to offer.

export const INDICATORS: readonly CardIndicator[] = ['critical', 'warning', 'info'];

export interface CardView {
  card: Card;
  /** Stable across answers for the same finding: the card's uuid, else its indicator, source and summary. */
  key: string;
  /** An id safe for ARIA references inside the shadow root. */
  domId: string;
  detail: Block[];
  /** `source.url` when it is an http(s) address. */
  sourceHref?: string;
  origin?: CardOrigin;
  /** The card's own reasons, else the kit's. */
  reasons: readonly CdsCoding[];
}

export interface CardGroup {
  indicator: CardIndicator;
  views: CardView[];
}

export function cardKey(card: Card): string {
  return card.uuid ?? `${card.indicator}\u0000${card.source.label}\u0000${card.summary}`;
}

/** The cards grouped critical, warning, info; within a group, in the order given. */
export function cardGroups(cards: readonly Card[]): CardGroup[] {
  const views = cards.map((card, index) => viewOf(card, index));
  return INDICATORS.map((indicator) => ({
    indicator,
    views: views.filter((view) => view.card.indicator === indicator),
  })).filter((group) => group.views.length > 0);
}

function viewOf(card: Card, index: number): CardView {
  const sourceHref = card.source.url ? safeHref(card.source.url) : undefined;
  const origin = cardOrigin(card);
  return {
    card,
    key: cardKey(card),
    domId: `card-${index}`,
    detail: card.detail ? parseSafeMarkdown(card.detail) : [],
    ...(sourceHref && { sourceHref }),
    ...(origin && { origin }),
    reasons:
      card.overrideReasons && card.overrideReasons.length > 0
        ? card.overrideReasons
        : DEFAULT_OVERRIDE_REASONS,
  };
}
