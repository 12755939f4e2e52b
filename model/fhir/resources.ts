import { resourceTypes, type ResourceType } from './resource-types.js';
import { AllergyIntolerance } from './resources/allergy-intolerance.js';
import { Condition } from './resources/condition.js';
import { DetectedIssue } from './resources/detected-issue.js';
import { DiagnosticReport } from './resources/diagnostic-report.js';
import { DocumentReference } from './resources/document-reference.js';
import { Encounter } from './resources/encounter.js';
import { ImagingStudy } from './resources/imaging-study.js';
import { Immunization } from './resources/immunization.js';
import { MedicationRequest } from './resources/medication-request.js';
import { MedicationStatement } from './resources/medication-statement.js';
import { Observation } from './resources/observation.js';
import { Patient } from './resources/patient.js';
import { Procedure } from './resources/procedure.js';

/** The FHIR R4 resource types the kit models, with their schemas. */
export const resourceSchemas = {
  Patient,
  AllergyIntolerance,
  MedicationRequest,
  MedicationStatement,
  Observation,
  Condition,
  Encounter,
  DiagnosticReport,
  ImagingStudy,
  Procedure,
  Immunization,
  DocumentReference,
  DetectedIssue,
} as const satisfies Record<ResourceType, unknown>;

export { resourceTypes, type ResourceType };

/** Any resource the kit models. */
export type FhirResource =
  | Patient
  | AllergyIntolerance
  | MedicationRequest
  | MedicationStatement
  | Observation
  | Condition
  | Encounter
  | DiagnosticReport
  | ImagingStudy
  | Procedure
  | Immunization
  | DocumentReference
  | DetectedIssue;

/** The resource of a given type. */
export type ResourceOf<T extends ResourceType> = Extract<FhirResource, { resourceType: T }>;

export function isModeledType(type: unknown): type is ResourceType {
  return typeof type === 'string' && Object.hasOwn(resourceSchemas, type);
}

export {
  Patient,
  AllergyIntolerance,
  MedicationRequest,
  MedicationStatement,
  Observation,
  Condition,
  Encounter,
  DiagnosticReport,
  ImagingStudy,
  Procedure,
  Immunization,
  DocumentReference,
  DetectedIssue,
};
