/**
 * The resource types the kit models, in the order of `resourceSchemas`
 * (resources.ts, which checks the two agree). Apart from the schemas, so that
 * code that only reads a chart does not load zod with them.
 */
export const resourceTypes = [
  'Patient',
  'AllergyIntolerance',
  'MedicationRequest',
  'MedicationStatement',
  'Observation',
  'Condition',
  'Encounter',
  'DiagnosticReport',
  'ImagingStudy',
  'Procedure',
  'Immunization',
  'DocumentReference',
  'DetectedIssue',
] as const;

export type ResourceType = (typeof resourceTypes)[number];
