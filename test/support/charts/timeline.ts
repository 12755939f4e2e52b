import {
  coreDocumentName,
  firstValue,
  writeBundle,
  type AllergyIntolerance,
  type ChartUser,
  type FhirResource,
  type Observation,
} from '../../../model/index.js';
import { importBundle, openChartStore, type DexieChartStore } from '../../../storage/index.js';
import { icuChart } from '../../../bench/generators/icu-chart.js';
import { sendDocument } from '../test-stores.js';

// Charts for the chart timeline's tests and stories, in real local stores: a
// small chart with one of each kind of entry, grouped in two encounters; an
// allergy changed on two devices at once; and days of an intensive-care stay
// (minute-by-minute monitor data).

const subject = (patientId: string) => ({ reference: `Patient/${patientId}` });
const loinc = (code: string, display: string) => ({
  coding: [{ system: 'http://loinc.org', code, display }],
  text: display,
});
const VITAL = [
  {
    coding: [
      { system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' },
    ],
  },
];
const mmHg = (value: number) => ({
  value,
  unit: 'mmHg',
  system: 'http://unitsofmeasure.org',
  code: 'mm[Hg]',
});

/** Vital signs taken at one time: a heart rate, and a blood pressure and temperature when given. */
export function vitalSet(
  patientId: string,
  id: string,
  at: string,
  hr: number,
  bp?: [number, number],
  temperature?: number,
  encounter?: string,
): Observation[] {
  const base = {
    resourceType: 'Observation',
    status: 'final',
    category: VITAL,
    subject: subject(patientId),
    effectiveDateTime: at,
    ...(encounter && { encounter: { reference: `Encounter/${encounter}` } }),
  } as const;
  return [
    {
      ...base,
      id: `${id}-hr`,
      code: loinc('8867-4', 'Heart rate'),
      valueQuantity: { value: hr, unit: '/min', system: 'http://unitsofmeasure.org', code: '/min' },
    },
    ...(bp
      ? [
          {
            ...base,
            id: `${id}-bp`,
            code: loinc('85354-9', 'Blood pressure'),
            component: [
              { code: loinc('8480-6', 'Systolic'), valueQuantity: mmHg(bp[0]) },
              { code: loinc('8462-4', 'Diastolic'), valueQuantity: mmHg(bp[1]) },
            ],
          },
        ]
      : []),
    ...(temperature
      ? [
          {
            ...base,
            id: `${id}-temp`,
            code: loinc('8310-5', 'Body temperature'),
            valueQuantity: {
              value: temperature,
              unit: '°C',
              system: 'http://unitsofmeasure.org',
              code: 'Cel',
            },
          },
        ]
      : []),
  ];
}

function allergy(patientId: string, id = `${patientId}-alg-1`): AllergyIntolerance {
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
    criticality: 'high',
    code: { text: 'Penicillin allergy' },
    patient: subject(patientId),
    recordedDate: '2022-06-01T10:00:00Z',
  };
}

/**
 * One of each kind of entry. A clinic visit (10 Feb 2024) with a vital-sign
 * set, an immunization, a lipid panel and a note; an emergency visit (1 Mar
 * 2024) with imaging, a medication started and stopped, and a procedure; two
 * vital-sign sets after it outside any encounter; an allergy recorded in 2022.
 */
