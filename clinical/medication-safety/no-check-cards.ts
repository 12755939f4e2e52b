import type { Card } from '../../model/index.js';
import { toCard } from './card.js';
import { medicationSafetyMessages as messages } from './messages.js';
import type { UnreadableReason } from './types.js';

// The info cards for what could not be checked: a drug or an allergen with
// no code the kit reads is never matched by its name, and never passed over
// in silence either. The clinician is told what was not checked, and why.

export interface UnreadableRecord {
  label: string;
  reason: UnreadableReason;
  /** The record, for the card's uuid. */
  identity: string;
}

export function noCheckDrugCard(drug: UnreadableRecord): Card {
  return toCard({
    rule: 'no-check',
    indicator: 'info',
    summary: messages.summary.noCheckDrug(drug.label, drug.reason),
    detail: messages.detail.noCheck(messages.unreadable[drug.reason]),
    about: ['drug', drug.identity],
  });
}

export function noCheckAllergyCard(allergy: UnreadableRecord): Card {
  return toCard({
    rule: 'no-check',
    indicator: 'info',
    summary: messages.summary.noCheckAllergy(allergy.label, allergy.reason),
    detail: messages.detail.noCheck(messages.unreadable[allergy.reason]),
    about: ['allergy', allergy.identity],
  });
}

/** One card for the active medications a new medication or allergy could not be checked against. */
export function noCheckOthersCard(
  others: readonly UnreadableRecord[],
  direction: 'medication' | 'allergy',
): Card {
  const labels = others.map((o) => o.label).join(', ');
  return toCard({
    rule: 'no-check',
    indicator: 'info',
    summary:
      direction === 'medication'
        ? messages.summary.noCheckOthers(others.length, labels)
        : messages.summary.noAllergyCheckOf(others.length, labels),
    detail: [
      messages.detail.noCheckOthers,
      ...others.map((o) => messages.detail.noCheckEach(o.label, messages.unreadable[o.reason])),
    ].join('\n\n'),
    about: [direction, ...others.map((o) => o.identity)],
  });
}
