import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatDosage, formatQuantity, formatRange, timingWords } from '../../../clinical/index.js';
import type { Dosage, Quantity } from '../../../model/index.js';

// One plural rule on every path of a medication line: the singular for
// exactly one, the plural for any other amount ("1 unit", "0.5 units",
// "2 units per hour", "80 units/kg"), never "1 units", "2 unit",
// "every 1 hours" or "in day".

const UCUM = 'http://unitsofmeasure.org';
const q = (value: number, code?: string, unit?: string) => ({
  value,
  ...(code && { system: UCUM, code }),
  ...(unit && { unit }),
});
const line = (dosage: Dosage) => formatDosage(dosage);
const BAD =
  /\b1 (units|tablets|hours|days|minutes|doses)\b|\b(?!1\b)[\d.,]+ (unit|tablet|hour|day|minute)\b|\bin (hour|day|week)\b/;

describe('plurals in compound units and rates', () => {
  it('a compound unit takes the plural of its first unit: "80 units/kg", "1 unit/kg"', () => {
    assert.equal(formatQuantity(q(80, 'U/kg')), '80 units/kg');
    assert.equal(formatQuantity(q(80, '[iU]/kg')), '80 units/kg');
    assert.equal(formatQuantity(q(1, 'U/kg')), '1 unit/kg');
    assert.equal(formatQuantity(q(2, undefined, 'IU/kg')), '2 units/kg');
    assert.equal(formatQuantity(q(2, 'ng/kg/min')), '2 nanograms/kg per minute');
    assert.equal(formatQuantity(q(2, '{tbl}/d')), '2 tablets per day');
    assert.equal(formatQuantity(q(2, undefined, 'units/hour')), '2 units per hour');
  });

  it('a rate as a quantity, a range or a ratio: "2 units per hour", "1 unit per hour"', () => {
    assert.equal(line({ doseAndRate: [{ rateQuantity: q(2, 'U/h') }] }), 'at 2 units per hour');
    assert.equal(line({ doseAndRate: [{ rateQuantity: q(1, 'U/h') }] }), 'at 1 unit per hour');
    assert.equal(line({ doseAndRate: [{ rateQuantity: q(0.5, 'U/h') }] }), 'at 0.5 units per hour');
    assert.equal(line({ doseAndRate: [{ rateQuantity: q(0.5, 'mL/h') }] }), 'at 0.5 mL per hour');
    assert.equal(
      line({ doseAndRate: [{ rateRange: { low: q(1, 'U/h'), high: q(3, 'U/h') } }] }),
      'at 1 to 3 units per hour',
    );
    const ratio = (numerator: Quantity, denominator: Quantity): Dosage => ({
      doseAndRate: [{ rateRatio: { numerator, denominator } }],
    });
    assert.equal(line(ratio(q(2, 'U'), q(1, 'h'))), 'at 2 units per hour');
    assert.equal(line(ratio(q(1, 'U'), q(1, 'h'))), 'at 1 unit per hour');
    assert.equal(line(ratio(q(5, 'mL'), q(30, 'min'))), 'at 5 mL per 30 minutes');
    assert.equal(
      line(ratio(q(100, 'mL'), { value: 1, unit: 'hour' })),
      'at 100 mL per hour',
      'a time unit sent as a word',
    );
    assert.equal(line(ratio(q(2, 'U'), { value: 1, unit: 'hours' })), 'at 2 units per hour');
  });

  it('a maximum over one unit of time says "per", never "in day"', () => {
    const tablet: Dosage = { doseAndRate: [{ doseQuantity: q(1, '{tbl}') }] };
    assert.equal(
      line({ ...tablet, maxDosePerPeriod: { numerator: q(4, '{tbl}'), denominator: q(1, 'd') } }),
      '1 tablet (maximum 4 tablets per day)',
    );
    assert.equal(
      line({
        ...tablet,
        maxDosePerPeriod: { numerator: q(1, '{tbl}'), denominator: { value: 1, unit: 'days' } },
      }),
      '1 tablet (maximum 1 tablet per day)',
    );
    assert.equal(
      line({
        ...tablet,
        maxDosePerPeriod: { numerator: q(8, '{tbl}'), denominator: { value: 24, unit: 'hours' } },
      }),
      '1 tablet (maximum 8 tablets in 24 hours)',
    );
  });
});

