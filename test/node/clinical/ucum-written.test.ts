import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { quantityUnit, ucumWritten } from '../../../clinical/index.js';

describe('UCUM units as clinicians write them', () => {
  it('writes the units of the Synthea charts the way a lab report does', () => {
    const cases: Array<[string, string]> = [
      ['mg/dL', 'mg/dL'],
      ['mmol/L', 'mmol/L'],
      ['%', '%'],
      ['U/L', 'U/L'],
      ['pH', 'pH'],
      ['fL', 'fL'],
      ['mm[Hg]', 'mmHg'],
      ['kg/m2', 'kg/m²'],
      ['Cel', '°C'],
      ['[degF]', '°F'],
      ['10*3/uL', '×10³/µL'],
      ['10*6/uL', '×10⁶/µL'],
      ['10*9/L', '×10⁹/L'],
      ['10^12/L', '×10¹²/L'],
      ['mL/min/{1.73_m2}', 'mL/min/1.73 m²'],
    ];
    for (const [code, written] of cases) assert.equal(ucumWritten(code), written, code);
  });

  it('drops a unit that is only an annotation: a score or a count has no unit', () => {
    assert.equal(ucumWritten('{score}'), '');
    assert.equal(ucumWritten('{nominal}'), '');
    assert.equal(ucumWritten('{beats}/min'), 'beats/min');
    assert.equal(ucumWritten('{RBCs}/[HPF]'), 'RBCs/HPF');
  });

  it('writes micrograms as "mcg", never "µg" (ISMP: read as "mg"), and other micro units with µ', () => {
    assert.equal(ucumWritten('ug/L'), 'mcg/L');
    assert.equal(ucumWritten('ug'), 'mcg');
    assert.equal(ucumWritten('umol/L'), 'µmol/L');
    assert.equal(ucumWritten('uU/mL'), 'µU/mL');
    assert.equal(ucumWritten('mU/L'), 'mU/L', 'milli is left alone');
  });

  it('writes bracketed atoms by their name, exponents raised and products with a dot', () => {
    assert.equal(ucumWritten('[lb_av]'), 'lb');
    assert.equal(ucumWritten('[in_i]'), 'in');
    assert.equal(ucumWritten('[iU]/L'), 'IU/L');
    assert.equal(ucumWritten('m/s2'), 'm/s²');
    assert.equal(ucumWritten('s-1'), 's⁻¹');
    assert.equal(ucumWritten('mg.h/L'), 'mg·h/L');
    assert.equal(ucumWritten('g/(24.h)'), 'g/(24 h)');
  });

  it('writes out a quantity’s unit only when what was sent for people is the UCUM code itself', () => {
    const UCUM = 'http://unitsofmeasure.org';
    assert.equal(
      quantityUnit({ value: 7.1, unit: '10*3/uL', system: UCUM, code: '10*3/uL' }),
      '×10³/µL',
    );
    assert.equal(
      quantityUnit({ value: 88, system: UCUM, code: 'mL/min/{1.73_m2}' }),
      'mL/min/1.73 m²',
    );
    assert.equal(
      quantityUnit({ value: 6.9, unit: 'thousand per microlitre', system: UCUM, code: '10*3/uL' }),
      'thousand per microlitre',
    );
    assert.equal(
      quantityUnit({ value: 5, unit: 'ug', system: 'http://example.org/units', code: 'ug' }),
      'ug',
      'not UCUM: as sent',
    );
    assert.equal(quantityUnit({ value: 5 }), undefined);
  });
});
