import { RXNORM } from '../../model/index.js';
import type { CodedConcept } from './coded-concept.js';

// Clinical drugs a clinician orders or records, each an RxNorm semantic
// clinical drug (SCD): its RxCUI and its normalized name as RxNorm writes it
// (ingredient, strength, dose form). Chosen to cover everyday prescribing
// and every class the kit's medication checks name: penicillins,
// cephalosporins, carbapenems, sulfonamide antibiotics, macrolides, NSAIDs
// and aspirin, opioids, anticoagulants, statins.
//
// Sources, each code checked against them:
// - The US eCQM value sets published through NLM VSAC, eCQM updates 2021
//   and 2025 (as transcribed, code and RxNorm name, in
//   canvas-medical/canvas-plugins canvas_sdk/value_set/v2022 and v2026,
//   MIT): every entry below unless marked otherwise.
// - Synthea's fixture charts shipped with the kit's tests and Synthea's
//   modules (github.com/synthetichealth/synthea, Apache-2.0): marked [S].
// - Several public FHIR and CDS examples that agree on the code: marked [P]
//   (meropenem 1722939, naproxen 198014, acetaminophen 198440).
//
// Licence: RxNorm is produced by the US National Library of Medicine and is
// in the public domain.

export type DrugRoute = 'oral' | 'intravenous' | 'subcutaneous';

export interface CommonDrug extends CodedConcept {
  /** The route the dose form implies, offered first. */
  route: DrugRoute;
  /** The UCUM unit a dose of it is usually written in. */
  unit: string;
}

const oral = (code: string, display: string, unit = 'mg'): CommonDrug => ({
  system: RXNORM,
  code,
  display,
  route: 'oral',
  unit,
});
const injection = (code: string, display: string, unit = 'mg'): CommonDrug => ({
  system: RXNORM,
  code,
  display,
  route: 'intravenous',
  unit,
});

export const COMMON_DRUGS: readonly CommonDrug[] = [
  // Penicillins
  oral('308182', 'amoxicillin 250 MG Oral Capsule'), // [S]
  oral('308191', 'amoxicillin 500 MG Oral Capsule'),
  oral('308192', 'amoxicillin 500 MG Oral Tablet'),
  oral('562508', 'amoxicillin 875 MG / clavulanate 125 MG Oral Tablet'),
  oral('834061', 'penicillin V potassium 250 MG Oral Tablet'),
  oral('834102', 'penicillin V potassium 500 MG Oral Tablet'),
  injection('1659149', 'piperacillin 4000 MG / tazobactam 500 MG Injection'),
  // Cephalosporins
  oral('309114', 'cephalexin 500 MG Oral Capsule'),
  injection('1665050', 'cefazolin 1000 MG Injection'),
  injection('1665021', 'ceftriaxone 1000 MG Injection'),
  // Carbapenems, glycopeptides
  injection('1722939', 'meropenem 1000 MG Injection'), // [P]
  injection('1807513', 'vancomycin 1000 MG Injection'),
  // Sulfonamide antibiotics, macrolides, others
  oral('198335', 'sulfamethoxazole 800 MG / trimethoprim 160 MG Oral Tablet'),
  oral('197517', 'clarithromycin 500 MG Oral Tablet'),
  oral('308460', 'azithromycin 250 MG Oral Tablet'),
  oral('197650', 'erythromycin 500 MG Oral Tablet'),
  oral('309309', 'ciprofloxacin 500 MG Oral Tablet'),
  oral('1649988', 'doxycycline hyclate 100 MG Oral Capsule'),
  oral('311681', 'metronidazole 500 MG Oral Tablet'),
  oral('311347', 'linezolid 600 MG Oral Tablet'),
  // NSAIDs and aspirin
  oral('198405', 'ibuprofen 100 MG Oral Tablet'), // [S]
  oral('310965', 'ibuprofen 200 MG Oral Tablet'), // [S]
  oral('198014', 'naproxen 500 MG Oral Tablet'), // [P]
  oral('849574', 'naproxen sodium 220 MG Oral Tablet'), // [S]
  oral('243670', 'aspirin 81 MG Oral Tablet'),
  oral('212033', 'aspirin 325 MG Oral Tablet'),
  injection('860096', 'ketorolac tromethamine 30 MG/ML Injectable Solution'),
  // Opioids
  oral('892582', 'morphine sulfate 15 MG Oral Tablet'),
  oral('892589', 'morphine sulfate 2 MG/ML Oral Solution', 'mL'),
  oral('1049621', 'oxycodone hydrochloride 5 MG Oral Tablet'),
  oral('997287', 'codeine sulfate 30 MG Oral Tablet'),
  oral('993781', 'acetaminophen 300 MG / codeine phosphate 30 MG Oral Tablet', '{tbl}'),
  oral('835603', 'tramadol hydrochloride 50 MG Oral Tablet'),
  oral('897696', 'hydromorphone hydrochloride 2 MG Oral Tablet'),
  // Analgesics
  oral('313782', 'acetaminophen 325 MG Oral Tablet'), // [S]
  oral('198440', 'acetaminophen 500 MG Oral Tablet'), // [P]
  // Anticoagulants and antiplatelets
  oral('855332', 'warfarin sodium 5 MG Oral Tablet'),
  oral('1364445', 'apixaban 5 MG Oral Tablet'),
  oral('309362', 'clopidogrel 75 MG Oral Tablet'),
  // Statins
  oral('198211', 'simvastatin 40 MG Oral Tablet'),
  oral('617311', 'atorvastatin 40 MG Oral Tablet'),
  oral('197904', 'lovastatin 20 MG Oral Tablet'),
  // Cardiovascular, diabetes, others
  oral('314076', 'lisinopril 10 MG Oral Tablet'),
  oral('197361', 'amlodipine 5 MG Oral Tablet'),
  oral('897683', 'verapamil hydrochloride 80 MG Oral Tablet'),
  oral('313988', 'furosemide 40 MG Oral Tablet'),
  oral('313096', 'spironolactone 25 MG Oral Tablet'),
  oral('197604', 'digoxin 0.125 MG Oral Tablet'),
  oral('861007', 'metformin hydrochloride 500 MG Oral Tablet'),
  {
    system: RXNORM,
    code: '311041',
    display: 'insulin glargine 100 UNT/ML Injectable Solution',
    route: 'subcutaneous',
    unit: '[iU]',
  },
  oral('312615', 'prednisone 20 MG Oral Tablet'),
  oral('105585', 'methotrexate 2.5 MG Oral Tablet'),
  oral('241834', 'cyclosporine, modified 100 MG Oral Capsule'),
  oral('312941', 'sertraline 50 MG Oral Tablet'),
  oral('310385', 'fluoxetine 20 MG Oral Capsule'),
  oral('198427', 'lamotrigine 100 MG Oral Tablet'),
  oral('855671', 'phenytoin sodium 100 MG Extended Release Oral Capsule'),
];
