import type {
  AllergyIntolerance,
  MedicationRequest,
  Observation,
  Patient,
} from '../../model/index.js';

// Small, valid FHIR R4 resources for tests.

export function patient(id = 'pat-1'): Patient {
  return {
    resourceType: 'Patient',
    id,
    name: [{ family: 'Okafor', given: ['Ada'] }],
    gender: 'female',
    birthDate: '1961-04-12',
  };
}

export function penicillinAllergy(patientId = 'pat-1', id = 'alg-1'): AllergyIntolerance {
  return {
    resourceType: 'AllergyIntolerance',
    id,
    clinicalStatus: {
      coding: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical',
          code: 'active',
        },
      ],
    },
    verificationStatus: {
      coding: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification',
          code: 'confirmed',
        },
      ],
    },
    category: ['medication'],
    criticality: 'high',
    code: {
      coding: [
        { system: 'http://snomed.info/sct', code: '91936005', display: 'Allergy to penicillin' },
      ],
      text: 'Penicillin',
    },
    patient: { reference: `Patient/${patientId}` },
    recordedDate: '2024-01-10T09:00:00Z',
    reaction: [{ manifestation: [{ text: 'Anaphylaxis' }], severity: 'severe' }],
  };
}

export function metformin(patientId = 'pat-1', id = 'med-1', doseMg = 500): MedicationRequest {
  return {
    resourceType: 'MedicationRequest',
    id,
    status: 'active',
    intent: 'order',
    medicationCodeableConcept: {
      coding: [
        {
          system: 'http://www.nlm.nih.gov/research/umls/rxnorm',
          code: '860975',
          display: 'Metformin',
        },
      ],
      text: 'Metformin',
    },
    subject: { reference: `Patient/${patientId}` },
    authoredOn: '2024-02-01T10:00:00Z',
    dosageInstruction: [
      {
        text: `${doseMg} mg twice daily`,
        timing: { repeat: { frequency: 2, period: 1, periodUnit: 'd' } },
        doseAndRate: [
          {
            doseQuantity: {
              value: doseMg,
              unit: 'mg',
              system: 'http://unitsofmeasure.org',
              code: 'mg',
            },
          },
        ],
      },
    ],
  };
}

export function heartRate(
  patientId = 'pat-1',
  id = 'hr-1',
  bpm = 72,
  at = '2024-03-01T09:30:00Z',
): Observation {
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    category: [
      {
        coding: [
          {
            system: 'http://terminology.hl7.org/CodeSystem/observation-category',
            code: 'vital-signs',
          },
        ],
      },
    ],
    code: { coding: [{ system: 'http://loinc.org', code: '8867-4', display: 'Heart rate' }] },
    subject: { reference: `Patient/${patientId}` },
    effectiveDateTime: at,
    valueQuantity: {
      value: bpm,
      unit: 'beats/minute',
      system: 'http://unitsofmeasure.org',
      code: '/min',
    },
  };
}
