// The LOINC class (the LOINC table's CLASS field) of laboratory codes, and
// the classes' names, for grouping results that no report holds.
//
// Sources:
// - Classes of codes: each code's LOINC record as quoted by HealthAssure's
//   LOINC code pages (field "Class", LOINC version 2.82), one page per code,
//   cited beside it below.
// - Class names: the list of LOINC classes as published in the OHDSI
//   Standardized Vocabularies (OHDSI/Vocabulary-v5.0, LOINC/loinc_class.csv,
//   https://github.com/OHDSI/Vocabulary-v5.0/blob/master/LOINC/loinc_class.csv),
//   which transcribes LOINC's class abbreviations and their names. HEM/BC is
//   named as LOINC's own related names call the class ("HEMATOLOGY/CELL
//   COUNTS", e.g. https://www.healthassure.in/codes/loinc-4470-1-choleglobin-bld-mass-fraction),
//   since that list's name for it reads as a typing slip.
//
// Transcribed by hand from the pages named. A laboratory code of the Synthea
// fixtures whose class could not be read from a published source is left
// out: its results stay under "Other tests" rather than in a guessed class.
//
// This material contains content from LOINC (http://loinc.org). LOINC is
// copyright © 1995-2024, Regenstrief Institute, Inc. and the Logical
// Observation Identifiers Names and Codes (LOINC) Committee and is available
// at no cost under the license at http://loinc.org/license. LOINC® is a
// registered United States trademark of Regenstrief Institute, Inc.

/** LOINC code → its LOINC class, as LOINC writes it. */
export const LOINC_CLASS_OF: Readonly<Record<string, string>> = {
  // https://www.healthassure.in/codes/loinc-32167-9-clarity-u (Class SPEC)
  '32167-9': 'SPEC',
};

/** LOINC class → its name in words. */
export const LOINC_CLASS_NAMES: Readonly<Record<string, string>> = {
  ABXBACT: 'Antibiotic susceptibilities',
  ALLERGY: 'Response to antigens',
  BLDBK: 'Blood bank',
  CELLMARK: 'Cell surface models',
  CHAL: 'Challenge tests',
  CHEM: 'Chemistry',
  COAG: 'Coagulation study',
  CYTO: 'Cytology',
  'DRUG/TOX': 'Drug levels & Toxicology',
  FERT: 'Fertility',
  'HEM/BC': 'Hematology/Cell counts',
  HLA: 'HLA tissue typing antigens and antibodies',
  MICRO: 'Microbiology',
  MISC: 'Miscellaneous',
  MOLPATH: 'Molecular pathology',
  PATH: 'Pathology',
  SERO: 'Serology (antibodies and most antigens except blood bank and infectious agents)',
  SPEC: 'Specimen characteristics',
  UA: 'Urinalysis',
  'PANEL.ALLERGY': 'Allergy order set',
  'PANEL.CHEM': 'Chemistry order set',
  'PANEL.COAG': 'Coagulation order set',
  'PANEL.DRUG/TOX': 'Drug level & Toxicology order set',
  'PANEL.HEM/BC': 'Hematology & blood count order set',
  'PANEL.MICRO': 'Microbiology order set',
  'PANEL.SERO': 'Serology order set',
  'PANEL.UA': 'Urinalysis order set',
};
