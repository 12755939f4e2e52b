import {
  UCUM,
  type ChartUser,
  type Medication,
  type MedicationRequest,
  type MedicationStatement,
  type Revision,
} from '../../../model/index.js';
import type { DexieChartStore } from '../../../storage/index.js';
import { documentOf, newRevision } from '../../../storage/new-revision.js';

// Medications for the medication list's tests and stories: every section
// populated, dose lines, and a dose changed by two people at once.

export const MEDICATION_PATIENT = 'pat-medications';
export const DR_NAIDOO: ChartUser = {
  id: 'u-naidoo',
  displayName: 'Dr Priya Naidoo',
  role: 'clinician',
};
export const NURSE_KEMP: ChartUser = { id: 'u-kemp', displayName: 'Alex Kemp RN', role: 'nurse' };
export const PATIENT_USER: ChartUser = {
  id: 'u-patient',
  displayName: 'Sam Patient',
  role: 'patient',
};

const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const ORAL = {
  coding: [{ system: 'http://snomed.info/sct', code: '26643006', display: 'Oral route' }],
};

/** A MedicationRequest: `dose` in `unit` (UCUM), `frequency` times a day. */
export function prescription(
  id: string,
  drug: string,
  dose: number,
  unit: string,
  options: {
    status?: MedicationRequest['status'];
    frequency?: number;
    asNeededFor?: string;
    authoredOn?: string;
    patientId?: string;
  } = {},
): MedicationRequest {
  return {
    resourceType: 'MedicationRequest',
    id,
    status: options.status ?? 'active',
    intent: 'order',
    medicationCodeableConcept: { coding: [{ system: RXNORM, display: drug }], text: drug },
    subject: { reference: `Patient/${options.patientId ?? MEDICATION_PATIENT}` },
    authoredOn: options.authoredOn ?? '2024-02-01T10:00:00Z',
    requester: { reference: 'Practitioner/pr-1', display: 'Dr Priya Naidoo' },
    dosageInstruction: [
      {
        route: ORAL,
        timing: { repeat: { frequency: options.frequency ?? 1, period: 1, periodUnit: 'd' } },
        ...(options.asNeededFor ? { asNeededCodeableConcept: { text: options.asNeededFor } } : {}),
        doseAndRate: [{ doseQuantity: { value: dose, unit, system: UCUM, code: unit } }],
      },
    ],
  };
}

/** A MedicationStatement: what the patient says they take. */
export function statement(
  id: string,
  drug: string,
  dose: number,
  unit: string,
  status: MedicationStatement['status'] = 'active',
): MedicationStatement {
  return {
    resourceType: 'MedicationStatement',
    id,
    status,
    medicationCodeableConcept: { text: drug },
    subject: { reference: `Patient/${MEDICATION_PATIENT}` },
    effectiveDateTime: '2023-06-01',
    informationSource: { reference: `Patient/${MEDICATION_PATIENT}`, display: 'the patient' },
    dosage: [
      {
        route: ORAL,
        timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } },
        doseAndRate: [{ doseQuantity: { value: dose, unit, system: UCUM, code: unit } }],
      },
    ],
  };
}

/** One medication of every status the list sorts. */
export function everySection(): Medication[] {
  return [
    prescription('med-hydroxyzine', 'Hydroxyzine', 25, 'mg', {
      frequency: 3,
      asNeededFor: 'Itching',
    }),
    prescription('med-heparin', 'Heparin', 5000, '[iU]', { frequency: 2 }),
    statement('med-levothyroxine', 'Levothyroxine', 0.1, 'mg'),
    prescription('med-prednisone', 'Prednisone', 40, 'mg', { status: 'draft' }),
    prescription('med-warfarin', 'Warfarin', 5, 'mg', {
      status: 'on-hold',
      authoredOn: '2023-11-20T09:00:00Z',
    }),
    prescription('med-amoxicillin', 'Amoxicillin', 500, 'mg', {
      status: 'completed',
      frequency: 3,
      authoredOn: '2023-01-10T09:00:00Z',
    }),
    prescription('med-metformin', 'Metformin', 1000, 'mg', {
      status: 'stopped',
      frequency: 2,
      authoredOn: '2022-05-04T09:00:00Z',
    }),
    prescription('med-wrong', 'Morphine', 10, 'mg', { status: 'entered-in-error' }),
  ];
}

/**
 * Lines that say more than a dose and a frequency: a course given as dates,
 * an infusion rate in units per hour, a weight-based dose, and a line whose
 * route and frequency were sent as ambiguous abbreviations.
 */
export function doseLines(): Medication[] {
  const amoxicillin = prescription('med-amoxicillin', 'Amoxicillin', 500, 'mg', { frequency: 3 });
  const insulin = prescription('med-insulin', 'Insulin soluble', 50, '[iU]');
  const enoxaparin = prescription('med-enoxaparin', 'Enoxaparin', 1, 'mg/kg', { frequency: 2 });
  const ambiguous = prescription('med-desmopressin', 'Desmopressin', 10, 'ug');
  const [amoxicillinDose] = amoxicillin.dosageInstruction!;
  const [insulinDose] = insulin.dosageInstruction!;
  const [enoxaparinDose] = enoxaparin.dosageInstruction!;
  const [ambiguousDose] = ambiguous.dosageInstruction!;
  enoxaparinDose!.route = {
    coding: [{ system: 'http://snomed.info/sct', code: '34206005', display: 'Subcutaneous route' }],
  };
  amoxicillinDose!.timing = {
    repeat: {
      frequency: 3,
      period: 1,
      periodUnit: 'd',
      boundsPeriod: { start: '2024-03-03', end: '2024-03-10' },
    },
  };
  insulinDose!.route = {
    coding: [{ system: 'http://snomed.info/sct', code: '47625008', display: 'Intravenous route' }],
  };
  insulinDose!.timing = { repeat: { count: 1 } };
  insulinDose!.doseAndRate = [
    {
      doseQuantity: { value: 50, unit: '[iU]', system: UCUM, code: '[iU]' },
      rateQuantity: { value: 2, unit: 'U/h', system: UCUM, code: 'U/h' },
    },
  ];
  ambiguousDose!.route = { text: 'IN' };
  ambiguousDose!.timing = { code: { text: 'OD' } };
  return [amoxicillin, insulin, enoxaparin, ambiguous];
}

/**
 * Two revisions of the same head made at once (as two offline clinicians
 * would): the medication then has two heads, a conflict.
 */
export async function concurrentRevisions(
  store: DexieChartStore,
  base: Revision<Medication>,
  changes: ReadonlyArray<readonly [ChartUser, Medication]>,
): Promise<Array<Revision<Medication>>> {
  const revisions = changes.map(([author, resource]) =>
    newRevision(resource, [base.revisionId], author),
  );
  await store.documents.append(new Map([[documentOf(base.resource), revisions]]));
  return revisions;
}
