import type { Dosage } from '../model/index.js';
import { formatNumber } from './number-format.js';
import { isOne } from './dose-units.js';
import { listInWords } from './words.js';
import { errorProneFrequency, errorProneMessages } from './error-prone.js';

// A FHIR Timing in words: "twice daily", "every 4 to 6 hours", "every other
// day", "once daily at night". Never the Latin abbreviations (ISMP List of
// Error-Prone Abbreviations): "daily" not QD or od, "every other day" not
// QOD, "at bedtime" not HS.

type Timing = NonNullable<Dosage['timing']>;
type Repeat = NonNullable<Timing['repeat']>;
type TimeUnit = NonNullable<Repeat['periodUnit']>;

/** All the text of this module, for translation. */
export const timingMessages = {
  unit: {
    s: ['second', 'seconds'],
    min: ['minute', 'minutes'],
    h: ['hour', 'hours'],
    d: ['day', 'days'],
    wk: ['week', 'weeks'],
    mo: ['month', 'months'],
    a: ['year', 'years'],
  } satisfies Record<TimeUnit, [string, string]>,
  /** "once daily", "three times weekly": the adverb for one of each unit. */
  per: { d: 'daily', wk: 'weekly', mo: 'monthly', a: 'yearly' } as Partial<
    Record<TimeUnit, string>
  >,
  /** "every hour", for units without a "-ly" word in dosing use. */
  every: (what: string) => `every ${what}`,
  everyOtherDay: 'every other day',
  times: (n: number) =>
    n === 1
      ? 'once'
      : n === 2
        ? 'twice'
        : n === 3
          ? 'three times'
          : n === 4
            ? 'four times'
            : `${formatNumber(n)} times`,
  timesRange: (low: number, high: number) => `${formatNumber(low)} to ${formatNumber(high)} times`,
  range: (low: string, high: string) => `${low} to ${high}`,
  /** Course length (Timing.repeat.boundsDuration): "for 7 days". */
  forLength: (length: string) => `for ${length}`,
  /** Time each dose takes (Timing.repeat.duration), e.g. an infusion: "over 60 minutes". */
  over: (length: string) => `over ${length}`,
  /** Course dates (Timing.repeat.boundsPeriod): "from 3 Mar 2024 to 10 Mar 2024 inclusive". */
  fromTo: (start: string, end: string, inclusive: boolean) =>
    `from ${start} to ${end}${inclusive ? ' inclusive' : ''}`,
  from: (start: string) => `from ${start}`,
  until: (end: string, inclusive: boolean) =>
    inclusive ? `up to and including ${end}` : `until ${end}`,
  onDay: (day: string) => `on ${day} only`,
  month: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  forDoses: (n: number) => `for ${formatNumber(n)} ${n === 1 ? 'dose' : 'doses'}`,
  at: (times: string) => `at ${times}`,
  on: (days: string) => `on ${days}`,
  day: {
    mon: 'Monday',
    tue: 'Tuesday',
    wed: 'Wednesday',
    thu: 'Thursday',
    fri: 'Friday',
    sat: 'Saturday',
    sun: 'Sunday',
  } as Record<string, string>,
  /** FHIR EventTiming (R4) codes. */
  when: {
    MORN: 'in the morning',
    'MORN.early': 'early in the morning',
    'MORN.late': 'late in the morning',
    NOON: 'at noon',
    AFT: 'in the afternoon',
    'AFT.early': 'early in the afternoon',
    'AFT.late': 'late in the afternoon',
    EVE: 'in the evening',
    'EVE.early': 'early in the evening',
    'EVE.late': 'late in the evening',
    NIGHT: 'at night',
    PHS: 'after sleep',
    HS: 'at bedtime',
    WAKE: 'on waking',
    C: 'with meals',
    CM: 'with breakfast',
    CD: 'with lunch',
    CV: 'with the evening meal',
    AC: 'before meals',
    ACM: 'before breakfast',
    ACD: 'before lunch',
    ACV: 'before the evening meal',
    PC: 'after meals',
    PCM: 'after breakfast',
    PCD: 'after lunch',
    PCV: 'after the evening meal',
  } as Record<string, string>,
  /** Text sent as an abbreviation that ISMP lists as error-prone and that has more than one reading. */
  withheld: errorProneMessages.withheld(errorProneMessages.frequency),
  /** HL7 v3 GTSAbbreviation codes (Timing.code), and the same abbreviations typed as text. */
  code: {
    QD: 'once daily',
    BID: 'twice daily',
    BD: 'twice daily',
    TID: 'three times daily',
    TDS: 'three times daily',
    QID: 'four times daily',
    QDS: 'four times daily',
    QOD: 'every other day',
    AM: 'in the morning',
    PM: 'in the evening',
    BED: 'at bedtime',
    WK: 'once weekly',
    MO: 'once monthly',
    Q1H: 'every hour',
    Q2H: 'every 2 hours',
    Q3H: 'every 3 hours',
    Q4H: 'every 4 hours',
    Q6H: 'every 6 hours',
    Q8H: 'every 8 hours',
    Q12H: 'every 12 hours',
  } as Record<string, string>,
};

