import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  timingMessages,
  formatDosage,
  formatDosages,
  formatNumber,
  formatQuantity,
  formatRange,
  medicationLine,
  roundHalfUp,
  timingWords,
} from '../../../clinical/index.js';
import type { Dosage, MedicationRequest, MedicationStatement } from '../../../model/index.js';

// Worked examples for the NHS CUI Medication Line rules and the ISMP List of
// Error-Prone Abbreviations, Symbols, and Dose Designations.

const UCUM = 'http://unitsofmeasure.org';
const q = (value: number, code?: string, unit?: string) => ({
  value,
  ...(code && { system: UCUM, code }),
  ...(unit && { unit }),
});

describe('numbers (MEDi-015..017; ISMP dose designations)', () => {
  it('no trailing zero: "1 mg", never "1.0 mg" (ISMP: read as 10 mg)', () => {
    assert.equal(formatNumber(1.0), '1');
    assert.equal(formatNumber(5.0), '5');
    assert.equal(formatNumber(2.5), '2.5');
    assert.equal(formatQuantity(q(1.0, 'mg')), '1 mg');
  });

  it('a leading zero: "0.5 mg", never ".5 mg" (ISMP: read as 5 mg)', () => {
    assert.equal(formatNumber(0.5), '0.5');
    assert.equal(formatNumber(0.125), '0.125');
    assert.equal(formatQuantity(q(0.5, 'mg')), '0.5 mg');
  });

  it('commas from one thousand: "1,000 units", "10,000 units", "100,000 units" (ISMP: 100000 misread as 10000)', () => {
    assert.equal(formatNumber(999), '999');
    assert.equal(formatNumber(1000), '1,000');
    assert.equal(formatNumber(10000), '10,000');
    assert.equal(formatNumber(100000), '100,000');
    assert.equal(formatNumber(1234567.5), '1,234,567.5');
    assert.equal(formatQuantity(q(5000, '[iU]')), '5,000 units');
  });

  it('no floating-point noise: 0.1 + 0.2 is "0.3"', () => {
    assert.equal(formatNumber(0.1 + 0.2), '0.3');
    assert.equal(formatNumber(1.1 * 3), '3.3');
    assert.equal(formatNumber(0.07 * 100), '7');
  });

  it('very small and very large numbers without exponents', () => {
    assert.equal(formatNumber(1e-7), '0.0000001');
    assert.equal(formatNumber(2.5e-6), '0.0000025');
    assert.equal(formatNumber(1e21), '1,000,000,000,000,000,000,000');
    assert.equal(formatNumber(-0), '0');
    assert.equal(formatNumber(-1500), '-1,500');
  });

  it('rounding is half away from zero by decimal digits (36.05 → 36.1), with fixed places on request', () => {
    assert.equal(roundHalfUp(36.05, 1), 36.1);
    assert.equal(roundHalfUp(1.005, 2), 1.01);
    assert.equal(roundHalfUp(-2.5, 0), -3);
    assert.equal(formatNumber(37, { decimals: 1, fixed: true }), '37.0');
    assert.equal(formatNumber(37.25, { decimals: 1 }), '37.3');
  });
});

