import {
  ERROR_PRONE_FREQUENCIES,
  ERROR_PRONE_ROUTES,
  type ErrorProneAbbreviation,
} from './data/error-prone-abbreviations.js';

// Text sent as an abbreviation on ISMP's error-prone list: its written-out
// meaning when it has one, else a sign that it was withheld. Case, dots and
// spaces do not matter ("Q.D.", "q.d.", "qd").

/** All the text of this module, for translation. */
export const errorProneMessages = {
  /**
   * What a line says in place of text withheld because it was sent as an
   * abbreviation with two readings: why, and where to look. The abbreviation
   * itself is never repeated: shown, it would be read.
   */
  withheld: (what: string, several = false) =>
    `${what} not shown (sent as ${several ? 'ambiguous, error-prone abbreviations' : 'an ambiguous, error-prone abbreviation'}): check the original prescription`,
  route: 'route',
  frequency: 'frequency',
  routeAndFrequency: 'route and frequency',
};

export type ErrorProneReading = { kind: 'meaning'; words: string } | { kind: 'withheld' };

const key = (text: string) => text.toLowerCase().replace(/[.\s]/g, '');

function table(entries: readonly ErrorProneAbbreviation[]): Map<string, ErrorProneAbbreviation> {
  return new Map(entries.map((e) => [key(e.abbreviation), e]));
}
const FREQUENCIES = table(ERROR_PRONE_FREQUENCIES);
const ROUTES = table(ERROR_PRONE_ROUTES);

/** ISMP's "q6PM, etc.": q and an hour of the clock, meant as once a day at that hour, misread as every so many hours. */
const AT_HOUR = /^q(1[0-2]|0?[1-9])(am|pm)$/;

function read(
  map: Map<string, ErrorProneAbbreviation>,
  text: string | undefined,
): ErrorProneReading | undefined {
  if (!text) return undefined;
  const entry = map.get(key(text));
  if (entry)
    return entry.meaning ? { kind: 'meaning', words: entry.meaning } : { kind: 'withheld' };
  const atHour = map === FREQUENCIES ? AT_HOUR.exec(key(text)) : null;
  return atHour
    ? { kind: 'meaning', words: `daily at ${Number(atHour[1])} ${atHour[2]!.toUpperCase()}` }
    : undefined;
}

/** A frequency sent as an error-prone abbreviation, read; undefined when it is not one. */
export const errorProneFrequency = (text: string | undefined) => read(FREQUENCIES, text);
/** A route sent as an error-prone abbreviation, read; undefined when it is not one. */
export const errorProneRoute = (text: string | undefined) => read(ROUTES, text);
