import { RXNORM, SNOMED } from '../../model/index.js';
import type { AllergyCategory } from '../allergy-entry.js';
import type { CodedConcept } from './coded-concept.js';

// Substances a clinician records an allergy or intolerance to: RxNorm
// ingredients for the drugs behind most recorded drug allergies, SNOMED CT
// substances for foods, latex, contrast media and insect venom. Both are in
// the FHIR R4 AllergyIntolerance substance value set
// (http://hl7.org/fhir/R4/valueset-allergyintolerance-code.html: RxNorm
// ingredients and SNOMED CT substances).
//
// Sources, each code checked against them:
// - Synthea's allergy modules (github.com/synthetichealth/synthea,
//   src/main/resources/modules/allergies/drug_allergy_incidence.json,
//   food_allergy_incidence.json, environmental_allergy_incidence.json;
//   Apache-2.0): penicillin V, aspirin, ibuprofen, sulfamethoxazole /
//   trimethoprim and the cephalosporins; peanut, tree nut, fish, shellfish,
//   wheat, egg, soya; tree and grass pollen, animal dander, house dust mite,
//   mould, bee venom.
// - The US eCQM value sets published through NLM VSAC (as transcribed in
//   canvas-medical/canvas-plugins canvas_sdk/value_set/, MIT): the egg
//   substances, warfarin, simvastatin, atorvastatin, lisinopril, heparin.
// - SNOMED CT concepts confirmed in several public FHIR implementation
//   guides and their examples: latex 111088007, contrast media 385420005
//   (the concept SNOMED's own imaging templates use), cow's milk 3718001;
//   RxNorm ingredients as used in public CDS and FHIR examples: penicillin G
//   70618, amoxicillin 723, ampicillin 733, meropenem 29561, vancomycin
//   11124, morphine 7052, codeine 2670, sulfamethoxazole 10180, naproxen
//   7258.
//
// Licences: RxNorm is produced by the US National Library of Medicine and
// is in the public domain. SNOMED CT codes are used under the SNOMED
// International (IHTSDO) affiliate licence terms, which allow their use in
// records and software in member countries; the displays are the concepts'
// names, shortened where a clinician would say less ("Peanut", not
// "Peanut (substance)").

export interface AllergySubstance extends CodedConcept {
  /** The category the substance usually falls in (FHIR AllergyIntolerance.category). */
  category: AllergyCategory;
}

const drug = (code: string, display: string): AllergySubstance => ({
  system: RXNORM,
  code,
  display,
  category: 'medication',
});
const substance = (code: string, display: string, category: AllergyCategory): AllergySubstance => ({
  system: SNOMED,
  code,
  display,
  category,
});

export const ALLERGY_SUBSTANCES: readonly AllergySubstance[] = [
  // Penicillins
  drug('70618', 'Penicillin G'),
  drug('7984', 'Penicillin V'),
  drug('723', 'Amoxicillin'),
  drug('733', 'Ampicillin'),
  // Cephalosporins
  drug('2231', 'Cephalexin'),
  drug('2180', 'Cefazolin'),
  drug('2176', 'Cefaclor'),
  drug('2194', 'Cefuroxime'),
  drug('2189', 'Cefoxitin'),
  drug('2193', 'Ceftriaxone'),
  drug('2191', 'Ceftazidime'),
  drug('25037', 'Cefdinir'),
  drug('25033', 'Cefixime'),
  drug('20489', 'Cefpodoxime'),
  drug('20481', 'Cefepime'),
  // Carbapenems and others
  drug('29561', 'Meropenem'),
  drug('11124', 'Vancomycin'),
  // Sulfonamide antibiotics
  drug('10180', 'Sulfamethoxazole'),
  drug('10831', 'Sulfamethoxazole / trimethoprim'),
  // NSAIDs and aspirin
  drug('1191', 'Aspirin'),
  drug('5640', 'Ibuprofen'),
  drug('7258', 'Naproxen'),
  // Opioids
  drug('7052', 'Morphine'),
  drug('2670', 'Codeine'),
  // Others often recorded
  drug('11289', 'Warfarin'),
  drug('36567', 'Simvastatin'),
  drug('83367', 'Atorvastatin'),
  drug('29046', 'Lisinopril'),
  drug('5224', 'Heparin'),
  // Foods
  substance('762952008', 'Peanut', 'food'),
  substance('442571000124108', 'Tree nut', 'food'),
  substance('735971005', 'Fish', 'food'),
  substance('735029006', 'Shellfish', 'food'),
  substance('412071004', 'Wheat', 'food'),
  substance('102263004', 'Eggs (edible)', 'food'),
  substance('256355007', 'Soya (Glycine max)', 'food'),
  substance('3718001', "Cow's milk", 'food'),
  // Environment, latex, venom, contrast
  substance('111088007', 'Latex', 'environment'),
  substance('288328004', 'Bee venom', 'environment'),
  substance('782576004', 'Tree pollen', 'environment'),
  substance('256277009', 'Grass pollen', 'environment'),
  substance('264287008', 'Animal dander', 'environment'),
  substance('260147004', 'House dust mite', 'environment'),
  substance('84489001', 'Mould', 'environment'),
  substance('385420005', 'Contrast media', 'medication'),
];