describe('units (ISMP error-prone abbreviations)', () => {
  it('"units", never "U" or "IU"', () => {
    for (const unit of ['U', 'u', 'IU', '[iU]', '[IU]', 'units', '{units}']) {
      assert.equal(formatQuantity(q(10, unit)), '10 units', unit);
    }
    assert.equal(formatQuantity(q(1, 'U')), '1 unit');
    assert.equal(
      formatQuantity(q(10, undefined, 'IU')),
      '10 units',
      'from the unit text when there is no code',
    );
  });

  it('"mcg", never "µg" or "ug"', () => {
    for (const unit of ['ug', 'µg', 'μg', 'mcg'])
      assert.equal(formatQuantity(q(62.5, unit)), '62.5 mcg', unit);
  });

  it('"mL", never "cc" or "ml"; "L" for litres', () => {
    for (const unit of ['mL', 'ml', 'cc']) assert.equal(formatQuantity(q(5, unit)), '5 mL', unit);
    assert.equal(formatQuantity(q(1, 'L')), '1 L');
  });

  it('nanograms in full: "ng" reads as "mg"', () => {
    assert.equal(formatQuantity(q(50, 'ng')), '50 nanograms');
  });

  it('a space between number and unit; other UCUM units as clinicians write them', () => {
    assert.equal(formatQuantity(q(500, 'mg')), '500 mg');
    assert.equal(formatQuantity(q(1, 'g')), '1 g');
    assert.equal(formatQuantity(q(20, 'mmol')), '20 mmol');
    assert.equal(formatQuantity(q(5, 'mg/kg')), '5 mg/kg');
    assert.equal(formatQuantity(q(40, 'mL/h')), '40 mL per hour');
    assert.equal(formatQuantity(q(0.1, 'ug/kg/min')), '0.1 mcg/kg per minute');
  });

  it('countable forms take a plural: "1 tablet", "2 tablets"', () => {
    assert.equal(formatQuantity(q(1, '{tbl}')), '1 tablet');
    assert.equal(formatQuantity(q(2, '{tbl}')), '2 tablets');
    assert.equal(
      formatQuantity(q(0.5, '{tbl}')),
      '0.5 tablets',
      'any amount but one takes the plural',
    );
    assert.equal(formatQuantity(q(1.5, '{tbl}')), '1.5 tablets');
    assert.equal(formatQuantity(q(1, '{puff}')), '1 puff');
    assert.equal(formatQuantity(q(2, undefined, 'puffs')), '2 puffs');
    assert.equal(formatQuantity(q(2, '{capsule}')), '2 capsules');
    assert.equal(formatQuantity(q(1, undefined, 'Tablet')), '1 tablet');
    assert.equal(formatQuantity(q(2, '{patch}')), '2 patches');
    assert.equal(formatQuantity(q(2, undefined, 'suppositories')), '2 suppositories');
  });

  it('an unknown unit is kept as sent, never dropped', () => {
    assert.equal(formatQuantity(q(3, undefined, 'scoops')), '3 scoops');
    assert.equal(formatQuantity(q(3, '{bottle}')), '3 bottle');
  });

  it('comparators in words, not symbols (ISMP: "<" is read as "L" or "4")', () => {
    assert.equal(
      formatQuantity({ value: 1, comparator: '<', code: 'mg', system: UCUM }),
      'less than 1 mg',
    );
  });

  it('ranges: "1 to 2 tablets"; "500 mg to 1 g" when the units differ; open ranges in words', () => {
    assert.equal(formatRange({ low: q(1, '{tbl}'), high: q(2, '{tbl}') }), '1 to 2 tablets');
    assert.equal(formatRange({ low: q(500, 'mg'), high: q(1, 'g') }), '500 mg to 1 g');
    assert.equal(formatRange({ high: q(2, '{puff}') }), 'up to 2 puffs');
    assert.equal(formatRange({ low: q(1, 'mg') }), 'at least 1 mg');
    assert.equal(formatRange({}), undefined);
  });
});

