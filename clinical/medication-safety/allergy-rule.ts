import type { AllergyIntolerance, Card } from '../../model/index.js';
import { inSentence } from '../coding.js';
import type { AllergenReading } from './allergen-reading.js';
import { recordIdentity, toCard } from './card.js';
import type { Medication } from './drug-reading.js';
import { knowledge } from './knowledge.js';
import { medicationSafetyMessages as messages } from './messages.js';
import type { DrugClassId } from './types.js';

// Drug against allergy, the same in both directions (a new medication
// against recorded allergies, a new allergy against active medications):
// 1. same ingredient: the drug contains an ingredient the allergy names;
// 2. same class: an ingredient of the drug is in a class the allergy names,
//    or in a class of an ingredient the allergy names (penicillin V allergy,
//    amoxicillin);
// 3. cross-reactivity: an ingredient of the drug is in a class that crosses
//    to one of the allergy's (penicillins ↔ cephalosporins).
// One card per drug and allergy: the strongest finding.
//
// Indicators: a same-ingredient or same-class match is critical for any
// current allergy, whatever its criticality: FHIR's criticality is the
// potential for a future severe reaction, and "low" does not make a
// re-exposure safe (HL7 FHIR R4, AllergyIntolerance.criticality,
// https://hl7.org/fhir/R4/allergyintolerance-definitions.html); the
// clinician decides, with an override reason. The one exception is a
// record of type "intolerance" (not immune-mediated, e.g. an ACE
// inhibitor's cough) that is not of high criticality: a warning.
// Cross-reactivity is a warning (about 1–2%, see
// clinical/data/drug-classes.ts).

type DrugAllergen = Extract<AllergenReading, { kind: 'drug' }>;

export type AllergyMatch =
  | { kind: 'ingredient'; ingredient: string }
  | { kind: 'class'; ingredient: string; drugClass: DrugClassId; allergen: string }
  | {
      kind: 'cross';
      ingredient: string;
      drugClass: DrugClassId;
      allergyClass: DrugClassId;
      allergen: string;
    };

/** The allergen in words for a summary: "penicillin V", or "penicillin" for a record of "Allergy to penicillin". */
function allergenWords(allergen: DrugAllergen): string {
  return inSentence(messages.allergenOfLabel(allergen.label));
}

/** The classes the allergy covers, each with what in the allergy puts it there. */
function allergyClasses(allergen: DrugAllergen): Map<DrugClassId, string> {
  const { classesOf } = knowledge();
  const classes = new Map<DrugClassId, string>();
  for (const drugClass of allergen.classes) classes.set(drugClass, allergenWords(allergen));
  for (const ingredient of allergen.ingredients) {
    for (const drugClass of classesOf.get(ingredient) ?? [])
      if (!classes.has(drugClass)) classes.set(drugClass, messages.ingredient(ingredient));
  }
  return classes;
}

export function matchAllergy(
  ingredients: readonly string[],
  allergen: DrugAllergen,
): AllergyMatch | undefined {
  const { classesOf, crossReactive } = knowledge();
  for (const ingredient of ingredients)
    if (allergen.ingredients.includes(ingredient)) return { kind: 'ingredient', ingredient };
  const classes = allergyClasses(allergen);
  for (const ingredient of ingredients) {
    for (const drugClass of classesOf.get(ingredient) ?? []) {
      const via = classes.get(drugClass);
      if (via) return { kind: 'class', ingredient, drugClass, allergen: via };
    }
  }
  for (const ingredient of ingredients) {
    for (const drugClass of classesOf.get(ingredient) ?? []) {
      for (const allergyClass of crossReactive.get(drugClass) ?? []) {
        const via = classes.get(allergyClass);
        if (via) return { kind: 'cross', ingredient, drugClass, allergyClass, allergen: via };
      }
    }
  }
  return undefined;
}

function allergyDetail(allergy: AllergyIntolerance, label: string): string[] {
  const d = messages.detail;
  const lines = [
    allergy.type === 'intolerance' ? d.intoleranceRecorded(label) : d.allergyRecorded(label),
  ];
  if (allergy.criticality) lines.push(d.criticality(messages.criticality[allergy.criticality]));
  const reactions = (allergy.reaction ?? []).flatMap((r) =>
    r.manifestation.map((m) => {
      const name = m.text ?? m.coding?.find((c) => c.display)?.display ?? '';
      return messages.detail.reaction(name, r.severity && messages.severity[r.severity]);
    }),
  );
  lines.push(reactions.length ? d.reactions(reactions.filter(Boolean).join(', ')) : d.noReactions);
  const verification = allergy.verificationStatus?.coding?.find((c) => c.code)?.code;
  if (verification !== 'confirmed') lines.push(d.unconfirmed);
  return lines;
}

/** The card for a drug–allergy match. `active` says the drug is a current medication (the new-allergy direction). */
export function allergyCard(
  medication: Medication,
  drug: { label: string; ingredients: readonly string[] },
  allergy: AllergyIntolerance,
  allergen: DrugAllergen,
  match: AllergyMatch,
  active: boolean,
): Card {
  const d = messages.detail;
  const name = messages.ingredient(match.ingredient);
  const lines = [
    d.drugContains(drug.label, messages.list(drug.ingredients.map(messages.ingredient)), active),
  ];
  if (match.kind !== 'ingredient') lines.push(d.inClass(name, match.drugClass));
  lines.push(...allergyDetail(allergy, allergen.label));
  if (match.kind === 'cross') lines.push(d.crossReactivity);
  const summary =
    match.kind === 'ingredient'
      ? messages.summary.allergyIngredient(name, name)
      : match.kind === 'class'
        ? messages.summary.allergyClass(name, match.allergen, match.drugClass)
        : messages.summary.crossReactivity(name, match.allergen);
  const mild = allergy.type === 'intolerance' && allergy.criticality !== 'high';
  return toCard({
    rule: match.kind === 'cross' ? 'cross-reactivity' : 'drug-allergy',
    indicator: match.kind === 'cross' || mild ? 'warning' : 'critical',
    summary,
    detail: lines.join('\n\n'),
    about: [recordIdentity(medication), recordIdentity(allergy), match.ingredient],
  });
}
