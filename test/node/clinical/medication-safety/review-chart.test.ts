import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { reviewChart } from '../../../../clinical/index.js';
import type { FhirResource, MedicationRequest } from '../../../../model/index.js';
import { readBundle } from '../../../../model/bundle-reader.js';
import { syntheaFixture } from '../../../support/synthea-files.js';
import { rxAllergy, rxName, summaries } from './builders.js';

// The chart as it stands (patient-view): each finding among the current
// medications once, warnings and critical only.

const fletcher = (() => {
  const result = readBundle(syntheaFixture('Fletcher_Hyatt').text);
  if (!result.ok) throw new Error('Fletcher Hyatt does not read');
  return result.resources.filter(
    (r: FhirResource): r is MedicationRequest => r.resourceType === 'MedicationRequest',
  );
})();

describe('reviewChart', () => {
  it('Fletcher Hyatt as recorded: nothing to warn of (what cannot be checked is not repeated on opening)', () => {
    assert.deepEqual(reviewChart({ medications: fletcher }), []);
  });

  it('an aspirin allergy recorded since the naproxen was ordered: critical, once', () => {
    assert.deepEqual(
      summaries(reviewChart({ medications: fletcher, allergies: [rxAllergy('1191', 'Aspirin')] })),
      ['critical: Naproxen: patient is allergic to aspirin (NSAID class)'],
    );
  });

  it('clarithromycin ordered beside the simvastatin: the pair once, whichever came first', () => {
    const clarithromycin = rxName('Clarithromycin 500 MG Oral Tablet');
    for (const medications of [
      [...fletcher, clarithromycin],
      [clarithromycin, ...fletcher],
    ])
      assert.deepEqual(
        summaries(reviewChart({ medications })).filter((s) => s.startsWith('critical')),
        [
          medications[0] === clarithromycin
            ? 'critical: Simvastatin with clarithromycin: contraindicated combination'
            : 'critical: Clarithromycin with simvastatin: contraindicated combination',
        ],
      );
  });
});