export function timelineResources(patientId: string): FhirResource[] {
  const s = subject(patientId);
  const inVisit = (id: string) => ({ reference: `Encounter/${patientId}-${id}` });
  const encounter = (
    id: string,
    text: string,
    code: string,
    start: string,
    end: string,
  ): FhirResource => ({
    resourceType: 'Encounter',
    id: `${patientId}-${id}`,
    status: 'finished',
    subject: s,
    type: [{ text }],
    class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code },
    period: { start, end },
  });
  return [
    {
      resourceType: 'Patient',
      id: patientId,
      name: [{ family: 'Adeyemi', given: ['Grace'] }],
      gender: 'female',
      birthDate: '1958-11-02',
    },
    allergy(patientId),
    encounter(
      'visit',
      'General examination',
      'AMB',
      '2024-02-10T09:00:00Z',
      '2024-02-10T10:00:00Z',
    ),
    ...vitalSet(
      patientId,
      `${patientId}-v1`,
      '2024-02-10T09:10:00Z',
      74,
      [128, 82],
      undefined,
      `${patientId}-visit`,
    ),
    {
      resourceType: 'Immunization',
      id: `${patientId}-imm-1`,
      status: 'completed',
      vaccineCode: { text: 'Influenza vaccine' },
      patient: s,
      occurrenceDateTime: '2024-02-10T09:20:00Z',
      encounter: inVisit('visit'),
    },
    {
      resourceType: 'DiagnosticReport',
      id: `${patientId}-lab-1`,
      status: 'final',
      code: loinc('57698-3', 'Lipid panel'),
      subject: s,
      effectiveDateTime: '2024-02-10T09:30:00Z',
      encounter: inVisit('visit'),
    },
    {
      resourceType: 'DocumentReference',
      id: `${patientId}-note-1`,
      status: 'current',
      type: loinc('11506-3', 'Progress note'),
      description: 'Annual review',
      subject: s,
      date: '2024-02-10T09:50:00Z',
      content: [{ attachment: { contentType: 'text/plain', data: 'V2VsbCBhbmQgc3RhYmxlLg==' } }],
      context: { encounter: [inVisit('visit')] },
    },
    encounter('er', 'Emergency visit', 'EMER', '2024-03-01T08:00:00Z', '2024-03-01T12:00:00Z'),
    {
      resourceType: 'ImagingStudy',
      id: `${patientId}-img-1`,
      status: 'available',
      subject: s,
      started: '2024-03-01T08:30:00Z',
      description: 'Wrist X-ray',
      encounter: inVisit('er'),
    },
    {
      resourceType: 'MedicationRequest',
      id: `${patientId}-med-1`,
      status: 'stopped',
      intent: 'order',
      medicationCodeableConcept: { text: 'Ibuprofen 400 mg tablet' },
      subject: s,
      authoredOn: '2024-03-01T08:15:00Z',
      encounter: inVisit('er'),
    },
    {
      resourceType: 'Procedure',
      id: `${patientId}-proc-1`,
      status: 'completed',
      code: { text: 'Wrist splinting' },
      subject: s,
      performedDateTime: '2024-03-01T09:00:00Z',
      encounter: inVisit('er'),
    },
    ...vitalSet(patientId, `${patientId}-v2`, '2024-03-01T14:00:00Z', 88, [134, 85], 37.6),
    ...vitalSet(patientId, `${patientId}-v3`, '2024-03-01T16:00:00Z', 80),
  ] as FhirResource[];
}

/** A store holding `timelineResources`, for a given user. */
export async function timelineStore(
  databaseName: string,
  patientId: string,
  user: ChartUser,
): Promise<DexieChartStore> {
  const store = await openChartStore({ databaseName, user });
  await importBundle(store, writeBundle(timelineResources(patientId))); // unchanged on a second run
  return store;
}

/** Changes the allergy on two devices at once and syncs them: the allergy then has two heads. */
export async function conflictAllergy(
  store: DexieChartStore,
  colleague: DexieChartStore,
  patientId: string,
): Promise<void> {
  const [record] = await firstValue(store.allergies(patientId));
  const head = record!.heads[0]!;
  const name = coreDocumentName(patientId);
  await sendDocument(store, colleague, name);
  await store.revise({ ...head.resource, criticality: 'low' }, head.revisionId, {
    reason: 'reassessed',
  });
  await colleague.revise(
    {
      ...head.resource,
      reaction: [{ manifestation: [{ text: 'Anaphylaxis' }], severity: 'severe' }],
    },
    head.revisionId,
  );
  await sendDocument(colleague, store, name);
}

/** Days of an intensive-care stay with minute-by-minute monitor data (10,080 observations a day), notes and medications. */
export async function icuTimelineStore(
  databaseName: string,
  days: number,
  user: ChartUser,
): Promise<{ store: DexieChartStore; patientId: string }> {
  const icu = icuChart({ patientId: 'icu-timeline', days });
  const store = await openChartStore({ databaseName, user });
  if (
    (await firstValue(store.timeline(icu.patientId, { kinds: ['vital-signs'], limit: 1 }))).length
  )
    return { store, patientId: icu.patientId };
  const inStay = (r: FhirResource) =>
    !('date' in r) || typeof r.date !== 'string' || r.date < icu.end;
  await importBundle(store, writeBundle(icu.core().filter(inStay)));
  for (let d = 0; d < days; d++) {
    await importBundle(store, writeBundle(icu.day(d)));
    store.documents.forget();
  }
  return { store, patientId: icu.patientId };
}