describe('timing in words ("daily" not QD/od; "every other day" not QOD)', () => {
  const repeat = (r: NonNullable<NonNullable<Dosage['timing']>['repeat']>) =>
    timingWords({ repeat: r });

  it('times a day', () => {
    assert.equal(repeat({ frequency: 1, period: 1, periodUnit: 'd' }), 'once daily');
    assert.equal(repeat({ frequency: 2, period: 1, periodUnit: 'd' }), 'twice daily');
    assert.equal(repeat({ frequency: 3, period: 1, periodUnit: 'd' }), 'three times daily');
    assert.equal(repeat({ frequency: 4, period: 1, periodUnit: 'd' }), 'four times daily');
    assert.equal(repeat({ frequency: 6, period: 1, periodUnit: 'd' }), '6 times daily');
    assert.equal(
      repeat({ frequency: 1, frequencyMax: 2, period: 1, periodUnit: 'd' }),
      '1 to 2 times daily',
    );
  });

  it('intervals', () => {
    assert.equal(repeat({ frequency: 1, period: 4, periodUnit: 'h' }), 'every 4 hours');
    assert.equal(
      repeat({ frequency: 1, period: 4, periodMax: 6, periodUnit: 'h' }),
      'every 4 to 6 hours',
    );
    assert.equal(repeat({ frequency: 1, period: 1, periodUnit: 'h' }), 'every hour');
    assert.equal(repeat({ period: 30, periodUnit: 'min' }), 'every 30 minutes');
    assert.equal(repeat({ frequency: 1, period: 2, periodUnit: 'd' }), 'every other day');
    assert.equal(repeat({ frequency: 1, period: 3, periodUnit: 'd' }), 'every 3 days');
    assert.equal(repeat({ frequency: 1, period: 1, periodUnit: 'wk' }), 'once weekly');
    assert.equal(repeat({ frequency: 1, period: 2, periodUnit: 'wk' }), 'every 2 weeks');
    assert.equal(repeat({ frequency: 1, period: 1, periodUnit: 'mo' }), 'once monthly');
    assert.equal(repeat({ frequency: 2, period: 1, periodUnit: 'wk' }), 'twice weekly');
    assert.equal(repeat({ frequency: 2, period: 3, periodUnit: 'd' }), 'twice every 3 days');
  });

  it('when, time of day, days of the week, number of doses', () => {
    assert.equal(
      repeat({ frequency: 1, period: 1, periodUnit: 'd', when: ['NIGHT'] }),
      'once daily at night',
    );
    assert.equal(
      repeat({ frequency: 2, period: 1, periodUnit: 'd', when: ['MORN', 'EVE'] }),
      'twice daily in the morning and in the evening',
    );
    assert.equal(repeat({ when: ['AC'], offset: 30 }), '30 minutes before meals');
    assert.equal(repeat({ when: ['HS'] }), 'at bedtime');
    assert.equal(repeat({ timeOfDay: ['08:00:00', '20:00:00'] }), 'at 08:00 and 20:00');
    assert.equal(
      repeat({ frequency: 1, period: 1, periodUnit: 'd', dayOfWeek: ['mon', 'wed', 'fri'] }),
      'once daily on Monday, Wednesday and Friday',
    );
    assert.equal(
      repeat({ frequency: 1, period: 6, periodUnit: 'h', count: 4 }),
      'every 6 hours for 4 doses',
    );
  });

  it('Timing.code abbreviations in words, never as sent', () => {
    const code = (c: string) =>
      timingWords({
        code: {
          coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-GTSAbbreviation', code: c }],
        },
      });
    assert.equal(code('QD'), 'once daily');
    assert.equal(code('BID'), 'twice daily');
    assert.equal(code('TID'), 'three times daily');
    assert.equal(code('QID'), 'four times daily');
    assert.equal(code('QOD'), 'every other day');
    assert.equal(code('Q4H'), 'every 4 hours');
    assert.equal(
      timingWords({ code: { text: 'od' } }),
      timingMessages.withheld,
      'OD is also right eye',
    );
    assert.equal(
      timingWords({ code: { text: 'q.o.d.' } }),
      timingMessages.withheld,
      'QOD is misread as QD or QID',
    );
    assert.equal(timingWords({ code: { text: 'with breakfast' } }), 'with breakfast');
    assert.equal(timingWords(undefined), undefined);
  });
});

