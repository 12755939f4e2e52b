import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ADULT_RANGES,
  acvpuOf,
  bloodPressure,
  checkBloodPressure,
  checkPlausible,
  flag,
  flagValue,
  gcsOf,
  supplementalOxygen,
  vitalReading,
  vitalSignOf,
  withRanges,
  type VitalFlag,
  type VitalSignId,
} from '../../../clinical/index.js';
import type { Observation } from '../../../model/index.js';
import { LOINC, OBSERVATION_INTERPRETATION, SNOMED } from '../../../model/index.js';
import { vital } from './helpers.js';

const flagOf = (id: VitalSignId, value: number) => flagValue(value, ADULT_RANGES[id]);

/** Asserts each [value, flag] pair for one sign. */
function bands(id: VitalSignId, expected: Array<[number, VitalFlag]>) {
  for (const [value, want] of expected) assert.equal(flagOf(id, value), want, `${id} ${value}`);
}

describe('vital signs: codes, units and display', () => {
  it('knows each sign by its LOINC (or UK SNOMED) code', () => {
    const codes: Array<[string, VitalSignId]> = [
      ['9279-1', 'respiratory-rate'],
      ['59408-5', 'oxygen-saturation'],
      ['2708-6', 'oxygen-saturation'],
      ['3151-8', 'inhaled-oxygen-flow'],
      ['3150-0', 'inhaled-oxygen-concentration'],
      ['85354-9', 'blood-pressure'],
      ['8480-6', 'systolic-bp'],
      ['8462-4', 'diastolic-bp'],
      ['8867-4', 'heart-rate'],
      ['80288-4', 'consciousness'],
      ['9269-2', 'gcs'],
      ['8310-5', 'temperature'],
      ['29463-7', 'weight'],
      ['8302-2', 'height'],
      ['39156-5', 'bmi'],
    ];
    for (const [code, id] of codes)
      assert.equal(vitalSignOf({ coding: [{ system: LOINC, code }] }), id, code);
    assert.equal(
      vitalSignOf({ coding: [{ system: SNOMED, code: '1104441000000107' }] }),
      'consciousness',
    );
    assert.equal(
      vitalSignOf({ coding: [{ system: SNOMED, code: '8480-6' }] }),
      undefined,
      'the system matters',
    );
  });

  it('shows values in the units clinicians write', () => {
    assert.equal(vitalReading(vital('9279-1', 18, '/min'))?.text, '18/min');
    assert.equal(vitalReading(vital('59408-5', 97, '%'))?.text, '97%');
    assert.equal(vitalReading(vital('8867-4', 72, '/min'))?.text, '72/min');
    assert.equal(vitalReading(vital('8310-5', 37, 'Cel'))?.text, '37.0 °C');
    assert.equal(vitalReading(vital('8310-5', 37.24, 'Cel'))?.text, '37.2 °C');
    assert.equal(vitalReading(vital('29463-7', 70.25, 'kg'))?.text, '70.3 kg');
    assert.equal(vitalReading(vital('8302-2', 172, 'cm'))?.text, '172 cm');
    assert.equal(vitalReading(vital('39156-5', 23.7, 'kg/m2'))?.text, '23.7 kg/m²');
    assert.equal(vitalReading(vital('3151-8', 2, 'L/min'))?.text, '2 L/min');
    assert.equal(bloodPressure(bpPanel(120, 80)).text, '120/80 mmHg');
    assert.equal(bloodPressure(bpPanel(120)).text, '120/– mmHg');
  });

  it('converts other units before anything is compared: °F, lb, inches, metres', () => {
    assert.deepEqual(vitalReading(vital('8310-5', 98.6, '[degF]')), {
      id: 'temperature',
      value: 37,
      text: '37.0 °C',
    });
    assert.equal(vitalReading(vital('8310-5', 101.3, '[degF]'))?.value, 38.5);
    assert.equal(vitalReading(vital('29463-7', 154, '[lb_av]'))?.value, 69.9);
    assert.equal(vitalReading(vital('8302-2', 1.72, 'm'))?.value, 172);
    assert.equal(vitalReading(vital('8302-2', 68, '[in_i]'))?.value, 172.7);
  });

  it('a unit it cannot convert is shown as sent and never flagged; a temperature with no unit is not guessed', () => {
    const odd = vital('8310-5', 310, 'K');
    assert.deepEqual(vitalReading(odd), { id: 'temperature', text: '310 K' });
    assert.equal(flag(odd), undefined);
    assert.deepEqual(
      vitalReading(vital('29463-7', 11, '[stone_av]')),
      { id: 'weight', text: '11 stone' },
      'a UCUM code sent for people is written out',
    );
    assert.equal(vitalReading(vital('8310-5', 37.2))?.value, undefined);
    assert.equal(
      vitalReading(vital('8867-4', 72))?.value,
      72,
      'a heart rate has one unit: none needed',
    );
  });
});

