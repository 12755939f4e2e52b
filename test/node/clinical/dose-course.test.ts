import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatDosage, formatDosages } from '../../../clinical/index.js';
import type { Dosage } from '../../../model/index.js';

// Course length (Timing.repeat.boundsDuration) and infusion time
// (Timing.repeat.duration) are part of the medication line.

const UCUM = 'http://unitsofmeasure.org';
const mg = (value: number) => ({ doseAndRate: [{ doseQuantity: { value, unit: 'mg', system: UCUM, code: 'mg' } }] });
const oral = { coding: [{ system: 'http://snomed.info/sct', code: '26643006' }] };
const iv = { coding: [{ system: 'http://snomed.info/sct', code: '47625008' }] };

describe('medication line: course length and infusion time', () => {
  it('says how long a course lasts', () => {
    const dosage: Dosage = {
      ...mg(500), route: oral,
      timing: { repeat: { frequency: 3, period: 1, periodUnit: 'd', boundsDuration: { value: 7, unit: 'days', system: UCUM, code: 'd' } } },
    };
    assert.equal(formatDosage(dosage), '500 mg orally three times daily for 7 days');
  });

  it('says how long each infusion takes', () => {
    const dosage: Dosage = { ...mg(1000), route: iv, timing: { repeat: { frequency: 1, period: 12, periodUnit: 'h', duration: 60, durationUnit: 'min' } } };
    assert.equal(formatDosage(dosage), '1,000 mg intravenously every 12 hours over 60 minutes');
  });

  it('says how long each step of a reducing course lasts', () => {
    const step = (sequence: number, dose: number, days: number): Dosage => ({
      sequence, ...mg(dose), route: oral,
      timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd', boundsDuration: { value: days, system: UCUM, code: 'd' } } },
    });
    const line = formatDosages([step(1, 40, 3), step(2, 20, 1)]);
    assert.match(line, /40 mg orally once daily for 3 days/);
    assert.match(line, /20 mg orally once daily for 1 day\b/);
  });
});
