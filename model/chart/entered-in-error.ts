import type { FhirResource } from '../fhir/resources.js';
import { ALLERGY_VERIFICATION, CONDITION_VERIFICATION } from '../fhir/code-systems.js';

/**
 * The resource as FHIR R4 marks it entered-in-error for its type: a status
 * code for most; for allergies and conditions a verificationStatus, with the
 * clinicalStatus removed (constraint ait-2 / con-5). Never mutates its input.
 */
export function markedEnteredInError<R extends FhirResource>(resource: R): R {
  const copy = structuredClone(resource) as FhirResource;
  switch (copy.resourceType) {
    case 'AllergyIntolerance':
      delete copy.clinicalStatus;
      copy.verificationStatus = {
        coding: [{ system: ALLERGY_VERIFICATION, code: 'entered-in-error' }],
      };
      break;
    case 'Condition':
      delete copy.clinicalStatus;
      copy.verificationStatus = {
        coding: [{ system: CONDITION_VERIFICATION, code: 'entered-in-error' }],
      };
      break;
    case 'Patient':
      copy.active = false;
      break;
    case 'DocumentReference':
      copy.status = 'entered-in-error';
      break;
    default:
      copy.status = 'entered-in-error';
  }
  return copy as R;
}

/** Whether the resource is marked entered-in-error, as `markedEnteredInError` marks it. */
export function isEnteredInError(resource: FhirResource): boolean {
  switch (resource.resourceType) {
    case 'AllergyIntolerance':
    case 'Condition':
      return (
        resource.verificationStatus?.coding?.some((c) => c.code === 'entered-in-error') ?? false
      );
    case 'Patient':
      return false; // inactive is not void: a patient record is made active again
    case 'DocumentReference':
      return resource.status === 'entered-in-error' || resource.docStatus === 'entered-in-error';
    default:
      return resource.status === 'entered-in-error';
  }
}
