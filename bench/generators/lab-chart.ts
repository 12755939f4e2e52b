// Ten years of monthly laboratory panels for one patient, in FHIR R4: ten
// panels of ten tests drawn each month (100 tests × 120 months = 12,000
// laboratory Observations), each panel a DiagnosticReport whose `result`
// names its ten Observations, plus the patient. What the lab results
// element must open as fast as one panel.
//
// Pure and deterministic: a seeded PRNG (mulberry32), no Math.random, no
// clock. The tests are synthetic ("Generated test 3.7", local codes): this
// chart measures the element, not terminology. Each result carries a
// reference range and about one in eight falls outside it.
import type { DiagnosticReport, FhirResource, Observation, Patient } from '../../model/index.js';
import { mulberry32 } from './seeded-random.js';

export interface LabChartOptions {
  seed?: number;
  patientId?: string;
  /** First month's draw (ISO instant). */
  start?: string;
  months?: number;
  panels?: number;
  testsPerPanel?: number;
}

const CATEGORY = [
  {
    coding: [
      {
        system: 'http://terminology.hl7.org/CodeSystem/observation-category',
        code: 'laboratory',
      },
    ],
  },
];

/** The chart's resources: the patient, then each month's reports and results. */
export function labChart(options: LabChartOptions = {}): FhirResource[] {
  const {
    seed = 1,
    patientId = 'lab-chart',
    start = '2015-01-05T08:30:00Z',
    months = 120,
    panels = 10,
    testsPerPanel = 10,
  } = options;
  const random = mulberry32(seed);
  const patient: Patient = {
    resourceType: 'Patient',
    id: patientId,
    gender: 'female',
    birthDate: '1960-04-12',
  };
  const resources: FhirResource[] = [patient];
  const first = new Date(start);
  for (let month = 0; month < months; month++) {
    const at = new Date(
      Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + month, first.getUTCDate(), 8, 30),
    ).toISOString();
    for (let p = 0; p < panels; p++) {
      const results: Observation[] = [];
      for (let t = 0; t < testsPerPanel; t++) {
        const low = 10 + t;
        const high = low * 2;
        const abnormal = random() < 0.125;
        const value = abnormal
          ? random() < 0.5
            ? low * (0.5 + random() * 0.4)
            : high * (1.05 + random() * 0.5)
          : low + random() * (high - low);
        results.push({
          resourceType: 'Observation',
          id: `${patientId}-m${month}-p${p}-t${t}`,
          status: 'final',
          category: CATEGORY,
          code: {
            coding: [{ system: 'urn:emr-kit:bench-lab', code: `gen-${p}-${t}` }],
            text: `Generated test ${p + 1}.${t + 1}`,
          },
          subject: { reference: `Patient/${patientId}` },
          effectiveDateTime: at,
          valueQuantity: {
            value: Math.round(value * 10) / 10,
            unit: 'mmol/L',
            system: 'http://unitsofmeasure.org',
            code: 'mmol/L',
          },
          referenceRange: [
            {
              low: {
                value: low,
                unit: 'mmol/L',
                system: 'http://unitsofmeasure.org',
                code: 'mmol/L',
              },
              high: {
                value: high,
                unit: 'mmol/L',
                system: 'http://unitsofmeasure.org',
                code: 'mmol/L',
              },
            },
          ],
        } as Observation);
      }
      const report: DiagnosticReport = {
        resourceType: 'DiagnosticReport',
        id: `${patientId}-m${month}-p${p}`,
        status: 'final',
        category: [
          {
            coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0074', code: 'LAB' }],
          },
        ],
        code: {
          coding: [{ system: 'urn:emr-kit:bench-lab', code: `panel-${p}` }],
          text: `Generated panel ${p + 1}`,
        },
        subject: { reference: `Patient/${patientId}` },
        effectiveDateTime: at,
        issued: at,
        result: results.map((o) => ({ reference: `Observation/${o.id}` })),
      } as DiagnosticReport;
      resources.push(report, ...results);
    }
  }
  return resources;
}
