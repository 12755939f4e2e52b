import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkAllergy, checkMedication, KIT_SAFETY_RULE } from '../../../../clinical/index.js';
import { CARD_SUMMARY_MAX, Card, KIT_OVERRIDE_REASON } from '../../../../model/index.js';
import {
  penicillinAllergy,
  rx,
  rxAllergy,
  rxName,
  snomedAllergy,
  statement,
  summaries,
} from './builders.js';

// Drug against allergy, by ingredient and by class, in both directions.

describe('drug–allergy: penicillin class members against a penicillin allergy', () => {
  const members = [
    rx('308182', 'Amoxicillin 250 MG Oral Capsule'),
    rx('562251', 'Amoxicillin 250 MG / Clavulanate 125 MG Oral Tablet'),
    rx('789980', 'Ampicillin 100 MG/ML Injectable Solution'),
    rx('1659149', 'piperacillin 4000 MG / tazobactam 500 MG Injection'),
    rx('105078', 'Penicillin G 375 MG/ML Injectable Solution'),
    rxName('Dicloxacillin 250 MG Oral Capsule'),
    rxName('Nafcillin 2000 MG Injection'),
  ];
  const allergies = {
    'RxNorm penicillin V (7984)': penicillinAllergy(),
    'SNOMED allergy to penicillin (91936005)': snomedAllergy('91936005', 'Allergy to penicillin'),
    'SNOMED penicillin substance (764146007)': snomedAllergy('764146007', 'Penicillin'),
  };
  for (const [name, allergy] of Object.entries(allergies)) {
    it(`${name}: every member gives one critical drug–allergy card`, () => {
      for (const medication of members) {
        const cards = checkMedication({ medication, allergies: [allergy] });
        assert.equal(cards.length, 1, medication.medicationCodeableConcept?.text);
        const [card] = cards;
        assert.equal(card!.indicator, 'critical');
        assert.equal(card!.source.topic?.code, 'drug-allergy');
        assert.match(
          card!.summary,
          /: patient is allergic to penicillin( V)? \(penicillin class\)$/,
        );
      }
    });
  }

  it('the summary names both sides in clinicians’ words', () => {
    const [card] = checkMedication({
      medication: members[0]!,
      allergies: [snomedAllergy('91936005', 'Allergy to penicillin')],
    });
    assert.equal(
      card!.summary,
      'Amoxicillin: patient is allergic to penicillin (penicillin class)',
    );
    const [byIngredient] = checkMedication({
      medication: members[0]!,
      allergies: [penicillinAllergy()],
    });
    assert.equal(
      byIngredient!.summary,
      'Amoxicillin: patient is allergic to penicillin V (penicillin class)',
    );
  });

  it('the detail says what matched, the criticality and the reaction', () => {
    const [card] = checkMedication({ medication: members[0]!, allergies: [penicillinAllergy()] });
    assert.equal(
      card!.detail,
      [
        '**Amoxicillin 250 MG Oral Capsule** contains amoxicillin.',
        'Amoxicillin is in the penicillin class (penicillins).',
        'Recorded allergy: **Penicillin V**.',
        'Criticality: high.',
        'Reactions recorded: Anaphylaxis (disorder) (severe).',
      ].join('\n\n'),
    );
  });

  it('a card is valid CDS Hooks, with its rule, reference and override reasons', () => {
    const [card] = checkMedication({ medication: members[0]!, allergies: [penicillinAllergy()] });
    assert.ok(Card.safeParse(card).success);
    assert.ok(card!.summary.length < CARD_SUMMARY_MAX);
    assert.deepEqual(card!.source, {
      label: 'Drug–allergy check (by ingredient and class)',
      url: 'https://doi.org/10.1111/all.12881',
      topic: { system: KIT_SAFETY_RULE, code: 'drug-allergy', display: 'Drug–allergy interaction' },
    });
    assert.deepEqual(
      card!.overrideReasons?.map((r) => [r.system, r.code]),
      [
        [KIT_OVERRIDE_REASON, 'tolerated-before'],
        [KIT_OVERRIDE_REASON, 'allergy-record-wrong'],
        [KIT_OVERRIDE_REASON, 'benefit-outweighs-risk'],
        [KIT_OVERRIDE_REASON, 'no-alternative'],
      ],
    );
  });

  it('the same input gives the same uuid; another record, another uuid', () => {
    const medication = members[0]!;
    const allergy = penicillinAllergy();
    const first = checkMedication({ medication, allergies: [allergy] })[0]!.uuid;
    const again = checkMedication({
      medication: { ...medication },
      allergies: [{ ...allergy }],
    })[0]!.uuid;
    assert.equal(first, again);
    assert.match(first!, /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const other = checkMedication({ medication: members[1]!, allergies: [allergy] })[0]!.uuid;
    assert.notEqual(first, other);
  });

  it('a drug of another class is not matched: carbapenems, macrolides, acetaminophen', () => {
    for (const medication of [
      rxName('Meropenem 1000 MG Injection'),
      rx('308460', 'Azithromycin 250 MG Oral Tablet'),
      rx('313782', 'Acetaminophen 325 MG Oral Tablet'),
    ]) {
      assert.deepEqual(checkMedication({ medication, allergies: [penicillinAllergy()] }), []);
    }
  });
});

describe('drug–allergy: same ingredient, and the other classes', () => {
  it('the same ingredient is critical and says so', () => {
    const amoxicillinAllergy = rxAllergy('not-in-data-amox', 'Amoxicillin');
    const cards = checkMedication({
      medication: rx('308192', 'Amoxicillin 500 MG Oral Tablet'),
      allergies: [amoxicillinAllergy],
    });
    assert.deepEqual(summaries(cards), [
      'critical: Amoxicillin: patient is allergic to amoxicillin',
    ]);
  });

  const cases: Array<[string, ReturnType<typeof rxAllergy>, ReturnType<typeof rx>, string]> = [
    [
      'sulfonamide antibiotics',
      rxAllergy('10831', 'Sulfamethoxazole / Trimethoprim'),
      rxName('Sulfamethoxazole 800 MG / Trimethoprim 160 MG Oral Tablet'),
      'critical: Sulfamethoxazole: patient is allergic to sulfamethoxazole',
    ],
    [
      'NSAIDs and aspirin',
      rxAllergy('1191', 'Aspirin'),
      rx('310965', 'Ibuprofen 200 MG Oral Tablet'),
      'critical: Ibuprofen: patient is allergic to aspirin (NSAID class)',
    ],
    [
      'NSAIDs',
      rxAllergy('5640', 'Ibuprofen'),
      rx('849574', 'Naproxen sodium 220 MG Oral Tablet'),
      'critical: Naproxen: patient is allergic to ibuprofen (NSAID class)',
    ],
    [
      'opioids',
      rxAllergy('not-in-data-codeine', 'Codeine'),
      rx('1732136', '1 ML Morphine Sulfate 5 MG/ML Injection'),
      'critical: Morphine: patient is allergic to codeine (opioid class)',
    ],
    [
      'cephalosporins',
      rxAllergy('2231', 'Cephalexin'),
      rx('309097', 'Cefuroxime 250 MG Oral Tablet'),
      'critical: Cefuroxime: patient is allergic to cephalexin (cephalosporin class)',
    ],
    [
      'ACE inhibitors',
      rxAllergy('29046', 'Lisinopril'),
      rx('833036', 'Captopril 25 MG Oral Tablet'),
      'critical: Captopril: patient is allergic to lisinopril (ACE inhibitor class)',
    ],
    [
      'macrolides',
      rxAllergy('not-in-data-ery', 'Erythromycin'),
      rx('308460', 'Azithromycin 250 MG Oral Tablet'),
      'critical: Azithromycin: patient is allergic to erythromycin (macrolide class)',
    ],
  ];
  for (const [name, allergy, medication, expected] of cases) {
    it(`${name}: ${expected}`, () => {
      assert.deepEqual(summaries(checkMedication({ medication, allergies: [allergy] })), [
        expected,
      ]);
    });
  }

  it('carbapenems: imipenem against a meropenem allergy is a class match', () => {
    const allergy = rxAllergy('not-in-data-mero', 'Meropenem');
    const medication = rxName('Imipenem 500 MG / Cilastatin 500 MG Injection');
    // Cilastatin is no ingredient the kit knows: the name is not read, so no guess is made.
    assert.deepEqual(summaries(checkMedication({ medication, allergies: [allergy] })), [
      'info: No safety check for “Imipenem 500 MG / Cilastatin 500 MG Injection”: its RxNorm code is not in the kit’s drug data',
    ]);
    const imipenem = rxName('Imipenem 500 MG Injection');
    assert.deepEqual(summaries(checkMedication({ medication: imipenem, allergies: [allergy] })), [
      'critical: Imipenem: patient is allergic to meropenem (carbapenem class)',
    ]);
  });

  it('an intolerance of low criticality is a warning; of high criticality, critical', () => {
    const medication = rx('314076', 'lisinopril 10 MG Oral Tablet');
    const cough = rxAllergy('29046', 'Lisinopril', { type: 'intolerance', criticality: 'low' });
    assert.equal(checkMedication({ medication, allergies: [cough] })[0]!.indicator, 'warning');
    const severe = rxAllergy('29046', 'Lisinopril', { type: 'intolerance', criticality: 'high' });
    assert.equal(checkMedication({ medication, allergies: [severe] })[0]!.indicator, 'critical');
    const lowAllergy = rxAllergy('29046', 'Lisinopril', { type: 'allergy', criticality: 'low' });
    assert.equal(
      checkMedication({ medication, allergies: [lowAllergy] })[0]!.indicator,
      'critical',
    );
  });
});

describe('cross-reactivity: penicillins ↔ cephalosporins, a warning', () => {
  it('a cephalosporin against a penicillin allergy', () => {
    const cards = checkMedication({
      medication: rx('309097', 'Cefuroxime 250 MG Oral Tablet'),
      allergies: [penicillinAllergy()],
    });
    assert.deepEqual(summaries(cards), [
      'warning: Cefuroxime: possible cross-reaction with the patient’s penicillin V allergy',
    ]);
    assert.equal(cards[0]!.source.topic?.code, 'cross-reactivity');
    assert.match(cards[0]!.detail!, /About 1–2% of patients with a penicillin allergy/);
    assert.ok(cards[0]!.overrideReasons?.length);
  });

  it('a penicillin against a cephalosporin allergy', () => {
    const cards = checkMedication({
      medication: rx('308182', 'Amoxicillin 250 MG Oral Capsule'),
      allergies: [rxAllergy('2193', 'Ceftriaxone')],
    });
    assert.deepEqual(summaries(cards), [
      'warning: Amoxicillin: possible cross-reaction with the patient’s ceftriaxone allergy',
    ]);
  });
});

describe('both directions: a new allergy against active medications', () => {
  it('a penicillin allergy finds active amoxicillin and piperacillin, and warns on cefuroxime', () => {
    const medications = [
      rx('308182', 'Amoxicillin 250 MG Oral Capsule'),
      rx('1659149', 'piperacillin 4000 MG / tazobactam 500 MG Injection'),
      rx('309097', 'Cefuroxime 250 MG Oral Tablet'),
      rx('313782', 'Acetaminophen 325 MG Oral Tablet'),
    ];
    const cards = checkAllergy({ allergy: penicillinAllergy(), medications });
    assert.deepEqual(summaries(cards), [
      'critical: Amoxicillin: patient is allergic to penicillin V (penicillin class)',
      'critical: Piperacillin: patient is allergic to penicillin V (penicillin class)',
      'warning: Cefuroxime: possible cross-reaction with the patient’s penicillin V allergy',
    ]);
    assert.match(
      cards[0]!.detail!,
      /^The active medication \*\*Amoxicillin 250 MG Oral Capsule\*\*/,
    );
  });

  it('the same finding has the same uuid in both directions', () => {
    const amoxicillin = rx('308182', 'Amoxicillin 250 MG Oral Capsule');
    const allergy = penicillinAllergy();
    const forward = checkMedication({ medication: amoxicillin, allergies: [allergy] });
    const backward = checkAllergy({ allergy, medications: [amoxicillin] });
    assert.equal(forward[0]!.uuid, backward[0]!.uuid);
  });

  it('stopped, completed, cancelled, entered-in-error and not-taken medications are not active', () => {
    const medications = [
      rx('308182', 'Amoxicillin 250 MG Oral Capsule', { status: 'stopped' }),
      rx('308182', 'Amoxicillin 250 MG Oral Capsule', { status: 'completed' }),
      rx('308182', 'Amoxicillin 250 MG Oral Capsule', { status: 'cancelled' }),
      rx('308182', 'Amoxicillin 250 MG Oral Capsule', { status: 'entered-in-error' }),
      rx('308182', 'Amoxicillin 250 MG Oral Capsule', { doNotPerform: true }),
      statement('308182', 'Amoxicillin 250 MG Oral Capsule', 'not-taken'),
      statement('308182', 'Amoxicillin 250 MG Oral Capsule', 'completed'),
    ];
    assert.deepEqual(checkAllergy({ allergy: penicillinAllergy(), medications }), []);
    const onHold = rx('308182', 'Amoxicillin 250 MG Oral Capsule', { status: 'on-hold' });
    assert.equal(checkAllergy({ allergy: penicillinAllergy(), medications: [onHold] }).length, 1);
  });

  it('a food or environmental allergy checks no drug', () => {
    const medications = [rx('308182', 'Amoxicillin 250 MG Oral Capsule')];
    for (const allergy of [
      snomedAllergy('91935009', 'Allergy to peanuts', { category: ['food'] }),
      snomedAllergy('300916003', 'Latex allergy', { category: ['environment'] }),
    ]) {
      assert.deepEqual(checkAllergy({ allergy, medications }), []);
      assert.deepEqual(checkMedication({ medication: medications[0]!, allergies: [allergy] }), []);
    }
  });
});

describe('records that are not current allergies are never matched', () => {
  const amoxicillin = rx('308182', 'Amoxicillin 250 MG Oral Capsule');
  const notAllergies = {
    refuted: penicillinAllergy({ verification: 'refuted' }),
    'entered in error': penicillinAllergy({ verification: 'entered-in-error' }),
    inactive: penicillinAllergy({ clinical: 'inactive' }),
    resolved: penicillinAllergy({ clinical: 'resolved' }),
  };
  for (const [name, allergy] of Object.entries(notAllergies)) {
    it(`${name}: no card in either direction`, () => {
      assert.deepEqual(checkMedication({ medication: amoxicillin, allergies: [allergy] }), []);
      assert.deepEqual(checkAllergy({ allergy, medications: [amoxicillin] }), []);
    });
  }

  it('an unconfirmed allergy is matched, and the detail says it is unconfirmed', () => {
    const cards = checkMedication({
      medication: amoxicillin,
      allergies: [penicillinAllergy({ verification: 'unconfirmed' })],
    });
    assert.equal(cards[0]!.indicator, 'critical');
    assert.match(cards[0]!.detail!, /The allergy is not confirmed\./);
  });

  it('NKA and NKDA (SNOMED 716186003, 409137002) are never a match, alone or beside an allergy', () => {
    const nka = snomedAllergy('716186003', 'No known allergy');
    const nkda = snomedAllergy('409137002', 'No known drug allergy');
    const typed = { ...nka, code: { text: 'NKDA' } };
    for (const assertion of [nka, nkda, typed]) {
      assert.deepEqual(checkMedication({ medication: amoxicillin, allergies: [assertion] }), []);
      assert.deepEqual(checkAllergy({ allergy: assertion, medications: [amoxicillin] }), []);
    }
    // A real allergy recorded beside an assertion of none: the allergy is matched, the assertion is not.
    const cards = checkMedication({
      medication: amoxicillin,
      allergies: [nka, nkda, penicillinAllergy()],
    });
    assert.deepEqual(summaries(cards), [
      'critical: Amoxicillin: patient is allergic to penicillin V (penicillin class)',
    ]);
  });
});
