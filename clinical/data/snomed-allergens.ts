// SNOMED CT codes that allergy records use, for the medication-safety
// checks: what each one means for drugs.
//
// - `class`: an allergy to a whole drug class (a grouper substance, or a
//   disorder "allergy to <class>");
// - `none`: an allergen that is not a drug (food, pollen, animal, insect,
//   latex): no drug is checked against it, and no "no check possible" card
//   is shown for it either, since the kit knows what it is.
//
// Sources, with the name each code was found under:
// - the food and environmental allergens: Synthea's allergy modules,
//   synthetichealth/synthea src/main/resources/modules/allergies/
//   allergy_panel.json (https://github.com/synthetichealth/synthea,
//   Apache-2.0), and the Synthea patient bundles the kit is tested on;
// - 91936005 "Allergy to penicillin" (disorder) and 764146007 "Penicillin"
//   (substance): the HL7 FHIR example records that use them (for example
//   the German Medical Informatics Initiative's AllergyIntolerance example)
//   and SNOMED International's browser, https://browser.ihtsdotools.org/.
//
// Only codes whose meaning was checked are listed; any other SNOMED CT code
// on an allergy gives "no check possible", never a guess. The "no known
// allergy" codes (716186003, 409137002 and kin) are not allergens at all:
// clinical/allergy-entry.ts reads them, and the checks skip them.
//
// Licence: SNOMED CT codes are used under the SNOMED CT Affiliate Licence
// (SNOMED International, https://www.snomed.org/get-snomed); a country
// member of SNOMED International gives its users the licence free of charge.
// Codes alone, with names for reading only, are listed here.

import type { DrugClassId } from './drug-classes.js';

export type SnomedAllergen = { class: DrugClassId } | { none: true };

export const SNOMED_ALLERGENS: Readonly<Record<string, SnomedAllergen>> = {
  // Drug classes
  '91936005': { class: 'penicillins' }, // Allergy to penicillin (disorder)
  '764146007': { class: 'penicillins' }, // Penicillin (substance)

  // Not drugs (allergy_panel.json and the Synthea bundles)
  '91935009': { none: true }, // Allergy to peanuts
  '91934008': { none: true }, // Allergy to nut
  '417532002': { none: true }, // Allergy to fish
  '300913006': { none: true }, // Shellfish allergy
  '420174000': { none: true }, // Allergy to wheat
  '91930004': { none: true }, // Allergy to eggs
  '714035009': { none: true }, // Allergy to soya
  '425525006': { none: true }, // Allergy to dairy product
  '419263009': { none: true }, // Allergy to tree pollen
  '418689008': { none: true }, // Allergy to grass pollen
  '232347008': { none: true }, // Dander (animal) allergy
  '232350006': { none: true }, // House dust mite allergy
  '419474003': { none: true }, // Allergy to mould
  '424213003': { none: true }, // Allergy to bee venom
  '300916003': { none: true }, // Latex allergy
};
