// Times and days as the elements show them. The locales of date-patterns.ts
// are written without Intl: a page's first Intl.DateTimeFormat costs tens
// of milliseconds before the first dated row. Any other locale is written
// by Intl, whose formats are built once per locale (building one costs
// about a millisecond, and each call to `format` some microseconds: a list
// of a hundred medications with two dates each spent longer formatting
// dates than building its rows); a day is written from that locale's own
// pattern (its order, month names and punctuation, read from Intl once).
import { KNOWN_DATE_PATTERNS, type DatePatterns } from './date-patterns.js';

/** The Intl formats of a locale date-patterns.ts does not know, built on first use. */
const formats = new Map<string, Intl.DateTimeFormat>();

function intlFormat(locale: string, kind: 'day' | 'dayAndClock' | 'month' | 'clock') {
  const key = `${kind} ${locale}`;
  let format = formats.get(key);
  if (!format) {
    const day = { day: 'numeric', month: 'short', year: 'numeric' } as const;
    const clock = { hour: '2-digit', minute: '2-digit' } as const;
    format = new Intl.DateTimeFormat(
      locale,
      kind === 'day'
        ? { ...day, timeZone: 'UTC' }
        : kind === 'month'
          ? { month: 'short', year: 'numeric', timeZone: 'UTC' }
          : kind === 'clock'
            ? clock
            : { ...day, ...clock },
    );
    formats.set(key, format);
  }
  return format;
}

/** A day, a month and a time of day, as a locale writes them. */
type LocalePatterns = Omit<DatePatterns, 'dayAndClock'>;

/** The patterns of a locale: the known ones, or those read from Intl. */
const patterns = new Map<string, LocalePatterns>(Object.entries(KNOWN_DATE_PATTERNS));

function patternsOf(locale: string): LocalePatterns {
  let found = patterns.get(locale);
  if (!found) {
    const dateOnly = intlFormat(locale, 'day');
    const day = dayPattern(dateOnly);
    found = {
      day: day ?? ((year, month, date) => dateOnly.format(Date.UTC(year, month, date))),
      month: (year, month) => intlFormat(locale, 'month').format(Date.UTC(year, month, 1)),
      clock: (hours, minutes) =>
        intlFormat(locale, 'clock').format(new Date(2001, 0, 15, hours, minutes)),
    };
    patterns.set(locale, found);
  }
  return found;
}

/**
 * The locale's day pattern as a function: its parts in order, with the month
 * names Intl gives in that very pattern. Undefined when the locale writes
 * numbers in other digits or another calendar (the sample does not read back
 * as 15 and 2001): Intl writes those days itself.
 */
function dayPattern(format: Intl.DateTimeFormat): DatePatterns['day'] | undefined {
  const sample = format.formatToParts(Date.UTC(2001, 0, 15));
  const value = (type: string) => sample.find((part) => part.type === type)?.value;
  if (
    value('day') !== '15' ||
    value('year') !== '2001' ||
    sample.some((p) => !['day', 'month', 'year', 'literal'].includes(p.type))
  )
    return undefined;
  const months = Array.from(
    { length: 12 },
    (_, month) =>
      format.formatToParts(Date.UTC(2001, month, 15)).find((part) => part.type === 'month')
        ?.value ?? '',
  );
  const parts = sample.map((part) => (part.type === 'literal' ? part.value : part.type));
  return (year, month, day) => {
    let text = '';
    for (const part of parts)
      text +=
        part === 'day' ? day : part === 'month' ? months[month] : part === 'year' ? year : part;
    return text;
  };
}

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * "3 Mar 2024". An instant is written as its day in the page's time zone; a
 * plain date ("2024-03-03") is a calendar day, not an instant, and is written
 * as it stands whatever the time zone; a partial date as far as it goes
 * ("Mar 2024", "2024"). Anything else is returned as given.
 */
export function formatDay(value: string, locale = 'en-GB'): string {
  const { day, month } = patternsOf(locale);
  if (value.length <= 10) {
    const partial = PARTIAL_DATE.exec(value);
    if (partial) {
      const [, year, months, date] = partial;
      if (!months) return year!;
      if (!(Number(months) >= 1 && Number(months) <= 12)) return value; // not a date
      if (!date) return month(Number(year), Number(months) - 1);
      if (!(Number(date) >= 1 && Number(date) <= 31)) return value;
      return day(Number(year), Number(months) - 1, Number(date));
    }
  }
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) return value;
  return day(instant.getFullYear(), instant.getMonth(), instant.getDate());
}

/** "12 Mar 2024, 14:05" in the page's time zone; a partial date ("2019-07-24") as a day alone; anything else as given. */
export function formatTime(time: string, locale = 'en-GB'): string {
  if (time.length <= 10) return formatDay(time, locale);
  const instant = new Date(time);
  if (Number.isNaN(instant.getTime())) return time;
  const known = KNOWN_DATE_PATTERNS[locale];
  if (!known) return intlFormat(locale, 'dayAndClock').format(instant);
  return known.dayAndClock(
    known.day(instant.getFullYear(), instant.getMonth(), instant.getDate()),
    known.clock(instant.getHours(), instant.getMinutes()),
  );
}

/** "14:05": the time of day of an instant, in the page's time zone. */
export function formatClock(instant: Date, locale = 'en-GB'): string {
  return patternsOf(locale).clock(instant.getHours(), instant.getMinutes());
}
