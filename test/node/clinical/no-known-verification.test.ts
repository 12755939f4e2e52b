import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  allergyStatus,
  noKnownRecordConfirmed,
  type AllergyValue,
} from '../../../clinical/index.js';
import { ALLERGY_VERIFICATION } from '../../../model/index.js';
import { allergy, noKnownAllergy, noKnownDrugAllergy, record } from './helpers.js';

// A "no known allergies" assertion is shown as confirmed only when its
// verification status is confirmed. Unknown must never look like none.

describe('"no known allergies": each verification status', () => {
  it('confirmed: "No known allergies", confirmed', () => {
    const status = allergyStatus([record('nka', noKnownAllergy({ verification: 'confirmed' }))]);
    assert.equal(status.label, 'No known allergies');
    assert.equal(status.summary.text, 'No known allergies');
    assert.equal(status.noKnownConfirmed, true);
  });

  it('unconfirmed, absent or presumed: says "unconfirmed", in the label and the compact summary', () => {
    const presumed = noKnownAllergy({
      verification: null,
      verificationStatus: { coding: [{ system: ALLERGY_VERIFICATION, code: 'presumed' }] },
    });
    for (const [name, nka] of [
      ['unconfirmed', noKnownAllergy({ verification: 'unconfirmed' })],
      ['absent', noKnownAllergy({ verification: null })],
      ['presumed', presumed],
    ] as const) {
      const status = allergyStatus([record('nka', nka)]);
      assert.equal(status.state, 'no-known-allergies', name);
      assert.equal(status.label, 'No known allergies — unconfirmed', name);
      assert.equal(status.summary.text, 'No known allergies — unconfirmed', name);
      assert.equal(status.noKnownConfirmed, false, name);
    }
  });

  it('refuted or entered in error: no assertion at all ("Allergies not recorded")', () => {
    for (const verification of ['refuted', 'entered-in-error'] as const) {
      const status = allergyStatus([record('nka', noKnownAllergy({ verification }))]);
      assert.equal(status.state, 'not-recorded', verification);
      assert.equal(status.noKnownConfirmed, false, verification);
    }
  });

  it('scoped assertions say it too, and a confirmed general one covers an unconfirmed scoped one', () => {
    assert.equal(
      allergyStatus([record('nkda', noKnownDrugAllergy({ verification: 'unconfirmed' }))]).label,
      'No known drug allergies — unconfirmed',
    );
    const mixed = allergyStatus([
      record('nkda', noKnownDrugAllergy({ verification: 'unconfirmed' })),
      record('nka', noKnownAllergy()),
    ]);
    assert.equal(mixed.label, 'No known allergies');
    const partly = allergyStatus([
      record('nkda', noKnownDrugAllergy()),
      record('nkfa', allergy({ snomed: '429625007', verification: 'unconfirmed' })),
    ]);
    assert.equal(partly.label, 'No known drug or food allergies — unconfirmed');
  });

  it('two heads in conflict, one confirmed and one not: not confirmed', () => {
    const status = allergyStatus([
      record('nka', noKnownAllergy(), noKnownAllergy({ verification: 'unconfirmed' })),
    ]);
    assert.equal(status.noKnownConfirmed, false);
    assert.equal(status.label, 'No known allergies — unconfirmed');
  });
});

describe('a "no known allergies" record with several heads (conflict rows)', () => {
  const head = (
    kind: AllergyValue['kind'],
    verification: AllergyValue['verification'],
  ): AllergyValue => ({
    revisionId: `r-${kind}-${verification}`,
    author: 'Dr A',
    at: '2024-01-10T09:00:00Z',
    kind,
    label: 'No known allergy',
    categories: [],
    reactions: [],
    verification,
    noKnownScope: 'all',
  });

  it('is confirmed only when every head asserts it, current and confirmed', () => {
    assert.equal(
      noKnownRecordConfirmed({
        values: [head('no-known', 'confirmed'), head('no-known', 'confirmed')],
      }),
      true,
    );
    assert.equal(
      noKnownRecordConfirmed({
        values: [head('no-known', 'confirmed'), head('no-known', 'unconfirmed')],
      }),
      false,
    );
    assert.equal(
      noKnownRecordConfirmed({
        values: [head('no-known', 'confirmed'), head('no-known-retired', 'unconfirmed')],
      }),
      false,
      'one head refutes it',
    );
    assert.equal(
      noKnownRecordConfirmed({
        values: [head('no-known', 'confirmed'), head('no-known-retired', 'confirmed')],
      }),
      false,
      'one head ends it',
    );
  });
});
