import { expect } from '../../test/support/testing.js';
import { KNOWN_DATE_PATTERNS } from './date-patterns.js';
import { formatClock, formatDay, formatTime } from './format-time.js';

// formatDay writes a day from the locale's pattern without calling Intl each
// time: it must write exactly what Intl writes.
describe('formatDay', () => {
  const intlDay = (locale: string, year: number, month: number, day: number) =>
    new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(Date.UTC(year, month, day));
  const iso = (year: number, month: number, day: number) =>
    `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

  for (const locale of ['en-GB', 'en-US', 'de-DE', 'fr-FR', 'ja-JP', 'ar-EG', 'fa-IR']) {
    it(`writes every month of a year as Intl does in ${locale}`, () => {
      for (let month = 0; month < 12; month++) {
        for (const day of [1, 9, 28])
          expect(formatDay(iso(2024, month, day), locale)).to.equal(
            intlDay(locale, 2024, month, day),
          );
      }
    });
  }

  it('writes an instant as its day in the page time zone', () => {
    const instant = '2020-07-08T23:30:00-05:00';
    const local = new Date(instant);
    expect(formatDay(instant)).to.equal(
      intlDay('en-GB', local.getFullYear(), local.getMonth(), local.getDate()),
    );
  });

  it('writes a plain date as it stands, whatever the time zone', () => {
    expect(formatDay('2024-02-01')).to.equal('1 Feb 2024');
  });

  it('writes a partial date as far as it goes, and anything else as given', () => {
    expect(formatDay('2024-03')).to.equal('Mar 2024');
    expect(formatDay('2024')).to.equal('2024');
    expect(formatDay('not a date')).to.equal('not a date');
    expect(formatDay('2024-13')).to.equal('2024-13');
    expect(formatDay('2024-00-10')).to.equal('2024-00-10');
    expect(formatDay('2024-02-32')).to.equal('2024-02-32');
  });
});

describe('formatTime', () => {
  it('writes the time of day with the day, and a plain date as a day alone', () => {
    const expected = new Intl.DateTimeFormat('en-GB', {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    }).format(new Date('2024-03-12T14:05:00Z'));
    expect(formatTime('2024-03-12T14:05:00Z')).to.equal(expected);
    expect(formatTime('2019-07-24')).to.equal('24 Jul 2019');
  });
});

// The locales written without Intl (date-patterns.ts) write what Intl does.
describe('the locales written without Intl', () => {
  const intl = (locale: string, options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(locale, options);
  for (const locale of Object.keys(KNOWN_DATE_PATTERNS)) {
    it(`writes every month and every time of day as Intl does in ${locale}`, () => {
      const dayAndClock = intl(locale, {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
      });
      const clock = intl(locale, { hour: '2-digit', minute: '2-digit' });
      const month = intl(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
      for (let m = 0; m < 12; m++) {
        expect(formatDay(`1987-${String(m + 1).padStart(2, '0')}`, locale)).to.equal(
          month.format(Date.UTC(1987, m, 1)),
        );
        for (const [day, hour, minute] of [
          [1, 0, 0],
          [9, 9, 5],
          [28, 12, 30],
          [m === 1 ? 29 : 31, 23, 59],
        ] as const) {
          const at = new Date(2024, m, day, hour, minute);
          if (at.getMonth() !== m) continue; // no 31st in this month
          expect(formatTime(at.toISOString(), locale)).to.equal(dayAndClock.format(at));
          expect(formatClock(at, locale)).to.equal(clock.format(at));
        }
      }
      for (let hour = 0; hour < 24; hour++) {
        const at = new Date(2023, 6, 14, hour, 7);
        expect(formatTime(at.toISOString(), locale)).to.equal(dayAndClock.format(at));
      }
    });
  }

  it('writes a locale it does not know with Intl', () => {
    const at = new Date(2024, 2, 12, 14, 5);
    expect(formatTime(at.toISOString(), 'de-DE')).to.equal(
      intl('de-DE', {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
      }).format(at),
    );
    expect(formatClock(at, 'ja-JP')).to.equal(
      intl('ja-JP', { hour: '2-digit', minute: '2-digit' }).format(at),
    );
  });
});
