// The LOINC class (the LOINC table's CLASS field) of laboratory codes, and
// the classes' names, for grouping results that no report holds.
//
// Sources:
// - Classes of codes: the U.S. National Library of Medicine's "Equivalence
//   Classes for LOINC Terms" (LOINC 2.68), which lists LOINC's laboratory
//   terms in one spreadsheet per LOINC class (CHEM_results.xlsx,
//   HEMBC_results.xlsx for HEM/BC, ALLERGY_results.xlsx, UA_results.xlsx…):
//   https://github.com/lhncbc/Equivalence-Classes-Data-Files. Each code below
//   is listed in exactly one of them, named beside it. Urine clarity, which
//   that set leaves out (class SPEC), is from its LOINC record as quoted by
//   HealthAssure's LOINC code page (field "Class", LOINC 2.82), cited beside it.
// - Class names: the list of LOINC classes as published in the OHDSI
//   Standardized Vocabularies (OHDSI/Vocabulary-v5.0, LOINC/loinc_class.csv,
//   https://github.com/OHDSI/Vocabulary-v5.0/blob/master/LOINC/loinc_class.csv),
//   which transcribes LOINC's class abbreviations and their names. HEM/BC is
//   named as LOINC's own related names call the class ("HEMATOLOGY/CELL
//   COUNTS", e.g. https://www.healthassure.in/codes/loinc-4470-1-choleglobin-bld-mass-fraction),
//   since that list's name for it reads as a typing slip.
//
// The codes are the laboratory codes of the Synthea fixtures, looked up in
// those spreadsheets by a script, not typed. A code whose class could not be
// read from a published source (urine colour and odour) is left out: its
// results stay under "Other tests" rather than in a guessed class.
//
// This material contains content from LOINC (http://loinc.org). LOINC is
// copyright © 1995-2024, Regenstrief Institute, Inc. and the Logical
// Observation Identifiers Names and Codes (LOINC) Committee and is available
// at no cost under the license at http://loinc.org/license. LOINC® is a
// registered United States trademark of Regenstrief Institute, Inc.

/** LOINC code → its LOINC class, as LOINC writes it. */
export const LOINC_CLASS_OF: Readonly<Record<string, string>> = {
  // ALLERGY_results.xlsx
  '6075-6': 'ALLERGY', // Cladosporium herbarum IgE Ab in Serum
  '6082-2': 'ALLERGY', // Codfish IgE Ab in Serum
  '6085-5': 'ALLERGY', // Common Ragweed IgE Ab in Serum
  '6095-4': 'ALLERGY', // American house dust mite IgE Ab in Serum
  '6106-9': 'ALLERGY', // Egg white IgE Ab in Serum
  '6158-0': 'ALLERGY', // Latex IgE Ab in Serum
  '6189-5': 'ALLERGY', // White oak IgE Ab in Serum
  '6206-7': 'ALLERGY', // Peanut IgE Ab in Serum
  '6246-3': 'ALLERGY', // Shrimp IgE Ab in Serum
  '6248-9': 'ALLERGY', // Soybean IgE Ab in Serum
  '6273-7': 'ALLERGY', // Walnut IgE Ab in Serum
  '6276-0': 'ALLERGY', // Wheat IgE Ab in Serum
  '6833-8': 'ALLERGY', // Cat dander IgE Ab in Serum
  '6844-5': 'ALLERGY', // Honey bee IgE Ab in Serum
  '7258-7': 'ALLERGY', // Cow milk IgE Ab in Serum
  // CHEM_results.xlsx
  '1742-6': 'CHEM', // Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma
  '1751-7': 'CHEM', // Albumin [Mass/volume] in Serum or Plasma
  '1920-8': 'CHEM', // Aspartate aminotransferase [Enzymatic activity/volume] in Serum or Plasma
  '1975-2': 'CHEM', // Bilirubin.total [Mass/volume] in Serum or Plasma
  '2069-3': 'CHEM', // Chloride
  '2085-9': 'CHEM', // High Density Lipoprotein Cholesterol
  '2093-3': 'CHEM', // Total Cholesterol
  '2339-0': 'CHEM', // Glucose
  '2514-8': 'CHEM', // Ketones [Presence] in Urine by Test strip
  '2571-8': 'CHEM', // Triglycerides
  '2857-1': 'CHEM', // Prostate specific Ag [Mass/volume] in Serum or Plasma
  '2885-2': 'CHEM', // Protein [Mass/volume] in Serum or Plasma
  '2947-0': 'CHEM', // Sodium
  '6298-4': 'CHEM', // Potassium
  '6299-2': 'CHEM', // Urea Nitrogen
  '6768-6': 'CHEM', // Alkaline phosphatase [Enzymatic activity/volume] in Serum or Plasma
  '10834-0': 'CHEM', // Globulin [Mass/volume] in Serum by calculation
  '14959-1': 'CHEM', // Microalbumin Creatinine Ratio
  '18262-6': 'CHEM', // Low Density Lipoprotein Cholesterol
  '20565-8': 'CHEM', // Carbon Dioxide
  '33762-6': 'CHEM', // NT-proBNP
  '33914-3': 'CHEM', // Estimated Glomerular Filtration Rate
  '38483-4': 'CHEM', // Creatinine
  '49765-1': 'CHEM', // Calcium
  // HEMBC_results.xlsx
  '718-7': 'HEM/BC', // Hemoglobin [Mass/volume] in Blood
  '777-3': 'HEM/BC', // Platelets [#/volume] in Blood by Automated count
  '785-6': 'HEM/BC', // MCH [Entitic mass] by Automated count
  '786-4': 'HEM/BC', // MCHC [Mass/volume] by Automated count
  '787-2': 'HEM/BC', // MCV [Entitic volume] by Automated count
  '789-8': 'HEM/BC', // Erythrocytes [#/volume] in Blood by Automated count
  '4544-3': 'HEM/BC', // Hematocrit [Volume Fraction] of Blood by Automated count
  '4548-4': 'HEM/BC', // Hemoglobin A1c/Hemoglobin.total in Blood
  '6690-2': 'HEM/BC', // Leukocytes [#/volume] in Blood by Automated count
  '21000-5': 'HEM/BC', // Erythrocyte distribution width [Entitic volume] by Automated count
  '32207-3': 'HEM/BC', // Platelet distribution width [Entitic volume] in Blood by Automated count
  '32623-1': 'HEM/BC', // Platelet mean volume [Entitic volume] in Blood by Automated count
  // UA_results.xlsx
  '5770-3': 'UA', // Bilirubin.total [Presence] in Urine by Test strip
  '5792-7': 'UA', // Glucose [Mass/volume] in Urine by Test strip
  '5794-3': 'UA', // Hemoglobin [Presence] in Urine by Test strip
  '5797-6': 'UA', // Ketones [Mass/volume] in Urine by Test strip
  '5799-2': 'UA', // Leukocyte esterase [Presence] in Urine by Test strip
  '5802-4': 'UA', // Nitrite [Presence] in Urine by Test strip
  '5803-2': 'UA', // pH of Urine by Test strip
  '5804-0': 'UA', // Protein [Mass/volume] in Urine by Test strip
  '5811-5': 'UA', // Specific gravity of Urine by Test strip
  '20454-5': 'UA', // Protein [Presence] in Urine by Test strip
  '20505-4': 'UA', // Bilirubin.total [Mass/volume] in Urine by Test strip
  '25428-4': 'UA', // Glucose [Presence] in Urine by Test strip
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
