import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resultFlag, resultRange, resultValue } from '../../../clinical/index.js';
import { OBSERVATION_INTERPRETATION, UCUM, type Observation } from '../../../model/index.js';

const mmol = (value: number) => ({ value, unit: 'mmol/L', system: UCUM, code: 'mmol/L' });
const observation = (fields: Partial<Observation>): Observation => ({
  resourceType: 'Observation',
  id: 'o1',
  status: 'final',
  code: { text: 'Potassium' },
  ...fields,
});

describe('report results', () => {
  it('writes each kind of value for people', () => {
    assert.equal(resultValue(observation({ valueQuantity: mmol(4.1) })), '4.1 mmol/L');
    assert.equal(
      resultValue(observation({ valueQuantity: { value: 6.5, system: UCUM, code: '10*3/uL' } })),
      '6.5 ×10³/µL',
    );
    assert.equal(
      resultValue(observation({ valueCodeableConcept: { coding: [{ display: 'Positive' }] } })),
      'Positive',
    );
    assert.equal(resultValue(observation({ valueString: 'Trace' })), 'Trace');
    assert.equal(
      resultValue(observation({ dataAbsentReason: { text: 'Specimen clotted' } })),
      'No value: Specimen clotted',
    );
    assert.equal(resultValue(observation({})), 'No value');
  });

  it('flags by interpretation first, then by the reference range in the same unit', () => {
    const range = [{ low: mmol(3.5), high: mmol(5.1) }];
    assert.equal(
      resultFlag(observation({ valueQuantity: mmol(5.6), referenceRange: range }))?.flag,
      'high',
    );
    assert.equal(
      resultFlag(observation({ valueQuantity: mmol(3.2), referenceRange: range }))?.flag,
      'low',
    );
    assert.equal(
      resultFlag(observation({ valueQuantity: mmol(4), referenceRange: range }))?.flag,
      'normal',
    );
    assert.equal(
      resultFlag(
        observation({
          valueQuantity: mmol(4),
          referenceRange: range,
          interpretation: [{ coding: [{ system: OBSERVATION_INTERPRETATION, code: 'LL' }] }],
        }),
      )?.flag,
      'critically-low',
    );
    const otherUnit = [{ low: { value: 3.5, unit: 'mg/dL' }, high: { value: 5.1, unit: 'mg/dL' } }];
    assert.equal(
      resultFlag(observation({ valueQuantity: mmol(9), referenceRange: otherUnit })),
      undefined,
    );
    assert.equal(
      resultFlag(observation({ valueQuantity: mmol(9) })),
      undefined,
      'never normal by default',
    );
  });

  it('writes the reference range, or its text', () => {
    assert.equal(
      resultRange(observation({ referenceRange: [{ low: mmol(3.5), high: mmol(5.1) }] })),
      '3.5 mmol/L–5.1 mmol/L',
    );
    assert.equal(
      resultRange(observation({ referenceRange: [{ high: mmol(5.1) }] })),
      '≤ 5.1 mmol/L',
    );
    assert.equal(resultRange(observation({ referenceRange: [{ text: 'Negative' }] })), 'Negative');
    assert.equal(resultRange(observation({})), undefined);
  });
});