describe('plurals for amounts that are not whole', () => {
  it('any amount but one takes the plural: "0.5 units", "0.5 tablets", "1.5 tablets"', () => {
    assert.equal(formatQuantity(q(0.5, 'U')), '0.5 units');
    assert.equal(formatQuantity(q(0.5, '{tbl}')), '0.5 tablets');
    assert.equal(formatQuantity(q(1.5, '{tbl}')), '1.5 tablets');
    assert.equal(formatQuantity(q(1, '{tbl}')), '1 tablet');
    assert.equal(formatQuantity(q(0.1 * 3 + 0.7, '{tbl}')), '1 tablet', 'one as printed');
  });

  it('a range agrees with the number next to its unit; the same both ends is one amount', () => {
    assert.equal(formatRange({ low: q(1, '{tbl}'), high: q(2, '{tbl}') }), '1 to 2 tablets');
    assert.equal(formatRange({ low: q(0.5, '{tbl}'), high: q(1, '{tbl}') }), '0.5 to 1 tablet');
    assert.equal(formatRange({ low: q(1, '{tbl}'), high: q(1, '{tbl}') }), '1 tablet');
    assert.equal(formatRange({ low: q(40, 'U/kg'), high: q(80, 'U/kg') }), '40 to 80 units/kg');
  });

  it('times: "every 0.5 hours", "over 0.5 hours", "for 0.5 days", "1 minute before meals"', () => {
    assert.equal(
      timingWords({ repeat: { frequency: 1, period: 0.5, periodUnit: 'h' } }),
      'every 0.5 hours',
    );
    assert.equal(
      timingWords({ repeat: { frequency: 1, period: 1.5, periodUnit: 'h' } }),
      'every 1.5 hours',
    );
    assert.equal(timingWords({ repeat: { duration: 0.5, durationUnit: 'h' } }), 'over 0.5 hours');
    assert.equal(timingWords({ repeat: { duration: 1, durationUnit: 'h' } }), 'over 1 hour');
    assert.equal(
      timingWords({ repeat: { boundsDuration: { value: 0.5, system: UCUM, code: 'd' } } }),
      'for 0.5 days',
    );
    assert.equal(timingWords({ repeat: { when: ['AC'], offset: 1 } }), '1 minute before meals');
    assert.equal(timingWords({ repeat: { when: ['AC'], offset: 30 } }), '30 minutes before meals');
  });

  it('a course length sent with its unit in words is not dropped: "for 7 days", "for 1 day"', () => {
    assert.equal(
      timingWords({
        repeat: {
          frequency: 1,
          period: 1,
          periodUnit: 'd',
          boundsDuration: { value: 7, unit: 'days' },
        },
      }),
      'once daily for 7 days',
    );
    assert.equal(
      timingWords({
        repeat: {
          frequency: 1,
          period: 1,
          periodUnit: 'd',
          boundsDuration: { value: 1, unit: 'day' },
        },
      }),
      'once daily for 1 day',
    );
  });
});

describe('UCUM codes in dose units', () => {
  it('a code the kit has no word for is written as people write it, never with U or IU', () => {
    assert.equal(formatQuantity(q(375, 'mg/m2')), '375 mg/m²');
    assert.equal(formatQuantity(q(2, '[iU]/m2')), '2 units/m²');
    assert.equal(formatQuantity(q(1, 'mmol/kg/h')), '1 mmol/kg per hour');
    assert.equal(formatQuantity(q(3, '{bottle}')), '3 bottle', 'an annotation keeps its words');
  });

  it('no amount of 1 with a plural, no other amount with a singular, on any path', () => {
    const units = ['U', '{tbl}', 'U/kg', 'U/h', '[drp]', 'ng'];
    const times = ['s', 'min', 'h', 'd', 'wk', 'mo'] as const;
    for (const value of [0.5, 1, 1.5, 2, 1000]) {
      for (const unit of units) {
        const dose = q(value, unit);
        for (const got of [
          formatQuantity(dose),
          formatRange({ low: q(value / 2, unit), high: dose }),
          line({
            doseAndRate: [
              {
                doseQuantity: q(1, 'mg'),
                rateRatio: { numerator: dose, denominator: q(value, 'h') },
              },
            ],
          }),
          line({
            doseAndRate: [{ doseQuantity: dose }],
            maxDosePerPeriod: { numerator: dose, denominator: q(value, 'd') },
          }),
        ])
          assert.doesNotMatch(got ?? '', BAD, `${value} ${unit}: ${got}`);
      }
      for (const unit of times) {
        const got = timingWords({
          repeat: {
            frequency: 1,
            period: value,
            periodUnit: unit,
            duration: value,
            durationUnit: unit,
            boundsDuration: q(value, unit),
            when: ['PC'],
            offset: value,
          },
        });
        assert.doesNotMatch(got ?? '', BAD, `${value} ${unit}: ${got}`);
      }
    }
  });
});
