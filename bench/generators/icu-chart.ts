// A synthetic intensive-care stay for one patient, in FHIR R4: a bedside
// monitor's vital signs every minute for 30 days (about 300,000
// Observations), plus the rest of a chart — the patient, encounters,
// medication requests, allergies and progress notes.
//
// Pure and deterministic: the same options give the same resources, byte for
// byte, in Node and in the browser. A seeded PRNG (mulberry32), no
// Math.random, no clock. Each UTC day is generated on its own (its own seed),
// so a loader can take one day at a time without holding the month.
//
// Seven monitor streams a minute, so that a 30-day stay is the ~300,000
// observations the architecture's Scale section and the issue reason about
// (30 × 1,440 × 7 = 302,400): heart rate (ECG) 8867-4, pulse rate by pulse
// oximetry 8889-8, respiratory rate 9279-1, SpO2 59408-5 (coded 2708-6 as
// well), the arterial-line blood-pressure panel 85354-9 (systolic 8480-6 and
// diastolic 8462-4 as components), mean arterial pressure 8478-0, and core
// temperature 8310-5. Every one has category vital-signs, UCUM units,
// effectiveDateTime and subject Patient/<id>. An observation is 470–820
// bytes of JSON (540 on average); as a revision, with the store's envelope,
// about 800 — more than the ~600 the architecture's estimate assumed.
import {
  writeBundle,
  type AllergyIntolerance,
  type DocumentReference,
  type Encounter,
  type FhirBundle,
  type FhirResource,
  type MedicationRequest,
  type Observation,
  type Patient,
} from '../../model/index.js';
import { ALLERGIES, MEDICATIONS, NOTE_PHRASES } from './icu-chart-data.js';
import {
  BP_PANEL,
  DIASTOLIC,
  DIASTOLIC_CODE,
  HEART_RATE,
  LOINC,
  MAP_CODE,
  PULSE_OX_RATE,
  RESPIRATORY_RATE,
  SPO2,
  STREAMS_PER_MINUTE,
  SYSTOLIC,
  SYSTOLIC_CODE,
  TEMPERATURE,
} from './icu-vital-streams.js';
import { gaussian, mulberry32, pick, round, step, subSeed } from './seeded-random.js';

export { ICU_VITAL_CODES } from './icu-vital-streams.js';

export interface IcuChartOptions {
  /** PRNG seed; the default gives the chart the benchmarks use. */
  seed?: number;
  patientId?: string;
  /** Midnight UTC of the first day of the stay. */
  start?: string;
  days?: number;
  /** Minutes between two readings of each stream. */
  intervalMinutes?: number;
}

export interface IcuChart {
  patientId: string;
  /** ISO instant of the stay's first minute. */
  start: string;
  /** ISO instant just after the last reading (exclusive end of the stay). */
  end: string;
  days: number;
  /** Observations a day holds. */
  observationsPerDay: number;
  observationCount: number;
  /** Everything but the vital signs: patient, encounters, medications, allergies, notes. */
  core(): FhirResource[];
  /** The vital signs of day `index` (0-based, a UTC day). */
  day(index: number): Observation[];
}

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const UCUM = 'http://unitsofmeasure.org';
const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const SNOMED = 'http://snomed.info/sct';
const VITAL_SIGNS = [
  {
    coding: [
      { system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' },
    ],
  },
];

const quantity = (value: number, unit: string, code: string) => ({
  value,
  unit,
  system: UCUM,
  code,
});

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

// ---- Text ----

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 of the UTF-8 bytes of a string; no btoa/Buffer so it runs the same everywhere. */
export function base64Utf8(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    out += BASE64[a >> 2]! + BASE64[((a & 3) << 4) | ((b ?? 0) >> 4)]!;
    out += b === undefined ? '=' : BASE64[((b & 15) << 2) | ((c ?? 0) >> 6)]!;
    out += c === undefined ? '=' : BASE64[c & 63]!;
  }
  return out;
}

// ---- The chart ----

