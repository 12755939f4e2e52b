import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkAllergy, checkMedication } from '../../../../clinical/index.js';
import type { MedicationRequest } from '../../../../model/index.js';
import { RXNORM } from '../../../../model/index.js';
import { penicillinAllergy, rx, snomedAllergy, summaries, textAllergy } from './builders.js';

// Unknown or uncoded drugs and allergens are never matched by their names,
// and never passed over in silence: an info card says no check was
// possible, and why.

function drug(concept: MedicationRequest['medicationCodeableConcept']): MedicationRequest {
  return { ...rx('308182', 'x'), medicationCodeableConcept: concept };
}

describe('no check possible: the new medication', () => {
  const cases: Array<[string, MedicationRequest, string]> = [
    [
      'text only, even a drug name that matches an allergy',
      drug({ text: 'Amoxicillin 500 mg capsules' }),
      'No safety check for “Amoxicillin 500 mg capsules”: recorded as text only, with no code',
    ],
    [
      'an RxNorm system with a display but no code',
      drug({ coding: [{ system: RXNORM, display: 'Amoxicillin 250 MG Oral Capsule' }] }),
      'No safety check for “Amoxicillin 250 MG Oral Capsule”: recorded as text only, with no code',
    ],
    [
      'a code in another system',
      drug({
        coding: [
          { system: 'http://hl7.org/fhir/sid/ndc', code: '0093-3109', display: 'Amoxicillin' },
        ],
      }),
      'No safety check for “Amoxicillin”: not coded in RxNorm',
    ],
    [
      'an RxNorm code outside the data whose display is no normalized name',
      drug({ coding: [{ system: RXNORM, code: '315971', display: 'Lasix 40mg' }] }),
      'No safety check for “Lasix 40mg”: its RxNorm code is not in the kit’s drug data',
    ],
    [
      'a reference to a Medication resource',
      {
        ...rx('308182', 'x'),
        medicationCodeableConcept: undefined,
        medicationReference: { reference: 'Medication/m1', display: 'Amoxicillin' },
      },
      'No safety check for “Amoxicillin”: given as a reference to a Medication record the check was not given',
    ],
  ];
  for (const [name, medication, summary] of cases) {
    it(`${name}: one info card, and nothing else checked`, () => {
      const cards = checkMedication({
        medication,
        allergies: [penicillinAllergy()],
        medications: [rx('308192', 'Amoxicillin 500 MG Oral Tablet')],
      });
      assert.deepEqual(summaries(cards), [`info: ${summary}`]);
      assert.equal(cards[0]!.source.topic?.code, 'no-check');
      assert.equal(cards[0]!.overrideReasons, undefined);
      assert.match(cards[0]!.detail!, /never by their names/);
    });
  }
});

describe('no check possible: allergies and active medications', () => {
  const amoxicillin = rx('308182', 'Amoxicillin 250 MG Oral Capsule');

  it('an allergy recorded as text is not matched, and the card says why', () => {
    const allergy = textAllergy('Penicillin');
    assert.deepEqual(
      summaries(checkMedication({ medication: amoxicillin, allergies: [allergy] })),
      ['info: No check against the allergy “Penicillin”: recorded as text only, with no code'],
    );
    assert.deepEqual(summaries(checkAllergy({ allergy, medications: [amoxicillin] })), [
      'info: No check against the allergy “Penicillin”: recorded as text only, with no code',
    ]);
  });

  it('a SNOMED CT code outside the allergen data is not guessed', () => {
    const allergy = snomedAllergy('294505008', 'Allergy to amoxicillin');
    assert.deepEqual(
      summaries(checkMedication({ medication: amoxicillin, allergies: [allergy] })),
      [
        'info: No check against the allergy “Allergy to amoxicillin”: its SNOMED CT code is not in the kit’s allergen data',
      ],
    );
  });

  it('an uncoded food allergy says nothing about drugs: no card', () => {
    const allergy = textAllergy('Strawberries', { category: ['food'] });
    assert.deepEqual(checkMedication({ medication: amoxicillin, allergies: [allergy] }), []);
    assert.deepEqual(checkAllergy({ allergy, medications: [amoxicillin] }), []);
  });

  it('the active medications that cannot be read are listed on one card', () => {
    const unreadable = [
      drug({ coding: [{ system: RXNORM, code: '315971', display: 'Lasix 40mg' }] }),
      drug({ text: 'Grandma’s herbal tea' }),
    ];
    const cards = checkMedication({ medication: amoxicillin, medications: unreadable });
    assert.deepEqual(summaries(cards), [
      'info: No interaction or duplicate check against 2 medications: Lasix 40mg, Grandma’s herbal tea',
    ]);
    assert.match(
      cards[0]!.detail!,
      /\*\*Lasix 40mg\*\*: its RxNorm code is not in the kit’s drug data\./,
    );
    const back = checkAllergy({ allergy: penicillinAllergy(), medications: unreadable });
    assert.deepEqual(summaries(back), [
      'info: No allergy check of 2 active medications: Lasix 40mg, Grandma’s herbal tea',
    ]);
  });

  it('a long list is cut to fit a summary, with an ellipsis', () => {
    const many = Array.from({ length: 12 }, (_, i) => drug({ text: `Unnamed herbal remedy ${i}` }));
    const [card] = checkMedication({ medication: amoxicillin, medications: many });
    assert.ok(card!.summary.length < 140);
    assert.ok(card!.summary.endsWith('…'));
  });

  it('a SNOMED CT code is read before a text name: the coded allergen wins', () => {
    const allergy = snomedAllergy('91936005', 'Allergy to penicillin');
    allergy.code = { ...allergy.code, text: 'Something else entirely' };
    const cards = checkMedication({ medication: amoxicillin, allergies: [allergy] });
    assert.deepEqual(summaries(cards), [
      'critical: Amoxicillin: patient is allergic to something else entirely (penicillin class)',
    ]);
  });
});
