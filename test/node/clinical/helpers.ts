import type {
  AllergyIntolerance,
  ChartRecord,
  Observation,
  ResourceKey,
  Revision,
} from '../../../model/index.js';
import { ALLERGY_CLINICAL, ALLERGY_VERIFICATION, LOINC, SNOMED } from '../../../model/index.js';

// Small builders for the clinical tests.

export const CLINICIAN = { id: 'u1', displayName: 'Dr Ada Okafor', role: 'clinician' } as const;
export const NURSE = { id: 'u2', displayName: 'Sam Reid RN', role: 'nurse' } as const;

export interface AllergyFields extends Partial<AllergyIntolerance> {
  /** Shorthands for the coded statuses; `null` leaves the status out. */
  clinical?: 'active' | 'inactive' | 'resolved' | null;
  verification?: 'confirmed' | 'unconfirmed' | 'refuted' | 'entered-in-error' | null;
  snomed?: string;
  name?: string;
}

export function allergy({
  clinical = 'active',
  verification = 'confirmed',
  snomed,
  name,
  ...rest
}: AllergyFields = {}): AllergyIntolerance {
  return {
    resourceType: 'AllergyIntolerance',
    id: 'a1',
    patient: { reference: 'Patient/p1' },
    ...(clinical &&
      verification !== 'entered-in-error' && {
        clinicalStatus: { coding: [{ system: ALLERGY_CLINICAL, code: clinical }] },
      }),
    ...(verification && {
      verificationStatus: { coding: [{ system: ALLERGY_VERIFICATION, code: verification }] },
    }),
    ...((snomed || name) && {
      code: {
        ...(snomed && { coding: [{ system: SNOMED, code: snomed }] }),
        ...(name && { text: name }),
      },
    }),
    ...rest,
  };
}

export const noKnownAllergy = (fields: AllergyFields = {}) =>
  allergy({ snomed: '716186003', ...fields });
export const noKnownDrugAllergy = (fields: AllergyFields = {}) =>
  allergy({ snomed: '409137002', ...fields });

let revision = 0;

/** A chart record whose heads are the given resources (two or more: a conflict), the last one newest. */
export function record<R extends AllergyIntolerance | Observation>(
  id: string,
  ...resources: R[]
): ChartRecord<R> {
  const key = `${resources[0]!.resourceType}/${id}` as ResourceKey;
  const heads: Array<Revision<R>> = resources.map((resource, i) => ({
    key,
    revisionId: `r${++revision}`,
    parents: [],
    author: i % 2 ? NURSE : CLINICIAN,
    at: `2024-03-01T09:${String(10 + i).padStart(2, '0')}:00Z`,
    resource: { ...resource, id },
  }));
  return { key, current: heads.at(-1)!.resource, heads };
}

/** A vital-sign observation with a LOINC code and a quantity. */
export function vital(
  code: string,
  value: number,
  unit?: string,
  extra: Partial<Observation> = {},
): Observation {
  return {
    resourceType: 'Observation',
    status: 'final',
    code: { coding: [{ system: LOINC, code }] },
    valueQuantity: {
      value,
      ...(unit !== undefined && { unit, system: 'http://unitsofmeasure.org', code: unit }),
    },
    ...extra,
  };
}
