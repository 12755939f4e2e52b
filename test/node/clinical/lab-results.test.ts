import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  flagAgainst,
  labFlag,
  labRange,
  labValue,
  type LabFlag,
} from '../../../clinical/lab-results.js';
import type { Observation, Patient } from '../../../model/index.js';

// Laboratory values as written, reference ranges chosen by sex and age, and
// flags from the interpretation first, then the range.

const UCUM = 'http://unitsofmeasure.org';
const INTERPRETATION = 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation';

function obs(fields: Partial<Observation>): Observation {
  return {
    resourceType: 'Observation',
    id: 'o1',
    status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code: '718-7' }], text: 'Hemoglobin' },
    effectiveDateTime: '2024-03-01T09:00:00Z',
    ...fields,
  } as Observation;
}
const q = (value: number, code: string, comparator?: '<' | '>') => ({
  value,
  code,
  unit: code,
  system: UCUM,
  ...(comparator ? { comparator } : {}),
});

describe('labValue: a laboratory value as clinicians write it', () => {
  it('keeps the decimal places reported, writes UCUM units out and keeps comparators', () => {
    assert.equal(
      labValue(obs({ valueQuantity: q(12.33550299645246, 'g/dL') })).text,
      '12.3355029965 g/dL',
    );
    assert.equal(labValue(obs({ valueQuantity: q(0.05, 'mg/L') })).text, '0.05 mg/L');
    assert.equal(labValue(obs({ valueQuantity: q(7.1, '10*3/uL') })).text, '7.1 ×10³/µL');
    assert.equal(labValue(obs({ valueQuantity: q(0.01, 'ug/L', '<') })).text, '<0.01 mcg/L');
    assert.equal(labValue(obs({ valueQuantity: q(6.1, '%') })).text, '6.1%');
    assert.equal(labValue(obs({ valueQuantity: q(1200, 'U/L', '>') })).comparator, '>');
  });

  it('words coded, string, boolean, integer, ratio and range values, and never throws on a bare code', () => {
    assert.equal(
      labValue(
        obs({ valueCodeableConcept: { coding: [{ code: '10828004', display: 'Positive' }] } }),
      ).text,
      'Positive',
    );
    assert.equal(
      labValue(obs({ valueCodeableConcept: { text: 'Cloudy urine' } })).text,
      'Cloudy urine',
    );
    assert.equal(
      labValue(obs({ valueCodeableConcept: { coding: [{ code: '7766007' }] } })).text,
      'code 7766007',
    );
    assert.equal(labValue(obs({ valueCodeableConcept: {} })).text, 'No value');
    assert.equal(labValue(obs({ valueString: 'Haemolysed sample' })).text, 'Haemolysed sample');
    assert.equal(labValue(obs({ valueBoolean: true })).text, 'Yes');
    assert.equal(labValue(obs({ valueInteger: 12000 })).text, '12,000');
    assert.equal(
      labValue(obs({ valueRatio: { numerator: { value: 1 }, denominator: { value: 128 } } })).text,
      '1:128',
    );
    assert.equal(
      labValue(obs({ valueRatio: { numerator: q(5, 'mg'), denominator: q(1, 'mL') } })).text,
      '5 mg / 1 mL',
    );
    assert.equal(
      labValue(obs({ valueRange: { low: q(2, 'mmol/L'), high: q(4, 'mmol/L') } })).text,
      '2 to 4 mmol/L',
    );
  });

  it('says why there is no value (dataAbsentReason) in words', () => {
    const absent = (code: string) =>
      labValue(
        obs({
          dataAbsentReason: {
            coding: [{ system: 'http://terminology.hl7.org/CodeSystem/data-absent-reason', code }],
          },
        }),
      );
    assert.equal(absent('error').text, 'Not reported: error');
    assert.equal(absent('not-performed').text, 'Not performed');
    assert.equal(absent('error').absent, true);
    assert.equal(
      labValue(obs({ dataAbsentReason: { text: 'Sample clotted' } })).text,
      'No value: Sample clotted',
    );
    assert.equal(labValue(obs({})).text, 'No value');
  });
});

const range = (low?: number, high?: number, extra: Record<string, unknown> = {}) => ({
  ...(low !== undefined ? { low: q(low, 'g/dL') } : {}),
  ...(high !== undefined ? { high: q(high, 'g/dL') } : {}),
  ...extra,
});
const MALE = { system: 'http://hl7.org/fhir/administrative-gender', code: 'male' };
const FEMALE_SNOMED = { system: 'http://snomed.info/sct', code: '248152002' };
const man = {
  resourceType: 'Patient',
  id: 'p',
  gender: 'male',
  birthDate: '1980-01-01',
} as Patient;
const woman = {
  resourceType: 'Patient',
  id: 'p',
  gender: 'female',
  birthDate: '1980-01-01',
} as Patient;
const child = {
  resourceType: 'Patient',
  id: 'p',
  gender: 'female',
  birthDate: '2020-01-01',
} as Patient;

