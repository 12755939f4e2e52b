import {
  ALLERGY_CLINICAL,
  ALLERGY_VERIFICATION,
  SNOMED,
  type AllergyIntolerance,
} from '../../../model/index.js';

// Allergy records for the allergy banner's tests and stories.

export interface AllergyFields {
  name?: string;
  snomed?: string;
  category?: AllergyIntolerance['category'];
  criticality?: AllergyIntolerance['criticality'];
  clinical?: 'active' | 'inactive' | 'resolved';
  verification?: 'confirmed' | 'unconfirmed' | 'refuted' | 'entered-in-error';
  reactions?: Array<{ manifestation: string; severity?: 'mild' | 'moderate' | 'severe' }>;
}

/** A valid AllergyIntolerance from a few fields. */
export function allergy(patientId: string, id: string, fields: AllergyFields): AllergyIntolerance {
  const {
    name,
    snomed,
    category,
    criticality,
    clinical = 'active',
    verification = 'confirmed',
    reactions,
  } = fields;
  return {
    resourceType: 'AllergyIntolerance',
    id,
    ...(verification !== 'entered-in-error' && {
      clinicalStatus: { coding: [{ system: ALLERGY_CLINICAL, code: clinical }] },
    }),
    verificationStatus: { coding: [{ system: ALLERGY_VERIFICATION, code: verification }] },
    ...(category && { category }),
    ...(criticality && { criticality }),
    ...((name || snomed) && {
      code: {
        ...(snomed && { coding: [{ system: SNOMED, code: snomed }] }),
        ...(name && { text: name }),
      },
    }),
    patient: { reference: `Patient/${patientId}` },
    recordedDate: '2024-01-10T09:00:00Z',
    ...(reactions && {
      reaction: reactions.map((r) => ({
        manifestation: [{ text: r.manifestation }],
        ...(r.severity && { severity: r.severity }),
      })),
    }),
  };
}

/** A mix that shows the ordering, every category, an unconfirmed one, and two records that are not allergies. */
export const mixedAllergies = (patientId: string): AllergyIntolerance[] => [
  allergy(patientId, 'latex', {
    name: 'Latex',
    category: ['environment'],
    criticality: 'low',
    verification: 'unconfirmed',
    reactions: [{ manifestation: 'Contact dermatitis', severity: 'mild' }],
  }),
  allergy(patientId, 'peanut', {
    name: 'Peanut',
    category: ['food'],
    criticality: 'high',
    reactions: [{ manifestation: 'Angioedema', severity: 'moderate' }],
  }),
  allergy(patientId, 'penicillin', {
    name: 'Penicillin',
    category: ['medication'],
    criticality: 'high',
    reactions: [
      { manifestation: 'Anaphylaxis', severity: 'severe' },
      { manifestation: 'Urticaria', severity: 'moderate' },
    ],
  }),
  allergy(patientId, 'antiserum', {
    name: 'Equine antitoxin',
    category: ['biologic'],
    criticality: 'unable-to-assess',
    reactions: [{ manifestation: 'Serum sickness', severity: 'moderate' }],
  }),
  allergy(patientId, 'codeine', {
    name: 'Codeine',
    category: ['medication'],
    verification: 'refuted',
  }),
  allergy(patientId, 'aspirin', {
    name: 'Aspirin',
    category: ['medication'],
    verification: 'entered-in-error',
  }),
];

/** Names long enough to test wrapping in a narrow column. */
export const longNamedAllergies = (patientId: string): AllergyIntolerance[] => [
  allergy(patientId, 'solvent', {
    name: 'Trichloroethylene-containing industrial degreasing solvents',
    category: ['environment'],
    criticality: 'high',
    reactions: [{ manifestation: 'Bronchospasm', severity: 'severe' }],
  }),
  allergy(patientId, 'co-amoxiclav', {
    name: 'Co-amoxiclav (amoxicillin with clavulanic acid)',
    category: ['medication'],
    criticality: 'low',
    reactions: [{ manifestation: 'Maculopapular rash', severity: 'mild' }],
  }),
];

export const noKnownAllergy = (patientId: string): AllergyIntolerance =>
  allergy(patientId, 'nka', { name: 'No known allergy', snomed: '716186003' });
