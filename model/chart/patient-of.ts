import type { Reference } from '../fhir/datatypes.js';
import type { FhirResource } from '../fhir/resources.js';

// Which patient's chart a resource belongs to: the patient itself, or the
// patient it names (AllergyIntolerance, Immunization and DetectedIssue by `patient`, the
// rest by `subject`). A chart document belongs to one patient, so a
// revision in it for any other patient is refused by the store and the sync
// server alike: shown in this chart it would be another patient's allergy on
// this patient's banner.

function referencedPatient(reference: Reference | undefined): string | undefined {
  const match = /^Patient\/([A-Za-z0-9\-.]{1,64})$/.exec(reference?.reference ?? '');
  return match?.[1];
}

/** The id of the patient a resource belongs to; undefined when it names none (as `Patient/<id>`). */
export function patientOf(resource: FhirResource): string | undefined {
  switch (resource.resourceType) {
    case 'Patient':
      return resource.id;
    case 'AllergyIntolerance':
    case 'Immunization':
    case 'DetectedIssue':
      return referencedPatient(resource.patient);
    default:
      return referencedPatient(resource.subject);
  }
}

/** Why a resource may not be in the chart of `patientId`; undefined when it belongs there. */
export function otherPatientRefusal(resource: FhirResource, patientId: string): string | undefined {
  const owner = patientOf(resource);
  if (owner === patientId) return undefined;
  const what = `${resource.resourceType}/${resource.id}`;
  return owner === undefined
    ? `${what} names no patient, so it cannot be in the chart of Patient/${patientId}`
    : `${what} belongs to Patient/${owner}, not to the chart of Patient/${patientId}`;
}
