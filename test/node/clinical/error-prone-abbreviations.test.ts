import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatDosage, routeWords, timingMessages, timingWords } from '../../../clinical/index.js';
import {
  ERROR_PRONE_FREQUENCIES,
  ERROR_PRONE_ROUTES,
} from '../../../clinical/data/error-prone-abbreviations.js';

// ISMP's error-prone abbreviations, sent as frequency or route text, are
// never shown as sent: written out where they have one meaning, withheld
// (with a pointer to the original prescription) where they have two.

const ROUTE_WITHHELD =
  'route not shown (sent as an ambiguous, error-prone abbreviation): check the original prescription';
const variants = (abbreviation: string) => {
  const bare = abbreviation.replace(/[.\s]/g, '');
  const dotted = bare.split('').join('.') + '.';
  return [
    abbreviation,
    bare.toUpperCase(),
    bare.toLowerCase(),
    dotted.toUpperCase(),
    dotted.toLowerCase(),
    ` ${abbreviation} `,
  ];
};

describe('ISMP error-prone abbreviations in frequency text', () => {
  it('every entry, in any case, with or without dots and spaces, is written out or withheld, never shown as sent', () => {
    for (const entry of ERROR_PRONE_FREQUENCIES) {
      for (const text of variants(entry.abbreviation)) {
        const got = timingWords({ code: { text } });
        assert.equal(
          got,
          entry.meaning ?? timingMessages.withheld,
          `${entry.abbreviation} as ${JSON.stringify(text)}`,
        );
      }
    }
  });

  it('writes out the unambiguous ones and withholds the ambiguous ones', () => {
    const t = (text: string) => timingWords({ code: { text } });
    assert.equal(t('QHS'), 'at bedtime');
    assert.equal(t('qn'), 'nightly');
    assert.equal(t('q1d'), 'once daily');
    assert.equal(t('TIW'), 'three times weekly');
    assert.equal(t('BIW'), 'twice weekly');
    assert.equal(t('Q.D.'), 'once daily');
    for (const ambiguous of ['OD', 'o.d.', 'q.o.d.', 'QOD', 'HS', 'hs'])
      assert.equal(t(ambiguous), timingMessages.withheld, ambiguous);
  });

  it('writes out "q6PM, etc." with the hour sent, never as every so many hours, and UD as "as directed"', () => {
    const t = (text: string) => timingWords({ code: { text } });
    assert.equal(t('q6PM'), 'daily at 6 PM');
    assert.equal(t('Q 8 A.M.'), 'daily at 8 AM');
    assert.equal(t('q10pm'), 'daily at 10 PM');
    assert.equal(t('UD'), 'as directed');
    assert.equal(t('u.d.'), 'as directed');
    // Not an hour of the clock: not this abbreviation, and not read as one.
    assert.notEqual(t('q13pm'), 'daily at 13 PM');
  });

  it('uses the structured timing instead, when there is one', () => {
    assert.equal(
      timingWords({ code: { text: 'OD' }, repeat: { frequency: 1, period: 1, periodUnit: 'd' } }),
      'once daily',
    );
  });
});

describe('ISMP error-prone abbreviations in route text', () => {
  it('every entry, in any case, with or without dots and spaces, is written out or withheld', () => {
    for (const entry of ERROR_PRONE_ROUTES) {
      for (const text of variants(entry.abbreviation)) {
        assert.equal(
          routeWords({ text }),
          entry.meaning ?? ROUTE_WITHHELD,
          `${entry.abbreviation} as ${JSON.stringify(text)}`,
        );
        assert.equal(
          routeWords({ coding: [{ code: text }] }),
          entry.meaning ?? ROUTE_WITHHELD,
          `${entry.abbreviation} as a code`,
        );
      }
    }
  });

  it('never guesses IN, OD/OS/OU, AD/AS/AU or IT; writes out SC, SQ, IJ', () => {
    for (const ambiguous of ['IN', 'OD', 'OS', 'OU', 'AD', 'AS', 'AU', 'IT'])
      assert.equal(routeWords({ text: ambiguous }), ROUTE_WITHHELD, ambiguous);
    assert.equal(routeWords({ text: 'SC' }), 'subcutaneously');
    assert.equal(routeWords({ text: 'sq' }), 'subcutaneously');
    assert.equal(routeWords({ text: 'IJ' }), 'by injection');
  });

  it('a coded route wins over ambiguous text', () => {
    assert.equal(
      routeWords({ text: 'IN', coding: [{ system: 'http://snomed.info/sct', code: '46713006' }] }),
      'nasally',
    );
  });

  it('shows the withholding in the medication line', () => {
    const line = formatDosage({
      route: { text: 'IN' },
      timing: { code: { text: 'OD' } },
      doseAndRate: [
        { doseQuantity: { value: 2, unit: 'mg', code: 'mg', system: 'http://unitsofmeasure.org' } },
      ],
    });
    assert.ok(!/\bIN\b|\bOD\b/.test(line), line);
    assert.match(line, /route/);
    assert.match(line, /frequency not shown/);
  });
});

describe('the message in place of withheld text', () => {
  const UCUM = 'http://unitsofmeasure.org';
  const dose = {
    doseAndRate: [{ doseQuantity: { value: 2, unit: 'mg', code: 'mg', system: UCUM } }],
  };

  it('says why (an ambiguous, error-prone abbreviation) and where to look, without the abbreviation', () => {
    for (const [message, sent] of [
      [timingMessages.withheld, ['OD', 'QOD', 'HS']],
      [routeWords({ text: 'IN' }), ['IN', 'OD', 'AD', 'IT']],
    ] as const) {
      assert.match(message ?? '', /ambiguous/);
      assert.match(message ?? '', /error-prone abbreviation/);
      assert.match(message ?? '', /check the original prescription/);
      for (const abbreviation of sent)
        assert.doesNotMatch(message ?? '', new RegExp(`\\b${abbreviation}\\b`, 'i'), abbreviation);
    }
  });

  it('is said once, after the rest of the line, for route and frequency together', () => {
    assert.equal(
      formatDosage({ ...dose, route: { text: 'IN' }, timing: { code: { text: 'OD' } } }),
      '2 mg; route and frequency not shown (sent as ambiguous, error-prone abbreviations): check the original prescription',
    );
    assert.equal(
      formatDosage({ ...dose, route: { text: 'AD' }, timing: { code: { text: 'BD' } } }),
      '2 mg twice daily; route not shown (sent as an ambiguous, error-prone abbreviation): check the original prescription',
    );
    assert.equal(
      formatDosage({ ...dose, route: { text: 'oral' }, timing: { code: { text: 'q.o.d.' } } }),
      '2 mg orally; frequency not shown (sent as an ambiguous, error-prone abbreviation): check the original prescription',
    );
  });
});
