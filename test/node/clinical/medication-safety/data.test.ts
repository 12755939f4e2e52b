import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { DRUG_CLASSES } from '../../../../clinical/data/drug-classes.js';
import { ONC_HIGH_PRIORITY_INTERACTIONS } from '../../../../clinical/data/onc-high-priority-interactions.js';
import { RXNORM_DRUG_INGREDIENTS } from '../../../../clinical/data/rxnorm-drugs.js';
import { SNOMED_ALLERGENS } from '../../../../clinical/data/snomed-allergens.js';

// The shipped data keeps the shape the checks rely on, and says where it
// comes from.

const names = [
  ...DRUG_CLASSES.flatMap((c) => c.ingredients),
  ...ONC_HIGH_PRIORITY_INTERACTIONS.flatMap((p) => [...p.object, ...p.precipitant]),
  ...Object.values(RXNORM_DRUG_INGREDIENTS).flat(),
];

describe('medication-safety data', () => {
  it('ingredients are lower-case RxNorm ingredient names, without salts', () => {
    for (const name of names) {
      assert.equal(name, name.toLowerCase(), name);
      assert.doesNotMatch(name, / (hydrochloride|sodium|potassium|sulfate|succinate)$/, name);
    }
  });

  it('no class lists an ingredient twice, and the NSAIDs include aspirin', () => {
    for (const drugClass of DRUG_CLASSES)
      assert.equal(new Set(drugClass.ingredients).size, drugClass.ingredients.length, drugClass.id);
    assert.ok(DRUG_CLASSES.find((c) => c.id === 'nsaids')?.ingredients.includes('aspirin'));
  });

  it('codes are RxCUIs and SNOMED CT identifiers (digits only)', () => {
    for (const code of [...Object.keys(RXNORM_DRUG_INGREDIENTS), ...Object.keys(SNOMED_ALLERGENS)])
      assert.match(code, /^\d+$/);
  });

  it('"no known allergy" codes are not allergens', () => {
    for (const code of ['716186003', '409137002', '160244002', '429625007', '428607008'])
      assert.equal(SNOMED_ALLERGENS[code], undefined);
  });

  it('every data file names its source, URL and licence', () => {
    for (const file of [
      'drug-classes.ts',
      'onc-high-priority-interactions.ts',
      'rxnorm-drugs.ts',
      'snomed-allergens.ts',
    ]) {
      const text = readFileSync(
        new URL(`../../../../clinical/data/${file}`, import.meta.url),
        'utf8',
      );
      const header = text.slice(0, text.indexOf('\nexport'));
      assert.match(header, /Source|Sources/, file);
      assert.match(header, /https:\/\//, file);
      assert.match(header, /Licence/, file);
    }
  });
});
