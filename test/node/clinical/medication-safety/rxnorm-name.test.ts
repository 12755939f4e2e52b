import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ingredientsFromRxNormName } from '../../../../clinical/medication-safety/rxnorm-name.js';

// RxNorm normalized names read into ingredients, and what is refused.

const known = (name: string) =>
  [
    'amoxicillin',
    'clavulanate',
    'oxycodone',
    'acetaminophen',
    'furosemide',
    'penicillin v',
    'metoprolol',
    'carbamazepine',
    'epinephrine',
    'sulfamethoxazole',
    'trimethoprim',
  ].includes(name);

describe('reading an RxNorm normalized name', () => {
  const read: Array<[string, string[] | undefined]> = [
    ['Amoxicillin 250 MG Oral Capsule', ['amoxicillin']],
    ['Amoxicillin 250 MG / Clavulanate 125 MG Oral Tablet', ['amoxicillin', 'clavulanate']],
    [
      'Acetaminophen 325 MG / oxyCODONE Hydrochloride 5 MG Oral Tablet',
      ['acetaminophen', 'oxycodone'],
    ],
    ['10 ML Furosemide 10 MG/ML Injection', ['furosemide']],
    ['24 HR metoprolol succinate 100 MG Extended Release Oral Tablet [Toprol]', ['metoprolol']],
    [
      'Abuse-Deterrent 12 HR Oxycodone Hydrochloride 15 MG Extended Release Oral Tablet',
      ['oxycodone'],
    ],
    ['NDA020800 0.3 ML Epinephrine 1 MG/ML Auto-Injector', ['epinephrine']],
    ['Penicillin V Potassium 250 MG Oral Tablet', ['penicillin v']],
    ['Penicillin V', ['penicillin v']],
    ['Sulfamethoxazole / Trimethoprim', ['sulfamethoxazole', 'trimethoprim']],
    ['Carbamazepine[Tegretol]', ['carbamazepine']],
    // Refused: not a normalized name, or an ingredient the data does not know.
    ['Lasix 40mg', undefined],
    ['Simvistatin 10 MG', undefined],
    ['Amoxicillin 250 MG / Mystery 5 MG Oral Tablet', undefined],
    ['', undefined],
    ['500 MG', undefined],
  ];
  for (const [name, expected] of read) {
    it(`“${name}” → ${expected ? expected.join(' + ') : 'not read'}`, () => {
      assert.deepEqual(ingredientsFromRxNormName(name, known), expected);
    });
  }
});
