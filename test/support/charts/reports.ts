import type { DiagnosticReport, ImagingStudy, Observation } from '../../../model/index.js';

// Reports for the report viewer's tests and stories: a laboratory report
// whose results carry flags, a radiology report with hostile HTML, a
// pathology report as plain text and a PDF, an imaging study with its
// endpoints, and a report entered in error. Synthea's own reports are all
// laboratory panels with no text; these cover the rest.

export const REPORT_PATIENT = 'pat-reports';
const subject = { reference: `Patient/${REPORT_PATIENT}` };
const LOINC = 'http://loinc.org';
const UCUM = 'http://unitsofmeasure.org';
const V2_0074 = 'http://terminology.hl7.org/CodeSystem/v2-0074';
const INTERPRETATION = 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation';

/** UTF-8 text as base64, as an Attachment carries it. */
export function base64(text: string): string {
  return btoa(String.fromCharCode(...new TextEncoder().encode(text)));
}

function observation(
  id: string,
  code: string,
  name: string,
  rest: Partial<Observation>,
): Observation {
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    code: { coding: [{ system: LOINC, code, display: name }], text: name },
    subject,
    effectiveDateTime: '2024-03-04T08:30:00Z',
    ...rest,
  };
}

/** Results of the laboratory report: high by interpretation, low by range, normal, coded, absent. */
export function labResults(): Observation[] {
  return [
    observation('hb', '718-7', 'Hemoglobin [Mass/volume] in Blood', {
      valueQuantity: { value: 10.2, unit: 'g/dL', system: UCUM, code: 'g/dL' },
      referenceRange: [
        {
          low: { value: 13.5, unit: 'g/dL', system: UCUM, code: 'g/dL' },
          high: { value: 17.5, unit: 'g/dL', system: UCUM, code: 'g/dL' },
        },
      ],
    }),
    observation('wbc', '6690-2', 'Leukocytes [#/volume] in Blood by Automated count', {
      valueQuantity: { value: 14.1, unit: '10*3/uL', system: UCUM, code: '10*3/uL' },
      interpretation: [{ coding: [{ system: INTERPRETATION, code: 'H' }] }],
      referenceRange: [
        {
          low: { value: 4, unit: '10*3/uL', system: UCUM, code: '10*3/uL' },
          high: { value: 11, unit: '10*3/uL', system: UCUM, code: '10*3/uL' },
        },
      ],
    }),
    observation('k', '6298-4', 'Potassium [Moles/volume] in Blood', {
      valueQuantity: { value: 6.9, unit: 'mmol/L', system: UCUM, code: 'mmol/L' },
      interpretation: [{ coding: [{ system: INTERPRETATION, code: 'HH' }] }],
    }),
    observation('plt', '777-3', 'Platelets [#/volume] in Blood by Automated count', {
      valueQuantity: { value: 250, unit: '10*3/uL', system: UCUM, code: '10*3/uL' },
      referenceRange: [
        {
          low: { value: 150, unit: '10*3/uL', system: UCUM, code: '10*3/uL' },
          high: { value: 400, unit: '10*3/uL', system: UCUM, code: '10*3/uL' },
        },
      ],
    }),
    observation('abo', '883-9', 'ABO group [Type] in Blood', {
      valueCodeableConcept: {
        coding: [
          {
            system: 'http://snomed.info/sct',
            code: '112144000',
            display: 'Blood group A (finding)',
          },
        ],
        text: 'Group A',
      },
    }),
    observation('crp', '1988-5', 'C reactive protein [Mass/volume] in Serum or Plasma', {
      dataAbsentReason: { text: 'Specimen haemolysed' },
    }),
  ];
}

export function labReport(): DiagnosticReport {
  return {
    resourceType: 'DiagnosticReport',
    id: 'lab-1',
    status: 'final',
    category: [{ coding: [{ system: V2_0074, code: 'LAB', display: 'Laboratory' }] }],
    code: { coding: [{ system: LOINC, code: '58410-2' }], text: 'Complete blood count' },
    subject,
    effectiveDateTime: '2024-03-04T08:30:00Z',
    issued: '2024-03-04T10:05:00Z',
    performer: [{ display: 'City Hospital Laboratory' }],
    result: [
      ...labResults().map((o) => ({ reference: `Observation/${o.id}` })),
      { reference: 'Observation/not-here', display: 'Mean corpuscular volume' },
    ],
  };
}