describe('a Dosage as a line', () => {
  const oral = {
    coding: [{ system: 'http://snomed.info/sct', code: '26643006', display: 'Oral route' }],
  };

  it('"500 mg orally twice daily"', () => {
    assert.equal(
      formatDosage({
        route: oral,
        timing: { repeat: { frequency: 2, period: 1, periodUnit: 'd' } },
        doseAndRate: [{ doseQuantity: q(500, 'mg') }],
      }),
      '500 mg orally twice daily',
    );
  });

  it('"1 puff inhaled every 4 hours as needed for wheeze"', () => {
    assert.equal(
      formatDosage({
        route: {
          coding: [
            { system: 'http://snomed.info/sct', code: '18679011000001101', display: 'Inhalation' },
          ],
        },
        timing: { repeat: { frequency: 1, period: 4, periodUnit: 'h' } },
        asNeededCodeableConcept: {
          coding: [{ system: 'http://snomed.info/sct', code: '56018004', display: 'Wheezing' }],
          text: 'wheeze',
        },
        doseAndRate: [{ doseQuantity: q(1, '{puff}') }],
      }),
      '1 puff inhaled every 4 hours as needed for wheeze',
    );
  });

  it('a range dose, as needed, with a maximum', () => {
    assert.equal(
      formatDosage({
        route: { text: 'PO' },
        timing: { repeat: { frequency: 1, period: 4, periodMax: 6, periodUnit: 'h' } },
        asNeededCodeableConcept: {
          coding: [{ system: 'http://snomed.info/sct', code: '22253000', display: 'Pain' }],
        },
        doseAndRate: [{ doseRange: { low: q(1, '{tbl}'), high: q(2, '{tbl}') } }],
        maxDosePerPeriod: {
          numerator: q(8, '{tbl}'),
          denominator: { value: 24, unit: 'h', system: UCUM, code: 'h' },
        },
      }),
      '1 to 2 tablets orally every 4 to 6 hours as needed for pain (maximum 8 tablets in 24 hours)',
    );
  });

  it('abbreviated routes are written out (ISMP: SC reads as SL, IN as IM)', () => {
    const line = (text: string) =>
      formatDosage({
        route: { text },
        doseAndRate: [{ doseQuantity: q(5000, 'U') }],
        timing: { code: { text: 'BD' } },
      });
    assert.equal(line('SC'), '5,000 units subcutaneously twice daily');
    assert.equal(line('SQ'), '5,000 units subcutaneously twice daily');
    assert.equal(line('IV'), '5,000 units intravenously twice daily');
    assert.equal(line('Intramuscular route'), '5,000 units intramuscularly twice daily');
  });

  it('as needed with no reason, extra instructions, and a rate', () => {
    assert.equal(
      formatDosage({
        asNeededBoolean: true,
        doseAndRate: [{ doseQuantity: q(10, 'mg') }],
        route: oral,
      }),
      '10 mg orally as needed',
    );
    assert.equal(
      formatDosage({
        doseAndRate: [{ doseQuantity: q(400, 'mg') }],
        route: oral,
        timing: { repeat: { frequency: 3, period: 1, periodUnit: 'd' } },
        additionalInstruction: [
          {
            coding: [
              {
                system: 'http://snomed.info/sct',
                code: '311504000',
                display: 'With or after food',
              },
            ],
          },
        ],
      }),
      '400 mg orally three times daily with or after food',
    );
    assert.equal(
      formatDosage({
        doseAndRate: [{ doseQuantity: q(1000, 'mL'), rateQuantity: q(125, 'mL/h') }],
        route: { coding: [{ system: 'http://snomed.info/sct', code: '47625008' }] },
        timing: { repeat: { count: 1 } },
      }),
      '1,000 mL at 125 mL per hour intravenously for 1 dose',
    );
  });

  it("the prescriber's text is used when the structure is missing or says less than a dose and a time", () => {
    assert.equal(formatDosage({ text: 'Take one tablet at night' }), 'Take one tablet at night');
    assert.equal(
      formatDosage({
        text: 'One 500 mg tablet twice a day with food',
        doseAndRate: [{ doseQuantity: q(500, 'mg') }],
      }),
      'One 500 mg tablet twice a day with food',
    );
    // A complete structure wins over its text.
    assert.equal(
      formatDosage({
        text: '500mg BD',
        doseAndRate: [{ doseQuantity: q(500, 'mg') }],
        timing: { code: { text: 'BD' } },
      }),
      '500 mg twice daily',
    );
  });

  it('nothing at all still says so', () => {
    assert.equal(formatDosage({}), 'dose not recorded');
    assert.equal(formatDosages([]), 'dose not recorded');
  });

  it('several dosages: "then" for a later sequence, "and" for the same one', () => {
    const day = (frequency: number, mg: number, sequence?: number): Dosage => ({
      ...(sequence !== undefined && { sequence }),
      doseAndRate: [{ doseQuantity: q(mg, 'mg') }],
      timing: { repeat: { frequency, period: 1, periodUnit: 'd' } },
    });
    assert.equal(
      formatDosages([day(1, 40, 1), day(1, 20, 2)]),
      '40 mg once daily, then 20 mg once daily',
    );
    const morning: Dosage = {
      doseAndRate: [{ doseQuantity: q(1, '{tbl}') }],
      timing: { repeat: { when: ['MORN'] } },
    };
    const night: Dosage = {
      doseAndRate: [{ doseQuantity: q(2, '{tbl}') }],
      timing: { repeat: { when: ['NIGHT'] } },
    };
    assert.equal(formatDosages([morning, night]), '1 tablet in the morning and 2 tablets at night');
  });
});

