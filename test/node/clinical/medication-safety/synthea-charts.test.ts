import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkAllergy, checkMedication } from '../../../../clinical/index.js';
import type {
  AllergyIntolerance,
  FhirResource,
  MedicationRequest,
} from '../../../../model/index.js';
import { readBundle } from '../../../../model/bundle-reader.js';
import { syntheaFixture, syntheaFixtures } from '../../../support/synthea-files.js';
import { rx, rxAllergy, rxName, summaries } from './builders.js';

// The checks end to end on the Synthea charts, read as the kit reads them
// (readBundle): Fletcher Hyatt, the largest, with 122 medication requests.

function chart(text: string) {
  const result = readBundle(text);
  if (!result.ok) throw new Error(`fixture does not read: ${result.errors.length} errors`);
  const of = <T extends FhirResource>(type: T['resourceType']) =>
    result.resources.filter((r): r is T => r.resourceType === type);
  return {
    medications: of<MedicationRequest>('MedicationRequest'),
    allergies: of<AllergyIntolerance>('AllergyIntolerance'),
  };
}

describe('Fletcher Hyatt: 122 medication requests, 8 of them active', () => {
  const { medications, allergies } = chart(syntheaFixture('Fletcher_Hyatt').text);

  it('the chart is the one described', () => {
    assert.equal(medications.length, 122);
    assert.equal(medications.filter((m) => m.status === 'active').length, 8);
    assert.equal(allergies.length, 0);
  });

  const lasix = 'info: No interaction or duplicate check against 1 medication: Lasix 40mg';

  it('amoxicillin: nothing to warn of, but “Lasix 40mg” could not be checked', () => {
    const cards = checkMedication({
      medication: rx('308182', 'Amoxicillin 250 MG Oral Capsule'),
      allergies,
      medications,
    });
    assert.deepEqual(summaries(cards), [lasix]);
  });

  it('clarithromycin: critical, with the active simvastatin (ONC pair 11)', () => {
    const cards = checkMedication({
      medication: rxName('Clarithromycin 500 MG Oral Tablet'),
      allergies,
      medications,
    });
    assert.deepEqual(summaries(cards), [
      'critical: Clarithromycin with simvastatin: contraindicated combination',
      lasix,
    ]);
    assert.match(cards[0]!.detail!, /Active medication: \*\*Simvistatin 10 MG\*\*/);
  });

  it('ibuprofen: a second NSAID beside the active naproxen', () => {
    const cards = checkMedication({
      medication: rx('310965', 'Ibuprofen 200 MG Oral Tablet'),
      allergies,
      medications,
    });
    assert.deepEqual(summaries(cards), [
      'warning: Ibuprofen and naproxen: two NSAIDs at once',
      lasix,
    ]);
  });

  it('furosemide tablets: the active furosemide injection is the same ingredient', () => {
    const cards = checkMedication({
      medication: rx('313988', 'Furosemide 40 MG Oral Tablet'),
      allergies,
      medications,
    });
    assert.deepEqual(summaries(cards), [
      'warning: Furosemide twice: also in 10 ML Furosemide 10 MG/ML Injection',
      lasix,
    ]);
  });

  it('a new aspirin allergy finds the active naproxen; a penicillin allergy finds nothing active', () => {
    assert.deepEqual(
      summaries(checkAllergy({ allergy: rxAllergy('1191', 'Aspirin'), medications })),
      [
        'critical: Naproxen: patient is allergic to aspirin (NSAID class)',
        'info: No allergy check of 1 active medication: Lasix 40mg',
      ],
    );
    assert.deepEqual(
      summaries(checkAllergy({ allergy: rxAllergy('7984', 'Penicillin V'), medications })),
      ['info: No allergy check of 1 active medication: Lasix 40mg'],
    );
  });

  it('the 114 stopped requests (36 cisplatin, 32 simvastatin …) are never compared', () => {
    const cards = checkMedication({
      medication: rx('1736854', 'Cisplatin 50 MG Injection'),
      allergies,
      medications,
    });
    assert.deepEqual(summaries(cards), [lasix]);
  });
});

describe('every Synthea chart: its recorded allergies are all read', () => {
  for (const fixture of syntheaFixtures()) {
    it(`${fixture.name}: food and environmental allergies give no card against amoxicillin`, () => {
      const { allergies } = chart(fixture.text);
      const cards = checkMedication({
        medication: rx('308182', 'Amoxicillin 250 MG Oral Capsule'),
        allergies,
      });
      assert.deepEqual(cards, []);
      for (const allergy of allergies) {
        assert.deepEqual(checkAllergy({ allergy, medications: [] }), []);
      }
    });
  }
});
