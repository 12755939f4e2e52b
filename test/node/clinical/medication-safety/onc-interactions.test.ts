import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkMedication } from '../../../../clinical/index.js';
import { ONC_HIGH_PRIORITY_INTERACTIONS } from '../../../../clinical/data/onc-high-priority-interactions.js';
import { rx, rxName, summaries } from './builders.js';

// Each of the 15 ONC high-priority pairs (Phansalkar et al., JAMIA 2012),
// by at least one ingredient pair, in both orders.

const PAIRS: Array<[number, string, string, string, string]> = [
  [
    1,
    'Dextroamphetamine 10 MG Oral Tablet',
    'Phenelzine 15 MG Oral Tablet',
    'Dextroamphetamine',
    'phenelzine',
  ],
  [
    2,
    'Atazanavir 300 MG Oral Capsule',
    'Omeprazole 20 MG Delayed Release Oral Capsule',
    'Atazanavir',
    'omeprazole',
  ],
  [
    3,
    'Febuxostat 40 MG Oral Tablet',
    'Azathioprine 50 MG Oral Tablet',
    'Febuxostat',
    'azathioprine',
  ],
  [
    4,
    'Sertraline 100 MG Oral Tablet',
    'Tranylcypromine 10 MG Oral Tablet',
    'Sertraline',
    'tranylcypromine',
  ],
  [
    5,
    'Irinotecan hydrochloride 20 MG/ML Injectable Solution',
    'Ketoconazole 200 MG Oral Tablet',
    'Irinotecan',
    'ketoconazole',
  ],
  [
    6,
    'Meperidine Hydrochloride 50 MG Oral Tablet',
    'Selegiline Hydrochloride 5 MG Oral Capsule',
    'Meperidine',
    'selegiline',
  ],
  [
    7,
    'Amitriptyline Hydrochloride 25 MG Oral Tablet',
    'Isocarboxazid 10 MG Oral Tablet',
    'Amitriptyline',
    'isocarboxazid',
  ],
  [
    8,
    'Amiodarone hydrochloride 200 MG Oral Tablet',
    'Sotalol Hydrochloride 80 MG Oral Tablet',
    'Amiodarone',
    'sotalol',
  ],
  [
    9,
    'Ramelteon 8 MG Oral Tablet',
    'Fluvoxamine maleate 50 MG Oral Tablet',
    'Ramelteon',
    'fluvoxamine',
  ],
  [10, 'Rifampin 300 MG Oral Capsule', 'Darunavir 800 MG Oral Tablet', 'Rifampin', 'darunavir'],
  [
    11,
    'Simvastatin 20 MG Oral Tablet',
    'Clarithromycin 500 MG Oral Tablet',
    'Simvastatin',
    'clarithromycin',
  ],
  [
    12,
    'Ergotamine tartrate 1 MG Oral Tablet',
    'Ritonavir 100 MG Oral Tablet',
    'Ergotamine',
    'ritonavir',
  ],
  [
    13,
    'Tizanidine 4 MG Oral Tablet',
    'Ciprofloxacin 500 MG Oral Tablet',
    'Tizanidine',
    'ciprofloxacin',
  ],
  [
    14,
    'Tranylcypromine 10 MG Oral Tablet',
    'Procarbazine 50 MG Oral Capsule',
    'Tranylcypromine',
    'procarbazine',
  ],
  [
    15,
    'Sumatriptan 50 MG Oral Tablet',
    'Phenelzine 15 MG Oral Tablet',
    'Sumatriptan',
    'phenelzine',
  ],
];

describe('ONC high-priority drug–drug interactions: the 15 pairs', () => {
  it('the data holds the 15 pairs, numbered 1 to 15', () => {
    assert.deepEqual(
      ONC_HIGH_PRIORITY_INTERACTIONS.map((p) => p.number),
      Array.from({ length: 15 }, (_, i) => i + 1),
    );
  });

  for (const [number, drug, other, name, otherName] of PAIRS) {
    it(`pair ${number}: ${name} with ${otherName}`, () => {
      const cards = checkMedication({ medication: rxName(drug), medications: [rxName(other)] });
      const critical = cards.filter((c) => c.source.topic?.code === 'onc-interaction');
      assert.equal(critical.length, 1, summaries(cards).join('\n'));
      assert.equal(critical[0]!.indicator, 'critical');
      assert.equal(critical[0]!.summary, `${name} with ${otherName}: contraindicated combination`);
      assert.match(
        critical[0]!.detail!,
        new RegExp(`^Pair ${number} of the ONC high-priority list`),
      );
      assert.equal(critical[0]!.source.url, 'https://doi.org/10.1136/amiajnl-2011-000612');
      assert.ok(critical[0]!.overrideReasons?.length);
      // The other way round: the same pair.
      const back = checkMedication({ medication: rxName(other), medications: [rxName(drug)] });
      assert.equal(back.filter((c) => c.source.topic?.code === 'onc-interaction').length, 1);
    });
  }

  it('a drug on the QT list is not its own interaction (two amiodarone products are a duplicate only)', () => {
    const cards = checkMedication({
      medication: rxName('Amiodarone hydrochloride 200 MG Oral Tablet'),
      medications: [rx('834357', '3 ML Amiodarone hydrocholoride 50 MG/ML Prefilled Syringe')],
    });
    assert.deepEqual(summaries(cards), [
      'warning: Amiodarone twice: also in 3 ML Amiodarone hydrocholoride 50 MG/ML Prefilled Syringe',
    ]);
  });

  it('a stopped medication does not interact', () => {
    const stopped = rx('312961', 'Simvastatin 20 MG Oral Tablet', { status: 'stopped' });
    const cards = checkMedication({
      medication: rxName('Clarithromycin 500 MG Oral Tablet'),
      medications: [stopped],
    });
    assert.deepEqual(cards, []);
  });

  it('pravastatin is not on the list: no card with clarithromycin', () => {
    const cards = checkMedication({
      medication: rxName('Clarithromycin 500 MG Oral Tablet'),
      medications: [rxName('Pravastatin Sodium 40 MG Oral Tablet')],
    });
    assert.deepEqual(cards, []);
  });
});
