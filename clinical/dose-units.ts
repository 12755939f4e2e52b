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
// Countable dose forms take a plural: "1 tablet", "2 tablets".

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
  mg: same('mg'), g: same('g'), kg: same('kg'),
  ug: MCG, mcg: MCG, 'µg': MCG, 'μg': MCG, // micro sign U+00B5 and Greek mu U+03BC
  ng: counted('nanogram'),
  mL: ML, ml: ML, cc: ML, cm3: ML, 'cm^3': ML,
  L: same('L'), l: same('L'),
  '[iU]': UNITS, '[IU]': UNITS, IU: UNITS, iu: UNITS, U: UNITS, u: UNITS, '[U]': UNITS,
  mmol: same('mmol'), umol: same('micromol'), mol: same('mol'),
  meq: same('mEq'), mEq: same('mEq'),
  '%': same('%'),
  '[drp]': counted('drop'),
};

/** Countable forms, by lower-case word with the UCUM braces and any plural removed. */
const COUNTABLE: Record<string, UnitWords> = {
  tbl: counted('tablet'), tab: counted('tablet'), tablet: counted('tablet'),
  cap: counted('capsule'), capsule: counted('capsule'),
  puff: counted('puff'),
  actuat: counted('actuation'), actuation: counted('actuation'),
  spray: counted('spray'),
  drop: counted('drop'), drp: counted('drop'),
  patch: counted('patch', 'patches'),
  sachet: counted('sachet'),
  suppository: counted('suppository', 'suppositories'),
  supp: counted('suppository', 'suppositories'),
  pessary: counted('pessary', 'pessaries'),
  lozenge: counted('lozenge'),
  application: counted('application'),
  ampoule: counted('ampoule'), ampule: counted('ampoule'),
  vial: counted('vial'),
  dose: counted('dose'),
  inhalation: counted('inhalation'),
  unit: UNITS,
};

/** Time units in a rate's denominator: "mL per hour". */
const PER_TIME: Record<string, string> = { s: 'second', min: 'minute', h: 'hour', hr: 'hour', d: 'day', wk: 'week' };

function countable(text: string): UnitWords | undefined {
  const word = text.replace(/^\{(.*)\}$/, '$1').trim().toLowerCase();
  return COUNTABLE[word] ?? COUNTABLE[word.replace(/(es|s)$/, '')] ?? COUNTABLE[word.replace(/s$/, '')]
    ?? (word.endsWith('ies') ? COUNTABLE[`${word.slice(0, -3)}y`] : undefined);
}

/** The words for one unit (no "/"), or undefined when the unit is not one the kit knows. */
function simpleUnit(text: string): UnitWords | undefined {
  return EXACT[text] ?? EXACT[text.toLowerCase()] ?? countable(text);
}

/** "mg/kg" stays; a time below the line is written out: "mL/h" → "mL per hour". */
function compoundUnit(unit: string): UnitWords | undefined {
  const [first = '', ...rest] = unit.split('/');
  let line = simpleUnit(first)?.one;
  for (const part of rest) {
    if (line === undefined) return undefined;
    const time = PER_TIME[part];
    const word = simpleUnit(part)?.one;
    line = time ? `${line} per ${time}` : word ? `${line}/${word}` : undefined;
  }
  return line === undefined ? undefined : same(line);
}

/**
 * How to write a unit: the known words for its code, else for its text, else
 * the text as sent (never dropped: a dose without its unit is dangerous),
 * UCUM braces removed.
 */
export function unitWords(code: string | undefined, text: string | undefined): UnitWords | undefined {
  for (const candidate of [code, text]) {
    const unit = candidate?.trim();
    if (!unit) continue;
    const known = unit.includes('/') ? compoundUnit(unit) : simpleUnit(unit);
    if (known) return known;
  }
  const raw = (text ?? code)?.trim();
  return raw ? same(raw.replace(/^\{(.*)\}$/, '$1')) : undefined;
}

/** "tablet" for 1 (or less: "0.5 tablet"), "tablets" above one. */
export function unitFor(value: number, words: UnitWords): string {
  return value > 1 ? words.many : words.one;
}
