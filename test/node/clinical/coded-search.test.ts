import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findCoded, searchCoded } from '../../../clinical/coded-search.js';
import { ALLERGY_SUBSTANCES } from '../../../clinical/data/allergy-substances.js';
import { COMMON_DRUGS } from '../../../clinical/data/common-drugs.js';
import { REACTION_MANIFESTATIONS } from '../../../clinical/data/reaction-manifestations.js';
import { RXNORM, SNOMED } from '../../../model/index.js';

describe('coded search lists', () => {
  it('name each code once, in its system, with a display', () => {
    for (const list of [ALLERGY_SUBSTANCES, COMMON_DRUGS, REACTION_MANIFESTATIONS]) {
      const keys = list.map((c) => `${c.system}|${c.code}`);
      assert.equal(new Set(keys).size, keys.length, `a code is listed twice: ${keys.join(', ')}`);
      for (const concept of list) {
        assert.match(concept.code, /^\d+$/, concept.display);
        assert.ok([RXNORM, SNOMED].includes(concept.system), concept.display);
        assert.ok(concept.display.trim(), concept.code);
      }
    }
  });

  it('list the drugs the medication checks are tried on', () => {
    for (const name of [
      'amoxicillin',
      'penicillin V',
      'cephalexin',
      'ceftriaxone',
      'meropenem',
      'sulfamethoxazole',
      'ibuprofen',
      'naproxen',
      'aspirin',
      'morphine',
      'oxycodone',
      'codeine',
      'warfarin',
      'simvastatin',
      'clarithromycin',
    ])
      assert.ok(searchCoded(COMMON_DRUGS, name).length > 0, name);
  });
});

describe('searchCoded', () => {
  it('finds by the start of each word typed, in any order and case', () => {
    const found = searchCoded(COMMON_DRUGS, 'AMOX 500');
    assert.deepEqual(
      found.map((d) => d.code),
      ['308191', '308192'],
    );
    assert.deepEqual(
      searchCoded(COMMON_DRUGS, 'tablet clarith').map((d) => d.code),
      ['197517'],
    );
  });

  it('puts names that begin with the first word first', () => {
    const found = searchCoded(COMMON_DRUGS, 'codeine');
    assert.equal(found[0]!.display, 'codeine sulfate 30 MG Oral Tablet');
    assert.ok(found.some((d) => d.display.startsWith('acetaminophen 300 MG / codeine')));
  });

  it('finds a code typed whole, nothing for nothing typed, and at most the limit', () => {
    assert.deepEqual(
      searchCoded(ALLERGY_SUBSTANCES, '111088007').map((s) => s.display),
      ['Latex'],
    );
    assert.deepEqual(searchCoded(ALLERGY_SUBSTANCES, '  '), []);
    assert.equal(searchCoded(ALLERGY_SUBSTANCES, 'c', 3).length, 3);
  });

  it('looks a concept up by system and code', () => {
    assert.equal(findCoded(ALLERGY_SUBSTANCES, RXNORM, '7984')?.display, 'Penicillin V');
    assert.equal(findCoded(ALLERGY_SUBSTANCES, SNOMED, '7984'), undefined);
  });
});
