import { cleanNumber } from './number-format.js';
import { ucumWritten } from './ucum-written.js';

// Dose units as clinicians should write them, from UCUM codes or from the
// unit text a system sent. Follows the ISMP List of Error-Prone
// Abbreviations, Symbols, and Dose Designations (2021 update) and The Joint
// Commission "Do Not Use" list:
// - "units", never "U" or "IU" (U reads as 0 or 4; IU as IV or 10);
//   ISMP says international units are written "units" too;
// - "mcg", never "µg" or "ug" (µ reads as m: a thousandfold overdose);
// - "mL", never "cc" (cc reads as U) nor "ml" (l reads as 1);
// - "nanograms" in full: "ng" reads as "mg" (NZ and UK charting guidance;
//   ISMP does not list it, so this is the stricter choice).
// Countable dose forms take a plural for any amount but exactly one, as in
// clinical English: "1 tablet", "2 tablets", "0.5 units", "1.5 tablets"; also
// when the unit is compound: "80 units/kg", "2 units per hour".
// Any other UCUM code is written as people write it ("mg/m2" → "mg/m²").

export interface UnitWords {
  one: string;
  many: string;
}

const same = (word: string): UnitWords => ({ one: word, many: word });
const counted = (one: string, many = `${one}s`): UnitWords => ({ one, many });

const MCG = same('mcg');
const ML = same('mL');
const UNITS = counted('unit');

/** Exact spellings, case-sensitive where UCUM is (mL vs ML is not, U vs u is). */
const EXACT: Record<string, UnitWords> = {
  mg: same('mg'),
  g: same('g'),
  kg: same('kg'),
  ug: MCG,
  mcg: MCG,
  µg: MCG,
  μg: MCG, // micro sign U+00B5 and Greek mu U+03BC
  ng: counted('nanogram'),
  mL: ML,
  ml: ML,
  cc: ML,
  cm3: ML,
  'cm^3': ML,
  L: same('L'),
  l: same('L'),
  '[iU]': UNITS,
  '[IU]': UNITS,
  IU: UNITS,
  iu: UNITS,
  U: UNITS,
  u: UNITS,
  '[U]': UNITS,
  mmol: same('mmol'),
  umol: same('micromol'),
  mol: same('mol'),
  meq: same('mEq'),
  mEq: same('mEq'),
  '%': same('%'),
  '[drp]': counted('drop'),
};

/** Countable forms, by lower-case word with the UCUM braces and any plural removed. */
const COUNTABLE: Record<string, UnitWords> = {
  tbl: counted('tablet'),
  tab: counted('tablet'),
  tablet: counted('tablet'),
  cap: counted('capsule'),
  capsule: counted('capsule'),
  puff: counted('puff'),
  actuat: counted('actuation'),
  actuation: counted('actuation'),
  spray: counted('spray'),
  drop: counted('drop'),
  drp: counted('drop'),
  patch: counted('patch', 'patches'),
  sachet: counted('sachet'),
  suppository: counted('suppository', 'suppositories'),
  supp: counted('suppository', 'suppositories'),
  pessary: counted('pessary', 'pessaries'),
  lozenge: counted('lozenge'),
  application: counted('application'),
  ampoule: counted('ampoule'),
  ampule: counted('ampoule'),
  vial: counted('vial'),
  dose: counted('dose'),
  inhalation: counted('inhalation'),
  unit: UNITS,
};

/** Time units in a rate's denominator, UCUM codes and words: "mL per hour". */
const PER_TIME: Record<string, string> = {
  s: 'second',
  sec: 'second',
  second: 'second',
  min: 'minute',
  minute: 'minute',
  h: 'hour',
  hr: 'hour',
  hour: 'hour',
  d: 'day',
  day: 'day',
  wk: 'week',
  week: 'week',
  mo: 'month',
  month: 'month',
  a: 'year',
  year: 'year',
};

/** A time unit below the line, by UCUM code or word, singular or plural. */
function perTime(part: string): string | undefined {
  const word = part.trim().toLowerCase();
  return Object.hasOwn(PER_TIME, word)
    ? PER_TIME[word]
    : Object.hasOwn(PER_TIME, word.replace(/s$/, ''))
      ? PER_TIME[word.replace(/s$/, '')]
      : undefined;
}

function countable(text: string): UnitWords | undefined {
  const word = text
    .replace(/^\{(.*)\}$/, '$1')
    .trim()
    .toLowerCase();
  return (
    COUNTABLE[word] ??
    COUNTABLE[word.replace(/(es|s)$/, '')] ??
    COUNTABLE[word.replace(/s$/, '')] ??
    (word.endsWith('ies') ? COUNTABLE[`${word.slice(0, -3)}y`] : undefined)
  );
}

/** The words for one unit (no "/"), or undefined when the unit is not one the kit knows. */
function simpleUnit(text: string): UnitWords | undefined {
  return EXACT[text] ?? EXACT[text.toLowerCase()] ?? countable(text);
}

/**
 * "mg/kg" stays; a time below the line is written out: "mL/h" → "mL per
 * hour". The first unit keeps its plural: "units/kg", "units per hour".
 * Below the line, a UCUM code the kit has no word for is written as people
 * write it ("mg/m2" → "mg/m²"); in text sent for people, it makes the whole
 * unit unknown.
 */
function compoundUnit(unit: string, isCode: boolean): UnitWords | undefined {
  const [first = '', ...rest] = unit.split('/');
  const above = simpleUnit(first);
  if (!above) return undefined;
  let below = '';
  for (const part of rest) {
    const time = perTime(part);
    const word = simpleUnit(part)?.one ?? (isCode && part ? written(part) : undefined);
    if (!time && !word) return undefined;
    below += time ? ` per ${time}` : `/${word}`;
  }
  return { one: above.one + below, many: above.many + below };
}

/**
 * A UCUM code as people write it, never with "U" or "IU" for units (ISMP);
 * a unit that is only an annotation ("{bottle}") keeps its words.
 */
function written(code: string): string {
  if (/^\{[^}]*\}$/.test(code)) return code.slice(1, -1);
  return ucumWritten(code).replace(/(^|[^A-Za-zµ])I?U(?![A-Za-z])/g, '$1units');
}

/**
 * How to write a unit: the known words for its code, else for its text, else
 * the text as sent (never dropped: a dose without its unit is dangerous),
 * UCUM braces removed.
 */
export function unitWords(
  code: string | undefined,
  text: string | undefined,
): UnitWords | undefined {
  for (const [candidate, isCode] of [
    [code, true],
    [text, false],
  ] as const) {
    const unit = candidate?.trim();
    if (!unit) continue;
    const known = unit.includes('/') ? compoundUnit(unit, isCode) : simpleUnit(unit);
    if (known) return known;
  }
  const sent = text?.trim();
  const coded = code?.trim();
  if (coded && (!sent || sent === coded)) return same(written(coded));
  return sent ? same(sent.replace(/^\{(.*)\}$/, '$1')) : undefined;
}

/**
 * The singular for exactly one, the plural for any other amount, as clinical
 * English writes it: "1 tablet", "0.5 tablets", "1.5 units", "0 units".
 * One is judged as printed, so 1.0000000000001 is one.
 */
export function unitFor(value: number, words: UnitWords): string {
  return isOne(value) ? words.one : words.many;
}

/** Whether `value` is printed as "1". */
export function isOne(value: number): boolean {
  return cleanNumber(value) === 1;
}
