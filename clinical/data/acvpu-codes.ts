// Coded answers for the level of consciousness on the ACVPU scale (NEWS2:
// Alert, new Confusion, Voice, Pain, Unresponsive).
//
// Sources:
// - HL7 UK, ValueSet "UK Core ACVPU" (UKCore-ACVPU), version 2.0.0, dated
//   2021-09-10, https://fhir.hl7.org.uk/ValueSet/UKCore-ACVPU (as published
//   in NHSDigital/FHIR-R4-UKCORE-STAGING-MAIN, valuesets/ValueSet-UKCore-ACVPU.xml).
//   Its SNOMED CT constraint lists exactly: 248234008 |Mentally alert|,
//   300202002 |Responds to voice|, 450847001 |Responds to pain|,
//   422768004 |Unresponsive|, 130987000 |Acute confusion|.
// - LOINC answers for 67775-7 "Level of responsiveness" (the AVPU answer list):
//   LA9340-6 Alert, LA17108-4 Verbal, LA17107-6 Painful, LA9343-0 Unresponsive,
//   as constrained by the HL7 CDA R2 Implementation Guide "Emergency Medical
//   Services Patient Care Report" (Level of Responsiveness observation), read
//   from its machine form in mdht/mdht-models
//   (org.openhealthtools.mdht.uml.cda.emspcr, LevelOfResponsivenessOperations).
//   The answer list page on loinc.org (https://loinc.org/67775-7) could not be
//   reached from here; check this table against it before relying on it.
//   That list has no answer for new confusion.
//
// Transcribed by hand. A code that is in neither list is not read here: an
// answer the kit cannot place leaves NEWS2 incomplete rather than guessed.

export type AcvpuLevel = 'A' | 'C' | 'V' | 'P' | 'U';

interface Answer {
  code: string;
  display: string;
}

/** Each level's SNOMED CT answer (UK Core ACVPU 2.0.0) and LOINC answer (67775-7), as published. */
export const ACVPU_ANSWERS: Readonly<Record<AcvpuLevel, { snomed: Answer; loinc?: Answer }>> = {
  A: {
    snomed: { code: '248234008', display: 'Mentally alert' },
    loinc: { code: 'LA9340-6', display: 'Alert' },
  },
  C: { snomed: { code: '130987000', display: 'Acute confusion' } },
  V: {
    snomed: { code: '300202002', display: 'Responds to voice' },
    loinc: { code: 'LA17108-4', display: 'Verbal' },
  },
  P: {
    snomed: { code: '450847001', display: 'Responds to pain' },
    loinc: { code: 'LA17107-6', display: 'Painful' },
  },
  U: {
    snomed: { code: '422768004', display: 'Unresponsive' },
    loinc: { code: 'LA9343-0', display: 'Unresponsive' },
  },
};

/**
 * LA6560-2 is LOINC's "Confused", an answer of the Glasgow Coma Scale verbal
 * list (LL356-7), not of 67775-7. The kit's own vitals form wrote it for new
 * confusion before it wrote the UK Core code, so records it made are still
 * read as C; nothing new is written with it.
 */
export const ACVPU_LOINC_WRITTEN_BY_EARLIER_KIT: Readonly<Record<string, AcvpuLevel>> = {
  'LA6560-2': 'C',
};
