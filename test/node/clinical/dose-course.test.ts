import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatDosage, formatDosages } from '../../../clinical/index.js';
import type { Dosage } from '../../../model/index.js';

// Course length (Timing.repeat.boundsDuration), course dates
// (Timing.repeat.boundsPeriod) and infusion time
// (Timing.repeat.duration) are part of the medication line.

const UCUM = 'http://unitsofmeasure.org';
const mg = (value: number) => ({
  doseAndRate: [{ doseQuantity: { value, unit: 'mg', system: UCUM, code: 'mg' } }],
});
const oral = { coding: [{ system: 'http://snomed.info/sct', code: '26643006' }] };
const iv = { coding: [{ system: 'http://snomed.info/sct', code: '47625008' }] };

describe('medication line: course length and infusion time', () => {
  it('says how long a course lasts', () => {
    const dosage: Dosage = {
      ...mg(500),
      route: oral,
      timing: {
        repeat: {
          frequency: 3,
          period: 1,
          periodUnit: 'd',
          boundsDuration: { value: 7, unit: 'days', system: UCUM, code: 'd' },
        },
      },
    };
    assert.equal(formatDosage(dosage), '500 mg orally three times daily for 7 days');
  });

  it('says how long each infusion takes', () => {
    const dosage: Dosage = {
      ...mg(1000),
      route: iv,
      timing: {
        repeat: { frequency: 1, period: 12, periodUnit: 'h', duration: 60, durationUnit: 'min' },
      },
    };
    assert.equal(formatDosage(dosage), '1,000 mg intravenously every 12 hours over 60 minutes');
  });

  it('says how long each step of a reducing course lasts', () => {
    const step = (sequence: number, dose: number, days: number): Dosage => ({
      sequence,
      ...mg(dose),
      route: oral,
      timing: {
        repeat: {
          frequency: 1,
          period: 1,
          periodUnit: 'd',
          boundsDuration: { value: days, system: UCUM, code: 'd' },
        },
      },
    });
    const line = formatDosages([step(1, 40, 3), step(2, 20, 1)]);
    assert.match(line, /40 mg orally once daily for 3 days/);
    assert.match(line, /20 mg orally once daily for 1 day\b/);
  });
});

describe('medication line: a course given as dates (boundsPeriod)', () => {
  const tds = (boundsPeriod: { start?: string; end?: string }): Dosage => ({
    ...mg(500),
    route: oral,
    timing: { repeat: { frequency: 3, period: 1, periodUnit: 'd', boundsPeriod } },
  });

  it('says both dates, the end day included (FHIR: the end includes any matching date)', () => {
    assert.equal(
      formatDosage(tds({ start: '2024-03-03', end: '2024-03-10' })),
      '500 mg orally three times daily from 3 Mar 2024 to 10 Mar 2024 inclusive',
    );
  });

  it('says the start alone, or the end alone', () => {
    assert.equal(
      formatDosage(tds({ start: '2024-03-03' })),
      '500 mg orally three times daily from 3 Mar 2024',
    );
    assert.equal(
      formatDosage(tds({ end: '2024-03-10' })),
      '500 mg orally three times daily up to and including 10 Mar 2024',
    );
  });

  it('a time of day is kept as written, and then the end is a moment, not a whole day', () => {
    assert.equal(
      formatDosage(tds({ start: '2024-03-03T08:00:00+00:00', end: '2024-03-10T08:00:00+00:00' })),
      '500 mg orally three times daily from 3 Mar 2024 08:00 to 10 Mar 2024 08:00',
    );
    assert.equal(
      formatDosage(tds({ end: '2024-03-10T20:30:00+01:00' })),
      '500 mg orally three times daily until 10 Mar 2024 20:30',
    );
  });

  it('one day, and partial dates, as far as they go', () => {
    assert.equal(
      formatDosage(tds({ start: '2024-03-03', end: '2024-03-03' })),
      '500 mg orally three times daily on 3 Mar 2024 only',
    );
    assert.equal(
      formatDosage(tds({ start: '2024-03', end: '2024-04' })),
      '500 mg orally three times daily from Mar 2024 to Apr 2024 inclusive',
    );
  });

  it('says the dates of each step of a reducing course', () => {
    const step = (sequence: number, dose: number, start: string, end: string): Dosage => ({
      sequence,
      ...mg(dose),
      route: oral,
      timing: {
        repeat: { frequency: 1, period: 1, periodUnit: 'd', boundsPeriod: { start, end } },
      },
    });
    assert.equal(
      formatDosages([
        step(1, 40, '2024-03-01', '2024-03-03'),
        step(2, 20, '2024-03-04', '2024-03-06'),
      ]),
      '40 mg orally once daily from 1 Mar 2024 to 3 Mar 2024 inclusive, then 20 mg orally once daily from 4 Mar 2024 to 6 Mar 2024 inclusive',
    );
  });
});
