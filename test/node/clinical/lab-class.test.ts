import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { labClass, labClassMessages } from '../../../clinical/index.js';
import { LOINC_CLASS_NAMES, LOINC_CLASS_OF } from '../../../clinical/data/loinc-classes.js';
import { LOINC, type Observation } from '../../../model/index.js';

// The LOINC class of a laboratory result, read from its LOINC coding only.

function obs(coding: Array<{ system?: string; code?: string }>): Observation {
  return {
    resourceType: 'Observation',
    id: 'o1',
    status: 'final',
    code: { coding },
  } as Observation;
}

describe('labClass: the LOINC class of a laboratory result', () => {
  it('gives the class and its name for a LOINC code the table holds (urine clarity: specimen characteristics)', () => {
    assert.deepEqual(labClass(obs([{ system: LOINC, code: '32167-9' }])), {
      code: 'SPEC',
      name: 'Specimen characteristics',
    });
  });

  it('gives the class of the fixtures’ results no report holds (HbA1c: HEM/BC; eGFR: CHEM; peanut IgE: ALLERGY)', () => {
    assert.deepEqual(labClass(obs([{ system: LOINC, code: '4548-4' }])), {
      code: 'HEM/BC',
      name: 'Hematology/Cell counts',
    });
    assert.equal(labClass(obs([{ system: LOINC, code: '33914-3' }]))?.code, 'CHEM');
    assert.equal(labClass(obs([{ system: LOINC, code: '6206-7' }]))?.code, 'ALLERGY');
  });

  it('reads the LOINC coding among others', () => {
    assert.deepEqual(
      labClass(
        obs([
          { system: 'http://example.org/local-lab', code: 'CLAR' },
          { system: LOINC, code: '32167-9' },
        ]),
      ),
      { code: 'SPEC', name: 'Specimen characteristics' },
    );
  });

  it('gives nothing for a code whose class is not known, or for the same code in another system', () => {
    assert.equal(labClass(obs([{ system: LOINC, code: '5778-6' }])), undefined, 'urine colour');
    assert.equal(
      labClass(obs([{ system: 'http://example.org/local-lab', code: '32167-9' }])),
      undefined,
    );
    assert.equal(labClass(obs([])), undefined);
  });

  it('has a name for every class the table uses, and no code outside LOINC form', () => {
    for (const [code, cls] of Object.entries(LOINC_CLASS_OF)) {
      assert.match(code, /^\d{1,7}-\d$/, code);
      assert.ok(LOINC_CLASS_NAMES[cls], `${code}: class ${cls} has a name`);
    }
    assert.equal(labClassMessages.classNames['CHEM'], 'Chemistry');
    assert.equal(labClassMessages.classNames['HEM/BC'], 'Hematology/Cell counts');
  });
});
