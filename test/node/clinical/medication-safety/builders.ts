import type {
  AllergyIntolerance,
  Card,
  MedicationRequest,
  MedicationStatement,
} from '../../../../model/index.js';
import { ALLERGY_CLINICAL, ALLERGY_VERIFICATION, RXNORM, SNOMED } from '../../../../model/index.js';

// Builders for the medication-safety tests. Drugs coded with an RxNorm code
// of the kit's data are read through it; `rxName` makes a coding whose code
// is outside the data (an obvious placeholder, not an RxCUI), so that its
// display is read by RxNorm's naming convention.

let next = 0;

export function rx(
  code: string,
  display: string,
  fields: Partial<MedicationRequest> = {},
): MedicationRequest {
  return {
    resourceType: 'MedicationRequest',
    id: `mr-${++next}`,
    status: 'active',
    intent: 'order',
    subject: { reference: 'Patient/p1' },
    medicationCodeableConcept: { coding: [{ system: RXNORM, code, display }], text: display },
    ...fields,
  };
}

/** A drug named by its RxNorm normalized name, with a code the kit's data does not hold. */
export function rxName(
  display: string,
  fields: Partial<MedicationRequest> = {},
): MedicationRequest {
  return rx(`not-in-data-${++next}`, display, fields);
}

export function statement(
  code: string,
  display: string,
  status: MedicationStatement['status'] = 'active',
): MedicationStatement {
  return {
    resourceType: 'MedicationStatement',
    id: `ms-${++next}`,
    status,
    subject: { reference: 'Patient/p1' },
    medicationCodeableConcept: { coding: [{ system: RXNORM, code, display }] },
  };
}

export interface AllergyFields extends Partial<AllergyIntolerance> {
  clinical?: 'active' | 'inactive' | 'resolved' | null;
  verification?: 'confirmed' | 'unconfirmed' | 'refuted' | 'entered-in-error' | null;
}

function allergyOf(
  code: AllergyIntolerance['code'],
  { clinical = 'active', verification = 'confirmed', ...rest }: AllergyFields,
): AllergyIntolerance {
  return {
    resourceType: 'AllergyIntolerance',
    id: `al-${++next}`,
    patient: { reference: 'Patient/p1' },
    ...(clinical &&
      verification !== 'entered-in-error' && {
        clinicalStatus: { coding: [{ system: ALLERGY_CLINICAL, code: clinical }] },
      }),
    ...(verification && {
      verificationStatus: { coding: [{ system: ALLERGY_VERIFICATION, code: verification }] },
    }),
    category: ['medication'],
    ...(code && { code }),
    ...rest,
  };
}

export const rxAllergy = (code: string, display: string, fields: AllergyFields = {}) =>
  allergyOf({ coding: [{ system: RXNORM, code, display }] }, fields);

export const snomedAllergy = (code: string, display: string, fields: AllergyFields = {}) =>
  allergyOf({ coding: [{ system: SNOMED, code, display }] }, fields);

export const textAllergy = (text: string, fields: AllergyFields = {}) =>
  allergyOf({ text }, fields);

/** Penicillin V (RxNorm 7984), high criticality, anaphylaxis: Synthea's drug allergy. */
export const penicillinAllergy = (fields: AllergyFields = {}) =>
  rxAllergy('7984', 'Penicillin V', {
    criticality: 'high',
    reaction: [
      {
        manifestation: [
          { coding: [{ system: SNOMED, code: '39579001', display: 'Anaphylaxis (disorder)' }] },
        ],
        severity: 'severe',
      },
    ],
    ...fields,
  });

export const summaries = (cards: Card[]) => cards.map((c) => `${c.indicator}: ${c.summary}`);
