import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ageInYearsAt, isAdultAt } from '../../../clinical/index.js';
import type { Patient } from '../../../model/index.js';

const born = (birthDate?: string): Patient => ({
  resourceType: 'Patient',
  id: 'p1',
  ...(birthDate && { birthDate }),
});

describe('age, and when adult ranges and NEWS2 apply', () => {
  it('counts whole years, turning on the birthday', () => {
    assert.equal(ageInYearsAt('2008-05-22', '2024-05-21T23:59:00Z'), 15);
    assert.equal(ageInYearsAt('2008-05-22', '2024-05-22T00:00:00Z'), 16);
    assert.equal(ageInYearsAt('2018-05-22', '2020-10-28T00:46:00Z'), 2);
    assert.equal(ageInYearsAt('2008-02-29', '2024-02-28'), 15, 'a leap-day birthday');
    assert.equal(ageInYearsAt('2008-02-29', '2024-02-29'), 16);
  });

  it('never overstates an age from a partial date', () => {
    assert.equal(
      ageInYearsAt('2008', '2024-06-30'),
      15,
      'born any day of 2008: perhaps not 16 yet',
    );
    assert.equal(ageInYearsAt('2008', '2025-01-01'), 16);
    assert.equal(ageInYearsAt('2008-05', '2024-05-30'), 15);
    assert.equal(ageInYearsAt('2008-05', '2024-05-31'), 16);
    assert.equal(
      ageInYearsAt('2008-05-22', '2024-05'),
      15,
      'a time known to the month counts from its first day',
    );
    assert.equal(ageInYearsAt('not a date', '2024-05-01'), undefined);
  });

  it('applies adult ranges from the 16th birthday, and when the birth date is not known', () => {
    assert.equal(isAdultAt(born('2008-05-22'), '2024-05-21T12:00:00Z'), false);
    assert.equal(isAdultAt(born('2008-05-22'), '2024-05-22T12:00:00Z'), true);
    assert.equal(isAdultAt(born(), '2024-05-22'), true, 'no birth date');
    assert.equal(isAdultAt(undefined, '2024-05-22'), true, 'no patient record');
  });
});
