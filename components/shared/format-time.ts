// Times as the elements show them. Building an Intl.DateTimeFormat costs
// about a millisecond: one pair per locale, kept.

const formats = new Map<string, { dateTime: Intl.DateTimeFormat; dateOnly: Intl.DateTimeFormat }>();

function formatsFor(locale: string) {
  let pair = formats.get(locale);
  if (!pair) {
    pair = {
      dateTime: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }),
      // A partial date is a calendar day, not an instant: shown as written, whatever the time zone.
      dateOnly: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }),
    };
    formats.set(locale, pair);
  }
  return pair;
}

/** "12 Mar 2024, 14:05" in the page's time zone; a partial date ("2019-07-24") as a date alone; anything else as given. */
export function formatTime(time: string, locale = 'en-GB'): string {
  const ms = Date.parse(time);
  if (Number.isNaN(ms)) return time;
  const { dateTime, dateOnly } = formatsFor(locale);
  return time.length <= 10 ? dateOnly.format(ms) : dateTime.format(ms);
}