describe('labRange: the range for this patient', () => {
  const hb = obs({
    valueQuantity: q(12.5, 'g/dL'),
    referenceRange: [
      range(13.5, 17.5, {
        appliesTo: [{ coding: [MALE] }],
        age: { low: { value: 18, code: 'a' } },
      }),
      range(12, 15.5, {
        appliesTo: [{ coding: [FEMALE_SNOMED] }],
        age: { low: { value: 18, code: 'a' } },
      }),
      range(11, 14, { age: { low: { value: 0, code: 'a' }, high: { value: 12, code: 'a' } } }),
      range(7, 20, { type: { text: 'Critical' } }),
    ],
  });

  it('chooses the range by sex (administrative gender or SNOMED CT) and age at the time of the result', () => {
    assert.deepEqual(labRange(hb, man), {
      low: 13.5,
      high: 17.5,
      criticalLow: 7,
      criticalHigh: 20,
      text: '13.5 to 17.5 g/dL',
    });
    assert.equal(labRange(hb, woman)?.text, '12 to 15.5 g/dL');
    assert.equal(labRange(hb, child)?.text, '11 to 14 g/dL');
    assert.equal(labFlag(hb, man).flag, 'low');
    assert.equal(labFlag(hb, woman).flag, 'normal');
    assert.equal(labFlag(hb, child).flag, 'normal');
  });

  it('uses the critical range where its type says so', () => {
    assert.equal(labFlag({ ...hb, valueQuantity: q(6.2, 'g/dL') }, woman).flag, 'critically-low');
    assert.equal(labFlag({ ...hb, valueQuantity: q(21, 'g/dL') }, woman).flag, 'critically-high');
    assert.equal(labFlag({ ...hb, valueQuantity: q(16, 'g/dL') }, woman).flag, 'high');
  });

  it('gives no range when none applies, and "no range" as the flag', () => {
    const maleOnly = obs({
      valueQuantity: q(12, 'g/dL'),
      referenceRange: [range(13, 17, { appliesTo: [{ coding: [MALE] }] })],
    });
    assert.equal(labRange(maleOnly, woman), undefined);
    assert.equal(labFlag(maleOnly, woman).flag, 'no-range');
    assert.equal(labFlag(obs({ valueQuantity: q(12, 'g/dL') })).label, 'No range');
  });
});

describe('labFlag: interpretation first, then the range', () => {
  const interpreted = (code: string) =>
    labFlag(
      obs({
        valueQuantity: q(14, 'g/dL'),
        referenceRange: [range(13, 17)],
        interpretation: [{ coding: [{ system: INTERPRETATION, code }] }],
      }),
    );
  it('reads the v3 ObservationInterpretation codes', () => {
    const expected: Record<string, LabFlag> = {
      N: 'normal',
      L: 'low',
      H: 'high',
      LL: 'critically-low',
      HH: 'critically-high',
      A: 'abnormal',
      AA: 'critically-abnormal',
      POS: 'abnormal',
      NEG: 'normal',
      DET: 'abnormal',
      ND: 'normal',
    };
    for (const [code, flag] of Object.entries(expected)) {
      assert.equal(interpreted(code).flag, flag, code);
      assert.equal(interpreted(code).from, 'interpretation');
    }
    assert.equal(interpreted('H').label, 'High');
    assert.equal(interpreted('H').icon, 'arrow-up');
  });
  it('falls back to the range for codes that say nothing of it (better, susceptible)', () => {
    assert.equal(interpreted('B').flag, 'normal');
    assert.equal(interpreted('B').from, 'range');
  });
  it('reads a bound against the range only where it is unambiguous', () => {
    const r = { low: 0.05, high: 10, text: '' };
    assert.equal(flagAgainst(0.01, r, '<'), 'low');
    assert.equal(flagAgainst(5, { high: 10, text: '' }, '<'), 'normal');
    assert.equal(flagAgainst(5, r, '<'), 'unflagged');
    assert.equal(flagAgainst(20, r, '>'), 'high');
    assert.equal(flagAgainst(20, r), 'high');
  });
  it('flags a coded value only by its interpretation', () => {
    assert.equal(labFlag(obs({ valueCodeableConcept: { text: 'Positive' } })).flag, 'no-range');
  });
});
