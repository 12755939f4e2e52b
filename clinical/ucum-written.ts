import { UCUM, type Quantity } from '../model/index.js';

// A UCUM unit code as clinicians write it. Many systems (Synthea among them)
// put the code itself in Quantity.unit, the text meant for people, so a
// chart would otherwise read "0.84 {score}", "7.1 10*3/uL" or
// "mL/min/{1.73_m2}". Micrograms become "mcg" (ISMP: "µg" is read as "mg").

const superscript = (power: string) =>
  power.replace(/./g, (c) => (c === '-' ? '⁻' : '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(c)]!));

/** Bracketed atoms written otherwise than their name without the brackets and the `_` qualifier. */
const ATOMS: Record<string, string> = { degF: '°F', iU: 'IU' };

/**
 * `code` written for people: "mm[Hg]" → "mmHg", "Cel" → "°C", "kg/m2" →
 * "kg/m²", "10*3/uL" → "×10³/µL", "mL/min/{1.73_m2}" → "mL/min/1.73 m²",
 * "g/(24.h)" → "g/(24 h)".
 * A unit that is only an annotation ("{score}", "{beats}") is a count or a
 * score: no unit, "".
 */
export function ucumWritten(code: string): string {
  if (/^\{[^}]*\}$/.test(code)) return '';
  if (code === 'Cel') return '°C';
  return code
    .replace(/\{([^}]*)\}/g, (_, note: string) => note.replace(/_/g, ' '))
    .replace(/\[([^\]_]+)(?:_[^\]]*)?\]/g, (_, atom: string) => ATOMS[atom] ?? atom)
    .replace(/^10[*^](-?\d+)/, (_, power: string) => `×10${superscript(power)}`)
    .replace(/(^|[^a-zA-Z])ug(?![a-zA-Z])/g, '$1mcg')
    .replace(/(^|[^a-zA-Z])u(L|mol|U|m|eq)(?![a-zA-Z])/g, '$1µ$2')
    .replace(
      /([a-zA-Z])(-?[1-9])(?![\d.])/g,
      (_, letter: string, power: string) => letter + superscript(power),
    )
    .replace(/([a-zA-Z\]])\.(?=[a-zA-Z[])/g, '$1·')
    .replace(/(\d)\.(?=[a-zA-Z])/g, '$1 ');
}

/** A quantity's unit for people: as sent, or written out when what was sent for people is the UCUM code itself. */
export function quantityUnit({ unit, code, system }: Quantity): string | undefined {
  return system === UCUM && code !== undefined && (unit === undefined || unit === code)
    ? ucumWritten(code)
    : (unit ?? code);
}