describe('a medication line', () => {
  const request = (extra: Partial<MedicationRequest> = {}): MedicationRequest => ({
    resourceType: 'MedicationRequest',
    status: 'active',
    intent: 'order',
    subject: { reference: 'Patient/p1' },
    medicationCodeableConcept: {
      coding: [
        {
          system: 'http://www.nlm.nih.gov/research/umls/rxnorm',
          code: '995253',
          display: 'Hydroxyzine',
        },
      ],
    },
    dosageInstruction: [
      {
        doseAndRate: [{ doseQuantity: q(25, 'mg') }],
        route: { text: 'oral' },
        timing: { repeat: { frequency: 3, period: 1, periodUnit: 'd' } },
      },
    ],
    ...extra,
  });

  it('drug name (with tall man lettering) and dose line', () => {
    assert.deepEqual(medicationLine(request()), {
      name: 'hydrOXYzine',
      dose: '25 mg orally three times daily',
      text: 'hydrOXYzine 25 mg orally three times daily',
    });
    assert.equal(
      medicationLine(request(), { tallMan: false }).text,
      'Hydroxyzine 25 mg orally three times daily',
    );
  });

  it('a request not to give a drug never reads as an order', () => {
    assert.equal(
      medicationLine(request({ doNotPerform: true })).text,
      'Do not give: hydrOXYzine 25 mg orally three times daily',
    );
  });

  it('a statement: dose from `dosage`; a drug not taken says so', () => {
    const statement: MedicationStatement = {
      resourceType: 'MedicationStatement',
      status: 'not-taken',
      subject: { reference: 'Patient/p1' },
      medicationReference: { reference: 'Medication/m1', display: 'Prednisolone 5 mg tablets' },
      dosage: [
        {
          doseAndRate: [{ doseQuantity: q(40, 'mg') }],
          timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd', when: ['MORN'] } },
        },
      ],
    };
    assert.equal(
      medicationLine(statement).text,
      'Not taking: prednisoLONE 5 mg tablets 40 mg once daily in the morning',
    );
  });

  it('no name and no dosage still make a line', () => {
    const bare = request({
      medicationCodeableConcept: undefined,
      medicationReference: { reference: 'Medication/x' },
      dosageInstruction: undefined,
    });
    assert.equal(medicationLine(bare).text, 'Medication (name not recorded) dose not recorded');
  });
});
