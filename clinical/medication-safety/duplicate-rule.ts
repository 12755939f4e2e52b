import type { Card } from '../../model/index.js';
import { recordIdentity, toCard } from './card.js';
import type { Medication } from './drug-reading.js';
import { knowledge } from './knowledge.js';
import { medicationSafetyMessages as messages } from './messages.js';

// Duplicate therapy: the new medication and an active one share an
// ingredient (two products with acetaminophen, or a furosemide injection
// beside furosemide tablets), or have ingredients of one therapeutic class
// (ibuprofen and naproxen: two NSAIDs; classes in
// clinical/data/drug-classes.ts). A warning: a duplicate is sometimes meant
// (a change of route, a loading dose), and the clinician says so with an
// override reason. One card per active medication, the shared ingredient
// before the shared class.

interface Drug {
  record: Medication;
  label: string;
  ingredients: readonly string[];
}

export function duplicateCard(drug: Drug, other: Drug): Card | undefined {
  const d = messages.detail;
  const about = [recordIdentity(drug.record), recordIdentity(other.record)];
  const shared = drug.ingredients.find((i) => other.ingredients.includes(i));
  if (shared) {
    return toCard({
      rule: 'duplicate-ingredient',
      indicator: 'warning',
      summary: messages.summary.duplicateIngredient(messages.ingredient(shared), other.label),
      detail: [
        d.drugContains(drug.label, messages.list(drug.ingredients.map(messages.ingredient))),
        d.drugContains(
          other.label,
          messages.list(other.ingredients.map(messages.ingredient)),
          true,
        ),
        d.duplicate,
      ].join('\n\n'),
      about: [...about, shared],
    });
  }
  const { classesOf } = knowledge();
  for (const ingredient of drug.ingredients) {
    for (const drugClass of classesOf.get(ingredient) ?? []) {
      const match = other.ingredients.find((i) => classesOf.get(i)?.includes(drugClass));
      if (!match) continue;
      const a = messages.ingredient(ingredient);
      const b = messages.ingredient(match);
      return toCard({
        rule: 'duplicate-class',
        indicator: 'warning',
        summary: messages.summary.duplicateClass(a, b, drugClass),
        detail: [
          d.inClass(a, drugClass),
          d.inClass(b, drugClass),
          d.activeMedication(other.label),
          d.duplicate,
        ].join('\n\n'),
        about: [...about, drugClass],
      });
    }
  }
  return undefined;
}