const m = timingMessages;

/** Singular for exactly one, plural for any other amount: "1 hour", "0.5 hours", "every 1.5 hours". */
function unitName(value: number, unit: TimeUnit): string {
  const [one, many] = m.unit[unit];
  return isOne(value) ? one : many;
}

/** "4 hours", "4 to 6 hours", "0.5 to 1 hour" (the unit agrees with the number next to it), "hour". */
function periodWords(period: number, periodMax: number | undefined, unit: TimeUnit): string {
  if (periodMax !== undefined && periodMax !== period) {
    return `${m.range(formatNumber(period), formatNumber(periodMax))} ${unitName(periodMax, unit)}`;
  }
  return isOne(period) ? unitName(1, unit) : `${formatNumber(period)} ${unitName(period, unit)}`;
}

/** The frequency: "twice daily", "every 8 hours", "every other day". */
function frequencyWords(repeat: Repeat): string | undefined {
  const { period, periodMax, periodUnit: unit } = repeat;
  if (period === undefined || unit === undefined) return undefined;
  const frequency = repeat.frequency ?? 1;
  const frequencyMax =
    repeat.frequencyMax !== undefined && repeat.frequencyMax !== frequency
      ? repeat.frequencyMax
      : undefined;
  const onePeriod = period === 1 && (periodMax === undefined || periodMax === 1);
  if (frequency === 1 && frequencyMax === undefined) {
    if (onePeriod && m.per[unit]) return `${m.times(1)} ${m.per[unit]}`;
    if (unit === 'd' && period === 2 && periodMax === undefined) return m.everyOtherDay;
    return m.every(periodWords(period, periodMax, unit));
  }
  const times =
    frequencyMax !== undefined ? m.timesRange(frequency, frequencyMax) : m.times(frequency);
  if (onePeriod && m.per[unit]) return `${times} ${m.per[unit]}`;
  return `${times} ${m.every(periodWords(period, periodMax, unit))}`;
}

/** "30 minutes before meals", "at night", joined: "in the morning and at night". */
function whenWords(repeat: Repeat): string | undefined {
  const phrases = (repeat.when ?? []).map((code) => {
    const phrase = m.when[code] ?? code;
    return repeat.offset && /^(before|after) /.test(phrase)
      ? `${lengthWords(repeat.offset, 'min')} ${phrase}`
      : phrase;
  });
  return phrases.length ? listInWords(phrases) : undefined;
}

/** Time units as UCUM codes and as the words systems send in `unit`. */
const TIME_WORDS: Record<string, TimeUnit> = {
  s: 's',
  sec: 's',
  second: 's',
  min: 'min',
  minute: 'min',
  h: 'h',
  hr: 'h',
  hour: 'h',
  d: 'd',
  day: 'd',
  wk: 'wk',
  week: 'wk',
  mo: 'mo',
  month: 'mo',
  a: 'a',
  yr: 'a',
  year: 'a',
};

/** A time unit from a UCUM code ("h") or a word ("hours", "Day"); undefined when it is not one. */
export function timeUnit(text: string | undefined): TimeUnit | undefined {
  const word = text?.trim();
  if (!word) return undefined;
  if (Object.hasOwn(m.unit, word)) return word as TimeUnit;
  const lower = word.toLowerCase();
  const singular = lower.replace(/s$/, '');
  return Object.hasOwn(TIME_WORDS, lower)
    ? TIME_WORDS[lower]
    : Object.hasOwn(TIME_WORDS, singular)
      ? TIME_WORDS[singular]
      : undefined;
}

/** "7 days", "1 hour", "1.5 hours", "0.5 days". */
function lengthWords(value: number, unit: TimeUnit): string {
  return `${formatNumber(value)} ${unitName(value, unit)}`;
}

