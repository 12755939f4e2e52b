import { writeBundle, type FhirResource, type Observation } from '../../model/index.js';
import { importBundle, openChartStore } from '../../storage/index.js';
import { labChart } from '../../bench/generators/lab-chart.js';
import { STORY_USER, type StoryChart } from './story-stores.js';

// Charts for the lab results stories: flags of every kind with ranges, a
// corrected result, and ten years of monthly panels (a Synthea patient's
// results without their reports: syntheaChart in story-stores.ts).

const UCUM = 'http://unitsofmeasure.org';
const PATIENT = 'story-labs';
const LAB = [
  {
    coding: [
      { system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' },
    ],
  },
];
const gdl = (value: number) => ({ value, unit: 'g/dL', system: UCUM, code: 'g/dL' });

function lab(id: string, at: string, fields: Partial<Observation>): Observation {
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    category: LAB,
    code: { coding: [{ system: 'http://loinc.org', code: '718-7' }], text: 'Hemoglobin' },
    subject: { reference: `Patient/${PATIENT}` },
    effectiveDateTime: at,
    ...fields,
  } as Observation;
}

async function chartOf(name: string, resources: FhirResource[]): Promise<StoryChart> {
  const store = await openChartStore({ databaseName: `emr-kit-story-${name}`, user: STORY_USER });
  await importBundle(store, writeBundle(resources));
  const patientId = resources[0]!.id!;
  return { store, patientId };
}

/** Low, critically low, high (by interpretation), a bound, coded, absent and a corrected result. */
export async function flaggedLabChart(): Promise<StoryChart> {
  const range = [
    { low: gdl(12), high: gdl(15.5) },
    { low: gdl(7), high: gdl(20), type: { text: 'critical' } },
  ];
  const chart = await chartOf('labs-flags', [
    { resourceType: 'Patient', id: PATIENT, gender: 'female', birthDate: '1970-01-01' },
    lab('s-hb1', '2024-03-01T09:00:00Z', { valueQuantity: gdl(11.1), referenceRange: range }),
    lab('s-hb2', '2024-02-01T09:00:00Z', { valueQuantity: gdl(6.5), referenceRange: range }),
    lab('s-hb3', '2024-01-01T09:00:00Z', {
      valueQuantity: gdl(13),
      referenceRange: range,
      interpretation: [
        {
          coding: [
            {
              system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation',
              code: 'H',
            },
          ],
        },
      ],
    }),
    lab('s-tn1', '2024-03-01T09:00:00Z', {
      code: { text: 'Troponin I' },
      valueQuantity: { value: 0.01, comparator: '<', unit: 'ug/L', system: UCUM, code: 'ug/L' },
      referenceRange: [{ high: { value: 0.04, unit: 'ug/L', system: UCUM, code: 'ug/L' } }],
    }),
    lab('s-bc1', '2024-03-01T09:00:00Z', {
      code: { text: 'Blood culture' },
      valueCodeableConcept: { text: 'No growth' },
    }),
    lab('s-k1', '2024-03-01T09:00:00Z', {
      code: { text: 'Potassium' },
      dataAbsentReason: {
        coding: [
          { system: 'http://terminology.hl7.org/CodeSystem/data-absent-reason', code: 'error' },
        ],
      },
    }),
  ] as FhirResource[]);
  const history = await chart.store.history('Observation/s-hb1');
  if (history.length === 1)
    await chart.store.revise(
      lab('s-hb1', '2024-03-01T09:00:00Z', {
        status: 'corrected',
        valueQuantity: gdl(13.1),
        referenceRange: range,
      }),
      history[0]!.revisionId,
      { reason: 'sample re-run' },
    );
  return chart;
}

/** Ten years of monthly panels: 100 tests × 120 times. */
export function tenYearLabChart(): Promise<StoryChart> {
  return chartOf('labs-ten-years', labChart({ patientId: 'story-labs-ten-years' }));
}
