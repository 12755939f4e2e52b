import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allergyStatus } from '../../../clinical/index.js';
import { ChartStoreError } from '../../../model/index.js';
import { allergy, noKnownAllergy, noKnownDrugAllergy, record } from './helpers.js';

// Worked examples for each rule of the NHS CUI Patient Banner allergy states.

const penicillin = allergy({
  snomed: '91936005',
  name: 'Penicillin',
  category: ['medication'],
  criticality: 'high',
  reaction: [
    { manifestation: [{ text: 'Anaphylaxis' }], severity: 'severe' },
    {
      manifestation: [
        { coding: [{ system: 'http://snomed.info/sct', code: '271807003', display: 'Rash' }] },
      ],
      severity: 'mild',
    },
  ],
});
const peanut = allergy({
  name: 'Peanut',
  category: ['food'],
  criticality: 'low',
  reaction: [{ manifestation: [{ text: 'Hives' }], severity: 'moderate' }],
});
const latex = allergy({ name: 'Latex', category: ['environment'] });

describe('allergy status: the four banner states', () => {
  it('no answer from the store (undefined or an error) is "Allergies unavailable", never blank', () => {
    for (const input of [
      undefined,
      new ChartStoreError('unavailable', 'IndexedDB refused'),
      new Error('offline'),
    ]) {
      const status = allergyStatus(input);
      assert.equal(status.state, 'unavailable');
      assert.equal(status.label, 'Allergies unavailable');
      assert.equal(status.summary.text, 'Allergies unavailable');
      assert.deepEqual(status.entries, []);
    }
  });

  it('no records at all is "Allergies not recorded", never "None"', () => {
    const status = allergyStatus([]);
    assert.equal(status.state, 'not-recorded');
    assert.equal(status.label, 'Allergies not recorded');
    assert.equal(status.summary.text, 'Allergies not recorded');
    assert.equal(status.summary.count, 0);
    assert.doesNotMatch(status.summary.text, /none/i);
  });

  it('one active allergy is "Known allergies" with the entry fields the banner shows', () => {
    const status = allergyStatus([record('pen', penicillin)]);
    assert.equal(status.state, 'known');
    assert.equal(status.label, 'Known allergies');
    const [entry] = status.entries;
    assert.deepEqual(
      { ...entry, values: undefined },
      {
        key: 'AllergyIntolerance/pen',
        label: 'Penicillin',
        categories: ['medication'],
        criticality: 'high',
        worstSeverity: 'severe',
        reactions: ['Anaphylaxis', 'Rash'],
        verification: 'confirmed',
        conflict: false,
        values: undefined,
      },
    );
    assert.equal(entry!.values.length, 1);
    assert.equal(entry!.values[0]!.author, 'Dr Ada Okafor');
    assert.deepEqual(status.summary, {
      count: 1,
      top: entry,
      text: 'Penicillin (high criticality)',
    });
  });

  it('an active "No known allergy" (SNOMED 716186003) is "No known allergies", and says when it is not confirmed', () => {
    for (const [verification, label] of [
      ['confirmed', 'No known allergies'],
      ['unconfirmed', 'No known allergies — unconfirmed'],
    ] as const) {
      const status = allergyStatus([record('nka', noKnownAllergy({ verification }))]);
      assert.equal(status.state, 'no-known-allergies');
      assert.equal(status.label, label);
      assert.deepEqual(status.noKnownScopes, ['all']);
      assert.deepEqual(status.entries, [], 'the assertion is not listed as an allergy');
    }
  });

  it('the older "No known allergies" concept 160244002 counts as the same assertion', () => {
    assert.equal(
      allergyStatus([record('nka', allergy({ snomed: '160244002' }))]).state,
      'no-known-allergies',
    );
  });

  it('"No known drug allergy" (409137002) is the drug-only variant, and says so', () => {
    const status = allergyStatus([record('nkda', noKnownDrugAllergy())]);
    assert.equal(status.state, 'no-known-allergies');
    assert.deepEqual(status.noKnownScopes, ['medication']);
    assert.equal(status.label, 'No known drug allergies');
  });

  it('drug and food assertions together name both; with a general one, the general one covers all', () => {
    const drugAndFood = allergyStatus([
      record('nkda', noKnownDrugAllergy()),
      record('nkfa', allergy({ snomed: '429625007' })),
    ]);
    assert.equal(drugAndFood.label, 'No known drug or food allergies');
    assert.deepEqual(drugAndFood.noKnownScopes, ['medication', 'food']);
    const all = allergyStatus([
      record('nkda', noKnownDrugAllergy()),
      record('nka', noKnownAllergy()),
    ]);
    assert.deepEqual(all.noKnownScopes, ['all']);
    assert.equal(all.label, 'No known allergies');
  });

  it('uncoded stock text ("NKDA", "No known allergies.") is read as the assertion, not listed as an allergy called "NKDA"', () => {
    assert.equal(
      allergyStatus([record('x', allergy({ name: 'NKDA' }))]).label,
      'No known drug allergies',
    );
    assert.equal(
      allergyStatus([record('x', allergy({ name: 'No known allergies.' }))]).label,
      'No known allergies',
    );
    // Anything else in free text is an allergy.
    assert.equal(
      allergyStatus([record('x', allergy({ name: 'No known allergy to penicillin?' }))]).state,
      'known',
    );
  });

  it('a "No known allergy" that is inactive, refuted, entered in error or has no clinical status asserts nothing', () => {
    for (const fields of [
      { clinical: 'inactive' },
      { verification: 'refuted' },
      { verification: 'entered-in-error' },
      { clinical: null },
    ] as const) {
      const status = allergyStatus([record('nka', noKnownAllergy(fields))]);
      assert.equal(status.state, 'not-recorded', JSON.stringify(fields));
    }
  });
});