export function icuChart(options: IcuChartOptions = {}): IcuChart {
  const seed = options.seed ?? 20240301;
  const patientId = options.patientId ?? 'icu-1';
  const startMs = Date.parse(options.start ?? '2024-03-01T00:00:00Z');
  const days = options.days ?? 30;
  const interval = options.intervalMinutes ?? 1;
  if (!Number.isFinite(startMs) || startMs % DAY_MS !== 0)
    throw new Error('icuChart: start must be midnight UTC');
  if (!(days >= 1) || !(interval >= 1) || 1440 % interval !== 0)
    throw new Error('icuChart: days ≥ 1, and the interval must divide a day');
  const readingsPerDay = 1440 / interval;
  const endMs = startMs + days * DAY_MS;
  const iso = (ms: number) => new Date(ms).toISOString();
  const subject = { reference: `Patient/${patientId}` };
  const icuEncounter = { reference: `Encounter/${patientId}-icu` };

  function day(index: number): Observation[] {
    if (!(index >= 0 && index < days)) throw new Error(`icuChart: no day ${index}`);
    const random = mulberry32(subSeed(seed, 1000 + index));
    const dayMs = startMs + index * DAY_MS;
    const stamp = iso(dayMs).slice(0, 10).replaceAll('-', '');
    // Each day starts the walks near their means, slightly off by the day's draw.
    let hr = HEART_RATE.walk.mean + 6 * gaussian(random);
    let rr = RESPIRATORY_RATE.walk.mean + 2 * gaussian(random);
    let spo2 = SPO2.walk.mean + gaussian(random);
    let sys = SYSTOLIC.mean + 8 * gaussian(random);
    let dia = DIASTOLIC.mean + 5 * gaussian(random);
    let temp = TEMPERATURE.walk.mean + 0.3 * gaussian(random);
    const out: Observation[] = new Array(readingsPerDay * STREAMS_PER_MINUTE);
    let n = 0;
    const reading = (
      stream: { tag: string },
      minute: number,
      code: Observation['code'],
      effectiveDateTime: string,
    ): Observation => ({
      resourceType: 'Observation',
      id: `${patientId}-${stream.tag}-${stamp}-${pad(minute, 4)}`,
      status: 'final',
      category: VITAL_SIGNS,
      code,
      subject,
      effectiveDateTime,
    });
    for (let r = 0; r < readingsPerDay; r++) {
      const minute = r * interval;
      const at = iso(dayMs + minute * MINUTE_MS).replace('.000Z', 'Z');
      hr = step(HEART_RATE.walk, hr, random);
      rr = step(RESPIRATORY_RATE.walk, rr, random);
      spo2 = step(SPO2.walk, spo2, random);
      sys = step(SYSTOLIC, sys, random);
      dia = Math.min(step(DIASTOLIC, dia, random), sys - 15);
      temp = step(TEMPERATURE.walk, temp, random);
      const pulse = Math.min(
        PULSE_OX_RATE.walk.max,
        Math.max(PULSE_OX_RATE.walk.min, hr + PULSE_OX_RATE.walk.noise * gaussian(random)),
      );
      const systolic = round(sys, 0);
      const diastolic = round(dia, 0);
      for (const [stream, value] of [
        [HEART_RATE, hr],
        [PULSE_OX_RATE, pulse],
        [RESPIRATORY_RATE, rr],
        [SPO2, spo2],
      ] as const) {
        out[n++] = {
          ...reading(stream, minute, stream.code, at),
          valueQuantity: quantity(round(value, stream.walk.decimals), stream.unit, stream.ucum),
        };
      }
      out[n++] = {
        ...reading({ tag: 'bp' }, minute, BP_PANEL, at),
        component: [
          { code: SYSTOLIC_CODE, valueQuantity: quantity(systolic, 'mmHg', 'mm[Hg]') },
          { code: DIASTOLIC_CODE, valueQuantity: quantity(diastolic, 'mmHg', 'mm[Hg]') },
        ],
      };
      out[n++] = {
        ...reading({ tag: 'map' }, minute, MAP_CODE, at),
        valueQuantity: quantity(round((systolic + 2 * diastolic) / 3, 0), 'mmHg', 'mm[Hg]'),
      };
      out[n++] = {
        ...reading(TEMPERATURE, minute, TEMPERATURE.code, at),
        valueQuantity: quantity(round(temp, 1), TEMPERATURE.unit, TEMPERATURE.ucum),
      };
    }
    return out;
  }

  function core(): FhirResource[] {
    const random = mulberry32(subSeed(seed, 0));
    const patient: Patient = {
      resourceType: 'Patient',
      id: patientId,
      identifier: [
        {
          system: 'urn:oid:2.16.840.1.113883.19.5',
          value: `MRN-${pad(Math.floor(random() * 1e7), 7)}`,
        },
      ],
      name: [{ family: 'Marsh', given: ['Tobias', 'J'] }],
      gender: 'male',
      birthDate: '1957-08-19',
    };
    const encounter = (
      id: string,
      cls: string,
      display: string,
      type: string,
      start: number,
      end: number,
      status: Encounter['status'],
    ): Encounter => ({
      resourceType: 'Encounter',
      id: `${patientId}-${id}`,
      status,
      class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: cls, display },
      type: [{ coding: [{ system: SNOMED, code: type, display }], text: display }],
      subject,
      period: { start: iso(start), end: iso(end) },
    });
    const encounters: Encounter[] = [
      encounter(
        'clinic',
        'AMB',
        'ambulatory',
        '185349003',
        startMs - 120 * DAY_MS + 9 * 3_600_000,
        startMs - 120 * DAY_MS + 9.5 * 3_600_000,
        'finished',
      ),
      encounter(
        'ed',
        'EMER',
        'emergency',
        '50849002',
        startMs - 5 * 3_600_000,
        startMs,
        'finished',
      ),
      encounter('icu', 'IMP', 'inpatient encounter', '305351004', startMs, endMs, 'finished'),
    ];
    const medications: MedicationRequest[] = MEDICATIONS.map(([code, display, dose], i) => {
      const authored = startMs + Math.floor(random() * days * 0.6 * DAY_MS);
      const status: MedicationRequest['status'] = dose.startsWith('stopped')
        ? 'stopped'
        : dose.startsWith('held')
          ? 'on-hold'
          : random() < 0.25
            ? 'completed'
            : 'active';
      return {
        resourceType: 'MedicationRequest',
        id: `${patientId}-med-${pad(i + 1, 2)}`,
        status,
        intent: 'order',
        medicationCodeableConcept: { coding: [{ system: RXNORM, code, display }], text: display },
        subject,
        encounter: icuEncounter,
        authoredOn: iso(authored),
        dosageInstruction: [{ text: dose }],
      };
    });
    const allergies: AllergyIntolerance[] = ALLERGIES.map(
      ([code, display, category, criticality, reaction, type], i) => ({
        resourceType: 'AllergyIntolerance',
        id: `${patientId}-alg-${i + 1}`,
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
        type,
        category: [category],
        criticality,
        code: { coding: [{ system: SNOMED, code, display }], text: display },
        patient: subject,
        recordedDate: iso(startMs - (400 + 90 * i) * DAY_MS),
        reaction: [{ manifestation: [{ text: reaction }] }],
      }),
    );
    const notes: DocumentReference[] = Array.from({ length: 30 }, (_, i) => {
      const at = startMs + Math.floor(((i + 0.3 + 0.4 * random()) * (endMs - startMs)) / 30);
      const text = [
        `ICU progress note — day ${Math.floor((at - startMs) / DAY_MS) + 1} of stay`,
        '',
        `Neuro: ${pick(random, NOTE_PHRASES.neuro)}`,
        `Cardiovascular: ${pick(random, NOTE_PHRASES.cardio)}`,
        `Respiratory: ${pick(random, NOTE_PHRASES.resp)}`,
        `Renal: ${pick(random, NOTE_PHRASES.renal)}`,
        `Infection: ${pick(random, NOTE_PHRASES.id)}`,
        `Plan: ${pick(random, NOTE_PHRASES.plan)} ${pick(random, NOTE_PHRASES.plan)}`,
      ].join('\n');
      return {
        resourceType: 'DocumentReference',
        id: `${patientId}-note-${pad(i + 1, 2)}`,
        status: 'current',
        docStatus: 'final',
        type: {
          coding: [{ system: LOINC, code: '11506-3', display: 'Progress note' }],
          text: 'Progress note',
        },
        subject,
        date: iso(at),
        author: [{ display: 'ICU attending' }],
        content: [
          {
            attachment: {
              contentType: 'text/plain',
              language: 'en',
              data: base64Utf8(text),
              title: 'ICU progress note',
            },
          },
        ],
        context: { encounter: [icuEncounter], period: { start: iso(at) } },
      };
    });
    return [patient, ...encounters, ...medications, ...allergies, ...notes];
  }

  return {
    patientId,
    start: iso(startMs),
    end: iso(endMs),
    days,
    observationsPerDay: readingsPerDay * STREAMS_PER_MINUTE,
    observationCount: days * readingsPerDay * STREAMS_PER_MINUTE,
    core,
    day,
  };
}

/** Every resource of the stay in one array: the core chart, then the days in order. ~300,000 objects: mind the memory. */
export function icuChartResources(options: IcuChartOptions = {}): FhirResource[] {
  const chart = icuChart(options);
  const out = chart.core();
  for (let d = 0; d < chart.days; d++) for (const o of chart.day(d)) out.push(o);
  return out;
}

/** A FHIR collection Bundle of some resources (what `importBundle` takes), stamped with a fixed time so it stays deterministic. */
export function collectionBundle(
  resources: readonly FhirResource[],
  timestamp = '2024-03-31T00:00:00Z',
): FhirBundle {
  return writeBundle(resources, { timestamp: new Date(timestamp) });
}
