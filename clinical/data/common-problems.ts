// A shipped subset of common problems, coded in SNOMED CT, for recording a
// problem offline: the search of <emr-problem-list> looks through these.
//
// Sources (both Apache License 2.0):
// - Synthea's modules (github.com/synthetichealth/synthea,
//   src/main/resources/modules): the condition codes and displays its
//   ConditionOnset states write. asthma.json (233678006 Childhood asthma,
//   195967001 Asthma) and copd.json (87433001, 185086009) were read there.
// - The Synthea sample patients published in smart-on-fhir/generated-sample-data
//   (R4/SYNTHEA, commit 25ac8089f0464b8673c7669509dc0bb8f4883773): every other
//   entry is a Condition.code those patients carry, as Synthea wrote it.
//
// Displays are kept as published (semantic tags included, e.g. "(disorder)");
// the search matches words anywhere in them. Transcribed by a script from the
// files named, not from memory. SNOMED CT itself is licensed by SNOMED
// International; a host that records these codes in production needs its own
// affiliate licence.

import { SNOMED } from '../../model/index.js';

export interface CommonProblem {
  system: typeof SNOMED;
  code: string;
  display: string;
}

const problem = (code: string, display: string): CommonProblem => ({
  system: SNOMED,
  code,
  display,
});

/** Alphabetical by display. */
export const COMMON_PROBLEMS: readonly CommonProblem[] = [
  problem('10509002', 'Acute bronchitis (disorder)'),
  problem('195662009', 'Acute viral pharyngitis (disorder)'),
  problem('7200002', 'Alcoholism'),
  problem('271737000', 'Anemia (disorder)'),
  problem('74400008', 'Appendicitis'),
  problem('195967001', 'Asthma'),
  problem('24079001', 'Atopic dermatitis'),
  problem('162864005', 'Body mass index 30+ - obesity (finding)'),
  problem('92691004', 'Carcinoma in situ of prostate (disorder)'),
  problem('233678006', 'Childhood asthma'),
  problem('88805009', 'Chronic congestive heart failure (disorder)'),
  problem('124171000119105', 'Chronic intractable migraine without aura'),
  problem('431855005', 'Chronic kidney disease stage 1 (disorder)'),
  problem('185086009', 'Chronic obstructive bronchitis (disorder)'),
  problem('82423001', 'Chronic pain'),
  problem('40055000', 'Chronic sinusitis (disorder)'),
  problem('62564004', 'Concussion with loss of consciousness'),
  problem('44054006', 'Diabetes'),
  problem('127013003', 'Diabetic renal disease (disorder)'),
  problem('422034002', 'Diabetic retinopathy associated with type II diabetes mellitus (disorder)'),
  problem('84757009', 'Epilepsy'),
  problem('403190006', 'First degree burn'),
  problem('16114001', 'Fracture of ankle'),
  problem('65966004', 'Fracture of forearm'),
  problem('263102004', 'Fracture subluxation of wrist'),
  problem('428251008', 'History of appendectomy'),
  problem('703151001', 'History of single seizure (situation)'),
  problem('80394007', 'Hyperglycemia (disorder)'),
  problem('55822004', 'Hyperlipidemia'),
  problem('38341003', 'Hypertension'),
  problem('302870006', 'Hypertriglyceridemia (disorder)'),
  problem('196416002', 'Impacted molars'),
  problem('284551006', 'Laceration of foot'),
  problem('237602007', 'Metabolic syndrome X (disorder)'),
  problem('314994000', 'Metastasis from malignant tumor of prostate (disorder)'),
  problem('126906006', 'Neoplasm of prostate'),
  problem('424132000', 'Non-small cell carcinoma of lung, TNM stage 1 (disorder)'),
  problem('254637007', 'Non-small cell lung cancer (disorder)'),
  problem(
    '1551000119108',
    'Nonproliferative diabetic retinopathy due to type 2 diabetes mellitus (disorder)',
  ),
  problem('72892002', 'Normal pregnancy'),
  problem('239873007', 'Osteoarthritis of knee'),
  problem('64859006', 'Osteoporosis (disorder)'),
  problem('65363002', 'Otitis media'),
  problem('443165006', 'Pathological fracture due to osteoporosis (disorder)'),
  problem('232353008', 'Perennial allergic rhinitis with seasonal variation'),
  problem('15777000', 'Prediabetes'),
  problem('87433001', 'Pulmonary emphysema (disorder)'),
  problem('128613002', 'Seizure disorder'),
  problem('162573006', 'Suspected lung cancer (situation)'),
  problem('444814009', 'Viral sinusitis (disorder)'),
];