/** "for 7 days", from a time Duration (UCUM code or unit words); undefined when it has no value or no time unit. */
function courseWords(bounds: Repeat['boundsDuration']): string | undefined {
  if (bounds?.value === undefined) return undefined;
  const unit = timeUnit(bounds.code) ?? timeUnit(bounds.unit);
  return unit ? m.forLength(lengthWords(bounds.value, unit)) : undefined;
}

const DATE_TIME = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2}))?)?)?/;

/**
 * A FHIR date or dateTime as written: "3 Mar 2024", "3 Mar 2024 08:00",
 * "Mar 2024", "2024". The day and time are those written in the value, in
 * the sender's own offset: a date is a calendar day, and converting an
 * instant would make a line read differently on machines in other zones.
 * `whole` is true when the value names whole days (no time), which an end
 * of a Period includes.
 */
function dateWords(value: string): { text: string; whole: boolean } {
  const match = DATE_TIME.exec(value.trim());
  if (!match) return { text: value, whole: false };
  const [, year, month, day, hour, minute] = match;
  const monthName = month ? m.month[Number(month) - 1] : undefined;
  if (month && !monthName) return { text: value, whole: false };
  const date = [day && String(Number(day)), monthName, year].filter(Boolean).join(' ');
  return hour ? { text: `${date} ${hour}:${minute}`, whole: false } : { text: date, whole: true };
}

/**
 * The course as dates (Timing.repeat.boundsPeriod). FHIR counts the end as
 * included ("any matching date/time"), so an end given as a day says
 * "inclusive": "until 10 Mar" alone is read by some as stopping on the 9th.
 * No length is worked out from the dates: whether both ends count, and what
 * a time of day does to it, would be a guess.
 */
function periodCourseWords(bounds: Repeat['boundsPeriod']): string | undefined {
  const start = bounds?.start ? dateWords(bounds.start) : undefined;
  const end = bounds?.end ? dateWords(bounds.end) : undefined;
  if (start && end)
    return start.text === end.text && end.whole
      ? m.onDay(end.text)
      : m.fromTo(start.text, end.text, end.whole);
  if (start) return m.from(start.text);
  return end ? m.until(end.text, end.whole) : undefined;
}

/** The timing in words, or undefined when it says nothing the kit can read. */
export function timingWords(timing: Timing | undefined): string | undefined {
  if (!timing) return undefined;
  const repeat = timing.repeat ?? {};
  const parts = [
    frequencyWords(repeat),
    whenWords(repeat),
    repeat.timeOfDay?.length
      ? m.at(listInWords(repeat.timeOfDay.map((t) => t.slice(0, 5))))
      : undefined,
    repeat.dayOfWeek?.length
      ? m.on(listInWords(repeat.dayOfWeek.map((d) => m.day[d] ?? d)))
      : undefined,
    repeat.duration !== undefined && repeat.durationUnit
      ? m.over(lengthWords(repeat.duration, repeat.durationUnit))
      : undefined,
    repeat.count !== undefined ? m.forDoses(repeat.count) : undefined,
    courseWords(repeat.boundsDuration) ?? periodCourseWords(repeat.boundsPeriod),
  ].filter((p): p is string => p !== undefined);
  if (parts.length) return parts.join(' ');
  return codeWords(timing.code);
}

const GTS = 'http://terminology.hl7.org/CodeSystem/v3-GTSAbbreviation';

/**
 * Timing.code: a GTSAbbreviation code in words; text (or a code of no known
 * system) on ISMP's error-prone list written out, or withheld when it has two
 * readings; other abbreviations in words ("BID" → "twice daily"); else the
 * text as written.
 */
function codeWords(code: Timing['code']): string | undefined {
  for (const coding of code?.coding ?? []) {
    const gts = coding.system === GTS ? coding.code?.trim().toUpperCase() : undefined;
    if (gts && m.code[gts]) return m.code[gts];
  }
  const candidates = [...(code?.coding ?? []).flatMap((c) => [c.code, c.display]), code?.text];
  for (const candidate of candidates) {
    const abbreviation = errorProneFrequency(candidate);
    if (abbreviation) return abbreviation.kind === 'meaning' ? abbreviation.words : m.withheld;
  }
  for (const candidate of candidates) {
    const key = candidate?.trim().toUpperCase().replace(/\./g, '');
    if (key && m.code[key]) return m.code[key];
  }
  return code?.text?.trim() || code?.coding?.find((c) => c.display)?.display;
}
