// How a locale writes a day, a month and a time of day, for the locales the
// elements write without Intl. A page's first Intl.DateTimeFormat loads the
// ICU data of dates and time zones: 30 to 90 ms in headless Chromium on 2
// cores, paid on every visit before the first dated row can be shown, by a
// page whose rows otherwise take ~140 ms. Any other locale is written by
// Intl (format-time.ts). format-time.test.ts holds each locale here to what
// Intl writes, month by month and hour by hour.

export interface DatePatterns {
  /** "5 Mar 2024" */
  day(year: number, month: number, date: number): string;
  /** "Mar 2024" */
  month(year: number, month: number): string;
  /** "14:05" */
  clock(hours: number, minutes: number): string;
  /** "5 Mar 2024, 14:05": a day and a time of day written as above. */
  dayAndClock(day: string, clock: string): string;
}

const twoDigits = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * British English, from the Unicode CLDR (common/main/en_GB.xml and its
 * parent en_001.xml), as the ICU of current browsers has it: abbreviated
 * month names of the format context (September is "Sept"); skeletons
 * yMMMd "d MMM y", yMMM "MMM y", Hm "HH:mm"; a day and a time joined by
 * "{1}, {0}".
 */
const MONTHS_EN_GB = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sept',
  'Oct',
  'Nov',
  'Dec',
] as const;

const enGB: DatePatterns = {
  day: (year, month, date) => `${date} ${MONTHS_EN_GB[month]} ${year}`,
  month: (year, month) => `${MONTHS_EN_GB[month]} ${year}`,
  clock: (hours, minutes) => `${twoDigits(hours)}:${twoDigits(minutes)}`,
  dayAndClock: (day, clock) => `${day}, ${clock}`,
};

/** The locales written without Intl, by BCP 47 tag as the elements name them. */
export const KNOWN_DATE_PATTERNS: Readonly<Record<string, DatePatterns>> = { 'en-GB': enGB };
