// Code systems the kit reads and writes.
export const LOINC = 'http://loinc.org';
export const SNOMED = 'http://snomed.info/sct';
export const UCUM = 'http://unitsofmeasure.org';
export const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
export const OBSERVATION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';
export const OBSERVATION_INTERPRETATION =
  'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation';
export const ALLERGY_CLINICAL = 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical';
export const ALLERGY_VERIFICATION =
  'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification';
export const CONDITION_CLINICAL = 'http://terminology.hl7.org/CodeSystem/condition-clinical';
export const CONDITION_VERIFICATION = 'http://terminology.hl7.org/CodeSystem/condition-ver-status';

export const ALLERGY_CLINICAL_CODES = ['active', 'inactive', 'resolved'] as const;
export const ALLERGY_VERIFICATION_CODES = [
  'unconfirmed',
  'confirmed',
  'refuted',
  'entered-in-error',
] as const;
export const CONDITION_CLINICAL_CODES = [
  'active',
  'recurrence',
  'relapse',
  'inactive',
  'remission',
  'resolved',
] as const;
export const CONDITION_VERIFICATION_CODES = [
  'unconfirmed',
  'provisional',
  'differential',
  'confirmed',
  'refuted',
  'entered-in-error',
] as const;

/**
 * The kit's own reasons for going ahead despite a decision-support card
 * (CDS Hooks `overrideReasons`); the codes are listed in
 * clinical/medication-safety/override-reasons.ts.
 */
export const KIT_OVERRIDE_REASON = 'https://emr-kit.dev/fhir/CodeSystem/cds-override-reason';
