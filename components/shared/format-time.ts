// Times and days as the elements show them. Building an Intl.DateTimeFormat
// costs about a millisecond, and each call to `format` some microseconds: a
// list of a hundred medications with two dates each spent longer formatting
// dates than building its rows. Formats are built once per locale, and a day
// is written from the locale's own pattern (its order, month names and
// punctuation, read from Intl once) without calling Intl again.

interface LocaleFormats {
  /** Day, month and year of a calendar date (UTC, so no time zone moves it). */
  dateOnly: Intl.DateTimeFormat;
  /** The locale's way of writing a day, when it uses Western digits; otherwise `dateOnly` writes it. */
  day: ((year: number, month: number, day: number) => string) | undefined;
}

const formats = new Map<string, LocaleFormats>();
/** The rarer formats, built on first use: a time of day, a month alone. */
const others = new Map<string, Intl.DateTimeFormat>();

function other(locale: string, kind: 'dateTime' | 'monthOnly'): Intl.DateTimeFormat {
  const key = `${kind} ${locale}`;
  let format = others.get(key);
  if (!format) {
    format =
      kind === 'dateTime'
        ? new Intl.DateTimeFormat(locale, {
            day: 'numeric',
            month: 'short',
            year: 'numeric',
            hour: '2-digit',
            minute: '2-digit',
          })
        : new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
    others.set(key, format);
  }
  return format;
}

function formatsFor(locale: string): LocaleFormats {
  let found = formats.get(locale);
  if (!found) {
    const dateOnly = new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    });
    found = { dateOnly, day: dayPattern(dateOnly) };
    formats.set(locale, found);
  }
  return found;
}

/**
 * The locale's day pattern as a function: its parts in order, with the month
 * names Intl gives in that very pattern. Undefined when the locale writes
 * numbers in other digits or another calendar (the sample does not read back
 * as 15 and 2001): Intl writes those days itself.
 */
function dayPattern(format: Intl.DateTimeFormat): LocaleFormats['day'] {
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
  const { dateOnly, day } = formatsFor(locale);
  if (value.length <= 10) {
    const partial = PARTIAL_DATE.exec(value);
    if (partial) {
      const [, year, month, date] = partial;
      if (!month) return year!;
      if (!date)
        return other(locale, 'monthOnly').format(Date.UTC(Number(year), Number(month) - 1, 1));
      return day
        ? day(Number(year), Number(month) - 1, Number(date))
        : dateOnly.format(Date.UTC(Number(year), Number(month) - 1, Number(date)));
    }
  }
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) return value;
  return day
    ? day(instant.getFullYear(), instant.getMonth(), instant.getDate())
    : dateOnly.format(Date.UTC(instant.getFullYear(), instant.getMonth(), instant.getDate()));
}

/** "12 Mar 2024, 14:05" in the page's time zone; a partial date ("2019-07-24") as a day alone; anything else as given. */
export function formatTime(time: string, locale = 'en-GB'): string {
  if (time.length <= 10) return formatDay(time, locale);
  const ms = Date.parse(time);
  return Number.isNaN(ms) ? time : other(locale, 'dateTime').format(ms);
}
