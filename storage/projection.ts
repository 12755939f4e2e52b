import type { FhirResource, Observation, ResourceType } from '../model/index.js';
import { codeIn, LOINC, OBSERVATION_CATEGORY, patientOf } from '../model/index.js';

// What the indexed tables know of a resource: the fields the live queries
// range over. Derived from the resource alone, so a projection can always be
// rebuilt from the revision log.

/** Groups of records that components list together. */
export type Lane = 'vital-signs' | 'observation' | Exclude<ResourceType, 'Observation'>;

export interface IndexFields {
  patientId: string | undefined;
  lane: Lane;
  /** Clinical time as a sortable string: a UTC ISO instant, or a partial date as written. */
  date: string | undefined;
  /** The first coding's code (an observation's LOINC code, wherever it is), for code queries. */
  code: string | undefined;
  status: string | undefined;
}

export function indexFields(resource: FhirResource): IndexFields {
  return {
    patientId: patientOf(resource),
    lane: laneOf(resource),
    date: sortableDate(clinicalDate(resource)),
    code: codeOf(resource),
    status: statusOf(resource),
  };
}

function laneOf(resource: FhirResource): Lane {
  if (resource.resourceType !== 'Observation') return resource.resourceType;
  return isVitalSign(resource) ? 'vital-signs' : 'observation';
}

export function isVitalSign(observation: Observation): boolean {
  return (
    observation.category?.some((c) =>
      c.coding?.some((k) => k.system === OBSERVATION_CATEGORY && k.code === 'vital-signs'),
    ) ?? false
  );
}

/** The time a resource is about, by its type's own clinical field. */
export function clinicalDate(resource: FhirResource): string | undefined {
  switch (resource.resourceType) {
    case 'Observation':
      return (
        resource.effectiveDateTime ??
        resource.effectivePeriod?.start ??
        resource.effectiveInstant ??
        resource.issued
      );
    case 'DiagnosticReport':
      return resource.effectiveDateTime ?? resource.effectivePeriod?.start ?? resource.issued;
    case 'Encounter':
      return resource.period?.start;
    case 'Condition':
      return resource.onsetDateTime ?? resource.onsetPeriod?.start ?? resource.recordedDate;
    case 'MedicationRequest':
      return resource.authoredOn;
    case 'MedicationStatement':
      return resource.effectiveDateTime ?? resource.effectivePeriod?.start ?? resource.dateAsserted;
    case 'AllergyIntolerance':
      return resource.recordedDate ?? resource.onsetDateTime;
    case 'ImagingStudy':
      return resource.started;
    case 'Procedure':
      return resource.performedDateTime ?? resource.performedPeriod?.start;
    case 'Immunization':
      return resource.occurrenceDateTime ?? resource.recorded;
    case 'DocumentReference':
      return resource.date ?? resource.context?.period?.start;
    case 'DetectedIssue':
      return resource.identifiedDateTime ?? resource.identifiedPeriod?.start;
    case 'Patient':
      return undefined;
  }
}

/** Full instants become UTC ISO strings so that they sort; partial dates sort before their day's instants. */
export function sortableDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (value.length <= 10) return value;
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : new Date(time).toISOString();
}

function codeOf(resource: FhirResource): string | undefined {
  switch (resource.resourceType) {
    case 'MedicationRequest':
    case 'MedicationStatement':
      return resource.medicationCodeableConcept?.coding?.[0]?.code;
    case 'Immunization':
      return resource.vaccineCode.coding?.[0]?.code;
    case 'Encounter':
      return resource.type?.[0]?.coding?.[0]?.code;
    case 'DocumentReference':
      return resource.type?.coding?.[0]?.code;
    case 'Patient':
    case 'ImagingStudy':
      return undefined;
    case 'Observation':
      // Observations are queried by LOINC, which US Core requires but not
      // first: a local code often comes first.
      return codeIn(resource.code, LOINC) ?? resource.code.coding?.[0]?.code;
    default:
      return resource.code?.coding?.[0]?.code;
  }
}

function statusOf(resource: FhirResource): string | undefined {
  switch (resource.resourceType) {
    case 'AllergyIntolerance':
    case 'Condition':
      return resource.verificationStatus?.coding?.[0]?.code === 'entered-in-error'
        ? 'entered-in-error'
        : resource.clinicalStatus?.coding?.[0]?.code;
    case 'Patient':
      return resource.active === false ? 'inactive' : 'active';
    default:
      return resource.status;
  }
}