describe('allergy status: which records are listed', () => {
  it('refuted-only is "not recorded" (a refutation is no assertion of no allergies); the refuted one is exposed', () => {
    const status = allergyStatus([
      record('pen', allergy({ name: 'Penicillin', verification: 'refuted' })),
    ]);
    assert.equal(status.state, 'not-recorded');
    assert.deepEqual(status.entries, []);
    assert.deepEqual(
      status.refuted.map((e) => e.label),
      ['Penicillin'],
    );
  });

  it('entered-in-error records are ignored entirely', () => {
    const status = allergyStatus([
      record('pen', allergy({ name: 'Penicillin', verification: 'entered-in-error' })),
    ]);
    assert.equal(status.state, 'not-recorded');
    assert.deepEqual([status.entries, status.refuted, status.inactive], [[], [], []]);
    // ...and do not hide an assertion beside them.
    assert.equal(
      allergyStatus([
        record('pen', allergy({ verification: 'entered-in-error' })),
        record('nka', noKnownAllergy()),
      ]).state,
      'no-known-allergies',
    );
  });

  it('inactive and resolved allergies are not current: listed apart, and alone they leave "not recorded"', () => {
    const status = allergyStatus([
      record('a', allergy({ name: 'Amoxicillin', clinical: 'resolved' })),
      record('b', allergy({ name: 'Codeine', clinical: 'inactive' })),
    ]);
    assert.equal(status.state, 'not-recorded');
    assert.deepEqual(
      status.inactive.map((e) => e.label),
      ['Amoxicillin', 'Codeine'],
    );
    const withCurrent = allergyStatus([
      record('a', allergy({ name: 'Amoxicillin', clinical: 'resolved' })),
      record('pen', penicillin),
    ]);
    assert.deepEqual(
      withCurrent.entries.map((e) => e.label),
      ['Penicillin'],
    );
    assert.deepEqual(
      withCurrent.inactive.map((e) => e.label),
      ['Amoxicillin'],
    );
  });

  it('unconfirmed allergies are listed and flagged; no verification status reads as unconfirmed', () => {
    const status = allergyStatus([
      record('a', allergy({ name: 'Aspirin', verification: 'unconfirmed' })),
      record('b', allergy({ name: 'Bee venom', verification: null })),
    ]);
    assert.equal(status.state, 'known');
    assert.deepEqual(
      status.entries.map((e) => [e.label, e.verification]),
      [
        ['Aspirin', 'unconfirmed'],
        ['Bee venom', 'unconfirmed'],
      ],
    );
  });

  it('an allergy with no clinical status is listed: a missing status never hides an allergy', () => {
    assert.equal(
      allergyStatus([record('a', allergy({ name: 'Aspirin', clinical: null }))]).state,
      'known',
    );
  });

  it('labels: code text, else the coding display, else the reaction substance, else a placeholder, never blank', () => {
    const labels = allergyStatus([
      record(
        'a',
        allergy({
          code: {
            coding: [{ system: 'http://snomed.info/sct', code: '387207008', display: 'Ibuprofen' }],
          },
        }),
      ),
      record(
        'b',
        allergy({
          reaction: [{ substance: { text: 'Egg protein' }, manifestation: [{ text: 'Vomiting' }] }],
        }),
      ),
      record('c', allergy({})),
    ]).entries.map((e) => e.label);
    assert.deepEqual(labels, ['Allergy (substance not recorded)', 'Egg protein', 'Ibuprofen']);
  });

  it('a reaction with no coded manifestation shows its description', () => {
    const status = allergyStatus([
      record(
        'a',
        allergy({ name: 'Nuts', reaction: [{ manifestation: [{}], description: 'Lip swelling' }] }),
      ),
    ]);
    assert.deepEqual(status.entries[0]!.reactions, ['Lip swelling']);
  });
});