function bpPanel(
  systolic?: number,
  diastolic?: number,
  extra: Partial<Observation> = {},
): Observation {
  const component = (code: string, value: number) => ({
    code: { coding: [{ system: LOINC, code }] },
    valueQuantity: { value, unit: 'mmHg', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' },
  });
  return {
    resourceType: 'Observation',
    status: 'final',
    code: { coding: [{ system: LOINC, code: '85354-9' }] },
    component: [
      ...(systolic !== undefined ? [component('8480-6', systolic)] : []),
      ...(diastolic !== undefined ? [component('8462-4', diastolic)] : []),
    ],
    ...extra,
  };
}

describe('vital signs: default adult ranges (NEWS2 bands), every boundary', () => {
  it('respiratory rate: ≤8 critically low, 9–11 low, 12–20 normal, 21–24 high, ≥25 critically high', () => {
    bands('respiratory-rate', [
      [8, 'critically-low'],
      [9, 'low'],
      [11, 'low'],
      [12, 'normal'],
      [20, 'normal'],
      [21, 'high'],
      [24, 'high'],
      [25, 'critically-high'],
    ]);
  });
  it('SpO₂ (scale 1): ≤91 critically low, 92–95 low, ≥96 normal', () => {
    bands('oxygen-saturation', [
      [91, 'critically-low'],
      [92, 'low'],
      [95, 'low'],
      [96, 'normal'],
      [100, 'normal'],
    ]);
  });
  it('heart rate: ≤40, 41–50, 51–90, 91–130, ≥131', () => {
    bands('heart-rate', [
      [40, 'critically-low'],
      [41, 'low'],
      [50, 'low'],
      [51, 'normal'],
      [90, 'normal'],
      [91, 'high'],
      [130, 'high'],
      [131, 'critically-high'],
    ]);
  });
  it('systolic: ≤90, 91–110, 111–139, 140 (NICE) – 219, ≥220', () => {
    bands('systolic-bp', [
      [90, 'critically-low'],
      [91, 'low'],
      [110, 'low'],
      [111, 'normal'],
      [139, 'normal'],
      [140, 'high'],
      [219, 'high'],
      [220, 'critically-high'],
    ]);
  });
  it('diastolic: below 60 low, 60–89 normal, 90 high, 120 critically high', () => {
    bands('diastolic-bp', [
      [59, 'low'],
      [60, 'normal'],
      [89, 'normal'],
      [90, 'high'],
      [119, 'high'],
      [120, 'critically-high'],
    ]);
  });
  it('temperature: ≤35.0, 35.1–36.0, 36.1–38.0, 38.1–39.0, ≥39.1', () => {
    bands('temperature', [
      [35, 'critically-low'],
      [35.1, 'low'],
      [36, 'low'],
      [36.1, 'normal'],
      [38, 'normal'],
      [38.1, 'high'],
      [39, 'high'],
      [39.1, 'critically-high'],
    ]);
  });
  it('GCS: 15 normal, 9–14 low, ≤8 critically low', () => {
    bands('gcs', [
      [15, 'normal'],
      [14, 'low'],
      [9, 'low'],
      [8, 'critically-low'],
      [3, 'critically-low'],
    ]);
  });
  it('BMI (WHO): <16 critically low, <18.5 low, 18.5–24.9 normal, ≥25 high, ≥40 critically high', () => {
    bands('bmi', [
      [15.9, 'critically-low'],
      [16, 'low'],
      [18.4, 'low'],
      [18.5, 'normal'],
      [24.9, 'normal'],
      [25, 'high'],
      [39.9, 'high'],
      [40, 'critically-high'],
    ]);
  });
  it('signs with no adult range (weight, height) are not flagged', () => {
    assert.equal(flag(vital('29463-7', 140, 'kg')), undefined);
    assert.equal(flag(vital('8302-2', 150, 'cm')), undefined);
  });
  it('ranges are configurable', () => {
    const ranges = withRanges({ 'heart-rate': { low: 60, high: 100, source: 'local policy' } });
    assert.equal(flag(95, ranges['heart-rate'])?.flag, 'normal');
    assert.equal(flag(95, ADULT_RANGES['heart-rate'])?.flag, 'high');
    assert.equal(ranges.temperature, ADULT_RANGES.temperature);
  });
});

describe('vital signs: flag', () => {
  it('gives a text label and an icon with every flag, never colour alone', () => {
    assert.deepEqual(flag(vital('8867-4', 135, '/min')), {
      flag: 'critically-high',
      label: 'Critically high',
      icon: 'arrow-up-double',
      from: 'range',
    });
    assert.deepEqual(flag(vital('8867-4', 45, '/min')), {
      flag: 'low',
      label: 'Low',
      icon: 'arrow-down',
      from: 'range',
    });
    assert.deepEqual(flag(vital('8867-4', 72, '/min')), {
      flag: 'normal',
      label: 'Normal',
      icon: 'check',
      from: 'range',
    });
  });

  it('flags the value as shown: 36.04 °C shows as 36.0 and is low', () => {
    assert.equal(flag(vital('8310-5', 36.04, 'Cel'))?.flag, 'low');
    assert.equal(flag(vital('8310-5', 36.05, 'Cel'))?.flag, 'normal');
  });

  it("the observation's own interpretation wins over the range", () => {
    const interpreted = (value: number, code: string) =>
      vital('8867-4', value, '/min', {
        interpretation: [{ coding: [{ system: OBSERVATION_INTERPRETATION, code }] }],
      });
    assert.deepEqual(flag(interpreted(72, 'H')), {
      flag: 'high',
      label: 'High',
      icon: 'arrow-up',
      from: 'interpretation',
    });
    assert.equal(flag(interpreted(150, 'N'))?.flag, 'normal');
    assert.equal(flag(interpreted(72, 'LL'))?.flag, 'critically-low');
    assert.equal(flag(interpreted(72, 'HH'))?.flag, 'critically-high');
    assert.equal(flag(interpreted(72, 'L'))?.flag, 'low');
    assert.deepEqual(flag(interpreted(72, 'A')), {
      flag: 'abnormal',
      label: 'Abnormal',
      icon: 'alert',
      from: 'interpretation',
    });
    assert.equal(flag(interpreted(72, 'AA'))?.flag, 'critically-abnormal');
    // An interpretation the kit cannot read leaves the range to decide.
    const textOnly = vital('8867-4', 150, '/min', { interpretation: [{ text: 'see note' }] });
    assert.equal(flag(textOnly)?.flag, 'critically-high');
  });

  it('a blood pressure panel takes its worst component; a component can be flagged alone', () => {
    assert.equal(flag(bpPanel(88, 70))?.flag, 'critically-low');
    assert.equal(flag(bpPanel(150, 95))?.flag, 'high');
    assert.equal(flag(bpPanel(120, 80))?.flag, 'normal');
    assert.equal(flag(bpPanel(120, 80).component![1]!)?.flag, 'normal');
    assert.equal(flag(bpPanel())?.flag, undefined);
  });

  it('a bare number needs a range; nothing to say is undefined, not "normal"', () => {
    assert.equal(flag(30, ADULT_RANGES['respiratory-rate'])?.flag, 'critically-high');
    assert.equal(flag(30), undefined);
    assert.equal(flag(undefined), undefined);
    assert.equal(flagValue(Number.NaN, ADULT_RANGES['heart-rate']), undefined);
  });
});

describe('vital signs: plausibility for data entry', () => {
  it('heart rate 20–300, temperature 25–45 °C, SpO₂ 50–100%, with messages', () => {
    assert.deepEqual(checkPlausible('heart-rate', 72), { ok: true });
    assert.deepEqual(checkPlausible('heart-rate', 19), {
      ok: false,
      problem: 'too-low',
      message: 'Heart rate below 20/min is not plausible: check the reading and its unit.',
    });
    assert.equal(checkPlausible('heart-rate', 301).ok, false);
    assert.deepEqual(checkPlausible('temperature', 98.6), {
      ok: false,
      problem: 'too-high',
      message: 'Temperature above 45.0 °C is not plausible: check the reading and its unit.',
    });
    assert.equal(checkPlausible('temperature', 25).ok, true);
    assert.equal(checkPlausible('oxygen-saturation', 49).ok, false);
    assert.equal(checkPlausible('oxygen-saturation', 100).ok, true);
    assert.equal(checkPlausible('oxygen-saturation', 101).ok, false);
  });

  it('not a number, not whole, and a diastolic that is not below the systolic', () => {
    assert.deepEqual(checkPlausible('respiratory-rate', Number.NaN), {
      ok: false,
      problem: 'not-a-number',
      message: 'Respiratory rate must be a number.',
    });
    assert.equal(checkPlausible('gcs', 14.5).ok, false);
    assert.equal(checkPlausible('gcs', 14).ok, true);
    assert.deepEqual(checkBloodPressure(120, 80), { ok: true });
    assert.deepEqual(checkBloodPressure(80, 120), {
      ok: false,
      problem: 'diastolic-not-below-systolic',
      message: 'Diastolic pressure must be lower than systolic: check that they are not swapped.',
    });
    assert.equal(checkBloodPressure(400, 80).ok, false);
  });
});

describe('consciousness and oxygen', () => {
  const acvpu = (value: Partial<Observation>): Observation => ({
    resourceType: 'Observation',
    status: 'final',
    code: { coding: [{ system: LOINC, code: '67775-7' }] },
    ...value,
  });

  it('reads ACVPU from LOINC answers, SNOMED answers and words', () => {
    assert.equal(
      acvpuOf(acvpu({ valueCodeableConcept: { coding: [{ system: LOINC, code: 'LA9340-6' }] } })),
      'A',
    );
    assert.equal(
      acvpuOf(acvpu({ valueCodeableConcept: { coding: [{ system: LOINC, code: 'LA6560-2' }] } })),
      'C',
    );
    assert.equal(
      acvpuOf(acvpu({ valueCodeableConcept: { coding: [{ system: SNOMED, code: '450847001' }] } })),
      'P',
    );
    assert.equal(acvpuOf(acvpu({ valueCodeableConcept: { text: 'New confusion' } })), 'C');
    assert.equal(
      acvpuOf(
        acvpu({ valueCodeableConcept: { coding: [{ display: 'Voice responsive (finding)' }] } }),
      ),
      'V',
    );
    assert.equal(acvpuOf(acvpu({ valueString: 'U' })), 'U');
    assert.equal(acvpuOf(acvpu({ valueString: 'drowsy' })), undefined);
    assert.equal(acvpuOf(vital('8867-4', 72, '/min')), undefined);
  });

  it('reads a GCS total', () => {
    assert.equal(gcsOf(vital('9269-2', 14, '{score}')), 14);
    assert.equal(gcsOf(vital('9269-2', 16, '{score}')), undefined);
  });

  it('supplemental oxygen from a flow, a concentration, the UK codes, or pulse oximetry components', () => {
    assert.equal(supplementalOxygen([vital('3151-8', 2, 'L/min')]), true);
    assert.equal(supplementalOxygen([vital('3151-8', 0, 'L/min')]), false);
    assert.equal(supplementalOxygen([vital('3150-0', 28, '%')]), true);
    assert.equal(supplementalOxygen([vital('3150-0', 21, '%')]), false);
    const uk = (code: string, value: Partial<Observation> = {}): Observation => ({
      resourceType: 'Observation',
      status: 'final',
      code: { coding: [{ system: SNOMED, code }] },
      ...value,
    });
    assert.equal(supplementalOxygen([uk('722742002')]), false);
    assert.equal(
      supplementalOxygen([
        uk('371825009', {
          valueCodeableConcept: { coding: [{ system: SNOMED, code: '373066001' }] },
        }),
      ]),
      true,
    );
    assert.equal(
      supplementalOxygen([
        uk('371825009', {
          valueCodeableConcept: { coding: [{ system: SNOMED, code: '373067005' }] },
        }),
      ]),
      false,
    );
    assert.equal(
      supplementalOxygen([uk('371825009', { valueQuantity: { value: 4, unit: 'L/min' } })]),
      true,
    );
    const pulseOx = vital('59408-5', 95, '%', {
      component: [
        {
          code: { coding: [{ system: LOINC, code: '3151-8' }] },
          valueQuantity: { value: 6, unit: 'L/min', code: 'L/min' },
        },
      ],
    });
    assert.equal(supplementalOxygen([pulseOx]), true);
    assert.equal(supplementalOxygen([vital('59408-5', 95, '%')]), undefined, 'nothing said');
    assert.equal(
      supplementalOxygen([uk('722742002'), vital('3151-8', 2, 'L/min')]),
      true,
      'disagreement: the higher-risk reading',
    );
  });
});
