import type { AllergyIntolerance, Card } from '../../model/index.js';
import { isActiveMedication } from './active-medication.js';
import { readAllergen } from './allergen-reading.js';
import { allergyCard, matchAllergy } from './allergy-rule.js';
import { byUrgency, recordIdentity } from './card.js';
import { readDrug, type Medication } from './drug-reading.js';
import { noCheckAllergyCard, noCheckOthersCard, type UnreadableRecord } from './no-check-cards.js';

// A new allergy (an AllergyIntolerance being recorded) against the
// patient's active medications: the drug–allergy rule of allergy-rule.ts
// the other way round, with the same indicators and uuids. A "no known
// allergy" assertion, and a refuted, entered-in-error, inactive or resolved
// record, is no allergy and gives no card; a food or environmental allergen
// gives none either. An allergen the kit cannot read gives an info card
// saying the active medications were not checked against it.

export interface CheckAllergyInput {
  allergy: AllergyIntolerance;
  /** The patient's medications, any status: only active ones are checked. */
  medications?: readonly Medication[];
}

export function checkAllergy({ allergy, medications = [] }: CheckAllergyInput): Card[] {
  const allergen = readAllergen(allergy);
  if (allergen.kind === 'not-current' || allergen.kind === 'not-drug') return [];
  if (allergen.kind === 'unreadable') {
    return [
      noCheckAllergyCard({
        label: allergen.label,
        reason: allergen.reason,
        identity: recordIdentity(allergy),
      }),
    ];
  }
  const cards: Card[] = [];
  const unreadable: UnreadableRecord[] = [];
  for (const record of medications) {
    if (!isActiveMedication(record)) continue;
    const drug = readDrug(record);
    if (!drug.known) {
      unreadable.push({ label: drug.label, reason: drug.reason, identity: recordIdentity(record) });
      continue;
    }
    const match = matchAllergy(drug.ingredients, allergen);
    if (match) cards.push(allergyCard(record, drug, allergy, allergen, match, true));
  }
  if (unreadable.length) cards.push(noCheckOthersCard(unreadable, 'allergy'));
  return byUrgency(cards);
}