/** HTML that tries everything a report must not do. */
export const HOSTILE_HTML = `<h1>Chest X-ray</h1>
<p onclick="alert(1)" style="color:red">Lungs are <b>clear</b>.</p>
<script>window.__pwned = true</script>
<img src="https://tracker.example/pixel.png" onerror="window.__pwned = true">
<a href="javascript:window.__pwned=true">click</a>
<a href="https://pacs.example.org/study/42" onmouseover="window.__pwned = true">Images</a>
<style>p { display: none }</style>
<iframe src="https://evil.example/"></iframe>
<svg><script>window.__pwned = true</script></svg>
<table><tr><th scope="col">Finding</th></tr><tr><td colspan="1">No effusion</td></tr></table>
<!-- a comment -->`;

export function radiologyReport(): DiagnosticReport {
  return {
    resourceType: 'DiagnosticReport',
    id: 'rad-1',
    status: 'amended',
    category: [{ coding: [{ system: LOINC, code: 'LP29684-5', display: 'Radiology' }] }],
    code: { coding: [{ system: LOINC, code: '36643-5' }], text: 'XR Chest 2 Views' },
    subject,
    effectivePeriod: { start: '2024-02-10T09:00:00Z', end: '2024-02-10T09:20:00Z' },
    issued: '2024-02-10T11:00:00Z',
    performer: [{ display: 'Dr Ines Radu' }],
    conclusion: 'No acute cardiopulmonary process.',
    conclusionCode: [
      { coding: [{ system: 'http://snomed.info/sct', code: '17621005', display: 'Normal' }] },
    ],
    presentedForm: [
      { contentType: 'text/html', data: base64(HOSTILE_HTML), title: 'Radiology report' },
    ],
  };
}

export function pathologyReport(): DiagnosticReport {
  return {
    resourceType: 'DiagnosticReport',
    id: 'path-1',
    status: 'final',
    category: [{ coding: [{ system: V2_0074, code: 'SP', display: 'Surgical Pathology' }] }],
    code: { text: 'Gastric biopsy' },
    subject,
    effectiveDateTime: '2024-01-15',
    presentedForm: [
      {
        contentType: 'text/plain; charset=utf-8',
        data: base64('Ménétrier disease excluded.\nNo dysplasia.'),
        title: 'Microscopy',
      },
      {
        contentType: 'application/pdf',
        data: base64('%PDF-1.4 synthetic'),
        title: 'Signed report',
      },
      { contentType: 'application/pdf', url: 'https://lab.example.org/reports/path-1.pdf' },
    ],
  };
}

export function erroneousReport(): DiagnosticReport {
  return { ...labReport(), id: 'lab-wrong', status: 'entered-in-error', result: [] };
}

export function imagingStudy(): ImagingStudy {
  return {
    resourceType: 'ImagingStudy',
    id: 'ct-1',
    status: 'available',
    subject,
    started: '2024-02-11T14:00:00Z',
    description: 'CT head without contrast',
    contained: [
      { resourceType: 'Endpoint', id: 'wado', address: 'https://pacs.example.org/wado-rs' },
    ],
    endpoint: [
      { reference: '#wado', display: 'Hospital PACS viewer' },
      { reference: 'Endpoint/elsewhere' },
    ],
    series: [
      {
        uid: '1.2.3.1',
        number: 1,
        modality: {
          system: 'http://dicom.nema.org/resources/ontology/DCM',
          code: 'CT',
          display: 'Computed Tomography',
        },
        description: 'Axial 5 mm',
        numberOfInstances: 32,
      },
      {
        uid: '1.2.3.2',
        number: 2,
        modality: {
          system: 'http://dicom.nema.org/resources/ontology/DCM',
          code: 'CT',
          display: 'Computed Tomography',
        },
        instance: [
          { uid: '1.2.3.2.1', sopClass: { code: '1.2.840.10008.5.1.4.1.1.2' } },
          { uid: '1.2.3.2.2', sopClass: { code: '1.2.840.10008.5.1.4.1.1.2' } },
        ],
      },
    ],
  } as ImagingStudy;
}