describe('allergy status: conflicts (two heads)', () => {
  it('a record in conflict is listed with every head and flagged, when any head is an allergy', () => {
    const status = allergyStatus([
      record('pen', penicillin, allergy({ name: 'Penicillin', verification: 'refuted' })),
    ]);
    assert.equal(status.state, 'known');
    const [entry] = status.entries;
    assert.equal(entry!.conflict, true);
    assert.equal(status.conflict, true);
    assert.deepEqual(
      entry!.values.map((v) => [v.kind, v.author]),
      [
        ['refuted', 'Sam Reid RN'],
        ['allergy', 'Dr Ada Okafor'],
      ],
    );
  });

  it('a head saying "no known allergy" does not hide the allergy in the other head', () => {
    const status = allergyStatus([
      record('x', noKnownAllergy(), allergy({ name: 'Latex', category: ['environment'] })),
    ]);
    assert.equal(status.state, 'known');
    assert.deepEqual(
      status.entries.map((e) => [e.label, e.conflict]),
      [['Latex', true]],
    );
  });

  it('heads naming different substances show both names, the highest criticality and the worst reaction', () => {
    const status = allergyStatus([
      record(
        'x',
        allergy({
          name: 'Amoxicillin',
          criticality: 'low',
          reaction: [{ manifestation: [{ text: 'Rash' }], severity: 'mild' }],
        }),
        allergy({
          name: 'Co-amoxiclav',
          criticality: 'high',
          reaction: [{ manifestation: [{ text: 'Wheeze' }], severity: 'severe' }],
        }),
      ),
    ]);
    const [entry] = status.entries;
    assert.equal(entry!.label, 'Co-amoxiclav / Amoxicillin');
    assert.equal(entry!.criticality, 'high');
    assert.equal(entry!.worstSeverity, 'severe');
    assert.deepEqual(entry!.reactions, ['Wheeze', 'Rash']);
  });

  it('a "no known allergy" counts only when every head says it; a conflict is still flagged', () => {
    const both = allergyStatus([
      record('nka', noKnownAllergy(), noKnownAllergy({ verification: 'unconfirmed' })),
    ]);
    assert.equal(both.state, 'no-known-allergies');
    assert.equal(both.conflict, true);
    const retracted = allergyStatus([
      record('nka', noKnownAllergy(), noKnownAllergy({ verification: 'entered-in-error' })),
    ]);
    assert.equal(retracted.state, 'not-recorded');
    assert.equal(retracted.conflict, true);
  });
});

describe('allergy status: contradictions', () => {
  it('"no known allergies" beside a real allergy: the allergy wins and the contradiction is flagged', () => {
    const status = allergyStatus([record('nka', noKnownAllergy()), record('pen', penicillin)]);
    assert.equal(status.state, 'known');
    assert.equal(status.contradiction, true);
    assert.deepEqual(status.contradicted, ['AllergyIntolerance/nka']);
  });

  it('"no known drug allergies" contradicts a drug allergy but not a food allergy', () => {
    const food = allergyStatus([record('nkda', noKnownDrugAllergy()), record('peanut', peanut)]);
    assert.equal(food.state, 'known');
    assert.equal(food.contradiction, false);
    assert.deepEqual(food.noKnownScopes, ['medication']);
    const drug = allergyStatus([record('nkda', noKnownDrugAllergy()), record('pen', penicillin)]);
    assert.equal(drug.contradiction, true);
  });
});

describe('allergy status: order and summary', () => {
  it('criticality high, then unable-to-assess, then low or absent; then worst reaction; then name', () => {
    const status = allergyStatus([
      record('latex', latex), // no criticality, no reaction
      record('peanut', peanut), // low, moderate
      record('sulfa', allergy({ name: 'Sulfonamides', criticality: 'unable-to-assess' })),
      record(
        'egg',
        allergy({
          name: 'Egg',
          criticality: 'low',
          reaction: [{ manifestation: [{ text: 'Vomiting' }], severity: 'severe' }],
        }),
      ),
      record('pen', penicillin), // high
      record('codeine', allergy({ name: 'codeine', criticality: 'low' })),
      record('aspirin', allergy({ name: 'Aspirin' })),
    ]);
    assert.deepEqual(
      status.entries.map((e) => e.label),
      ['Penicillin', 'Sulfonamides', 'Egg', 'Peanut', 'Aspirin', 'codeine', 'Latex'],
    );
    assert.equal(status.summary.count, 7);
    assert.equal(status.summary.text, 'Penicillin (high criticality) and 6 more');
  });

  it('the summary names the top entry without a criticality note when it is not high', () => {
    const status = allergyStatus([record('peanut', peanut), record('latex', latex)]);
    assert.equal(status.summary.text, 'Peanut and 1 more');
  });
});
