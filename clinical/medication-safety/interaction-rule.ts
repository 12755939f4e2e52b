import type { Card } from '../../model/index.js';
import { recordIdentity, toCard } from './card.js';
import type { Medication } from './drug-reading.js';
import { knowledge } from './knowledge.js';
import { medicationSafetyMessages as messages } from './messages.js';

// The ONC high-priority drug–drug interactions (Phansalkar et al., JAMIA
// 2012; clinical/data/onc-high-priority-interactions.ts): an ingredient of
// the new medication on one side of a pair and an ingredient of an active
// medication on the other. Critical: the panel chose these 15 as the pairs
// an EHR should always interrupt for. One card per pair and medication.

interface Drug {
  record: Medication;
  label: string;
  ingredients: readonly string[];
}

export function interactionCards(drug: Drug, other: Drug): Card[] {
  const { interactionsOf } = knowledge();
  const cards: Card[] = [];
  const seen = new Set<string>();
  for (const ingredient of drug.ingredients) {
    for (const { pair, other: side } of interactionsOf.get(ingredient) ?? []) {
      if (seen.has(pair.id)) continue;
      const partner = other.ingredients.find((i) => i !== ingredient && side.has(i));
      if (!partner) continue;
      seen.add(pair.id);
      const { name, risk } = messages.interaction[pair.id];
      const a = messages.ingredient(ingredient);
      const b = messages.ingredient(partner);
      cards.push(
        toCard({
          rule: 'onc-interaction',
          indicator: 'critical',
          summary: messages.summary.interaction(a, b),
          detail: [
            messages.detail.interaction(name, risk, pair.number),
            messages.detail.activeMedication(other.label),
          ].join('\n\n'),
          about: [recordIdentity(drug.record), recordIdentity(other.record), pair.id],
        }),
      );
    }
  }
  return cards;
}
