import { expect } from '../../test/support/testing.js';
import { formatDay, formatTime } from './format-time.js';

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
