import type { AllergyIntolerance, Card } from '../../model/index.js';
import { isActiveMedication, sameRecord } from './active-medication.js';
import { readAllergen } from './allergen-reading.js';
import { allergyCard, matchAllergy } from './allergy-rule.js';
import { byUrgency, recordIdentity } from './card.js';
import { readDrug, type Medication } from './drug-reading.js';
import { duplicateCard } from './duplicate-rule.js';
import { interactionCards } from './interaction-rule.js';
import {
  noCheckAllergyCard,
  noCheckDrugCard,
  noCheckOthersCard,
  type UnreadableRecord,
} from './no-check-cards.js';

// A new medication (a MedicationRequest or MedicationStatement being
// recorded) against the patient's recorded allergies and active
// medications. Pure: the same input gives the same cards, uuids included.
//
// Cards, most urgent first:
// - critical: an allergy to an ingredient of the drug or to its class
//   (allergy-rule.ts); a pair of the ONC high-priority interaction list
//   (interaction-rule.ts);
// - warning: cross-reactivity (penicillin ↔ cephalosporin), an intolerance
//   of low or unassessed criticality, a duplicate ingredient or class
//   (duplicate-rule.ts);
// - info: what could not be checked, and why (no-check-cards.ts): the new
//   drug itself (then nothing else is checked), an allergy whose allergen
//   the kit cannot read, active medications it cannot read.
// Critical and warning cards carry override reasons (override-reasons.ts).

export interface CheckMedicationInput {
  medication: Medication;
  /** The patient's allergy records, any status: only current allergies are matched. */
  allergies?: readonly AllergyIntolerance[];
  /** The patient's medications, any status: only active ones are compared. */
  medications?: readonly Medication[];
}

export function checkMedication({
  medication,
  allergies = [],
  medications = [],
}: CheckMedicationInput): Card[] {
  const drug = readDrug(medication);
  if (!drug.known) {
    return [
      noCheckDrugCard({
        label: drug.label,
        reason: drug.reason,
        identity: recordIdentity(medication),
      }),
    ];
  }
  const cards: Card[] = [];
  for (const allergy of allergies) {
    const allergen = readAllergen(allergy);
    if (allergen.kind === 'unreadable') {
      cards.push(
        noCheckAllergyCard({
          label: allergen.label,
          reason: allergen.reason,
          identity: recordIdentity(allergy),
        }),
      );
    } else if (allergen.kind === 'drug') {
      const match = matchAllergy(drug.ingredients, allergen);
      if (match) cards.push(allergyCard(medication, drug, allergy, allergen, match, false));
    }
  }
  const self = { record: medication, label: drug.label, ingredients: drug.ingredients };
  const unreadable: UnreadableRecord[] = [];
  for (const record of medications) {
    if (sameRecord(record, medication) || !isActiveMedication(record)) continue;
    const other = readDrug(record);
    if (!other.known) {
      unreadable.push({
        label: other.label,
        reason: other.reason,
        identity: recordIdentity(record),
      });
      continue;
    }
    const found = { record, label: other.label, ingredients: other.ingredients };
    cards.push(...interactionCards(self, found));
    const duplicate = duplicateCard(self, found);
    if (duplicate) cards.push(duplicate);
  }
  if (unreadable.length) cards.push(noCheckOthersCard(unreadable, 'medication'));
  return byUrgency(cards);
}
