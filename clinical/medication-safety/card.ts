import type { Card, CardIndicator } from '../../model/index.js';
import { CARD_SUMMARY_MAX } from '../../model/index.js';
import { cardSource } from './card-sources.js';
import { cardUuid } from './card-uuid.js';
import type { Medication } from './drug-reading.js';
import { medicationSafetyMessages as messages } from './messages.js';
import { overrideReasonsFor } from './override-reasons.js';
import type { SafetyRule } from './types.js';

// One CDS Hooks card from a rule's finding: the summary kept under the
// spec's 140 characters, the rule's source, a uuid derived from the
// finding, and the rule's override reasons on warning and critical cards.

export interface Finding {
  rule: SafetyRule;
  indicator: CardIndicator;
  summary: string;
  detail: string;
  /** What the finding is about, for its uuid: the same records give the same uuid. */
  about: readonly string[];
}

function fit(summary: string): string {
  const max = CARD_SUMMARY_MAX - 1;
  return summary.length <= max ? summary : summary.slice(0, max - 1).trimEnd() + messages.ellipsis;
}

export function toCard(finding: Finding): Card {
  const { rule, indicator } = finding;
  return {
    uuid: cardUuid(rule, ...finding.about),
    summary: fit(finding.summary),
    indicator,
    detail: finding.detail,
    source: cardSource(rule),
    ...(indicator !== 'info' &&
      rule !== 'no-check' && { overrideReasons: overrideReasonsFor(rule) }),
  };
}

/** A record's identity for a uuid: its type and id, else what it is coded as. */
export function recordIdentity(
  resource: Medication | { resourceType: string; id?: string; code?: unknown },
): string {
  if (resource.id) return `${resource.resourceType}/${resource.id}`;
  const coded =
    'medicationCodeableConcept' in resource ? resource.medicationCodeableConcept : resource.code;
  return `${resource.resourceType}:${JSON.stringify(coded ?? null)}`;
}

const ORDER: Record<CardIndicator, number> = { critical: 0, warning: 1, info: 2 };

/** Critical first, then warning, then info; otherwise in the order found. */
export function byUrgency(cards: Card[]): Card[] {
  return cards
    .map((card, i) => ({ card, i }))
    .sort((a, b) => ORDER[a.card.indicator] - ORDER[b.card.indicator] || a.i - b.i)
    .map(({ card }) => card);
}
