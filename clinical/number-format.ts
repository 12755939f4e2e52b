// Numbers as clinicians read them, for doses and observations alike
// (NHS CUI Medication Line MEDi-015..017; ISMP List of Error-Prone
// Abbreviations, Symbols, and Dose Designations):
// - no trailing zero: "5", never "5.0" (a missed point reads as 50);
// - a leading zero: "0.5", never ".5" (a missed point reads as 5);
// - commas from one thousand up: "1,000", "10,000";
// - no floating-point noise: 0.1 + 0.2 is "0.3", not "0.30000000000000004".
// The output is the same in every locale on purpose: a dose must not read
// differently on a machine set to another language.

/** Significant digits kept: enough for any real dose, few enough to drop binary noise. */
const SIGNIFICANT = 12;

/** `value` without floating-point noise, rounded to at most `decimals` places when given. */
export function cleanNumber(value: number, decimals?: number): number {
  const noiseless = Number(value.toPrecision(SIGNIFICANT));
  return decimals === undefined ? noiseless : roundHalfUp(noiseless, decimals);
}

/**
 * Rounds half away from zero at `decimals` places, by decimal digits rather
 * than binary arithmetic: 36.05 → 36.1, where Math.round(36.05 * 10) gives 36.0.
 */
export function roundHalfUp(value: number, decimals: number): number {
  const [digits, exponent] = Number(value.toPrecision(SIGNIFICANT)).toExponential().split('e') as [
    string,
    string,
  ];
  const shifted = Number(`${digits}e${Number(exponent) + decimals}`);
  const rounded = Math.sign(shifted) * Math.round(Math.abs(shifted));
  return Number(`${rounded}e${-decimals}`) + 0; // + 0 turns -0 into 0
}

/**
 * The number as text: "0.5", "5", "1,000", "12,500.25". `decimals` rounds
 * first (half away from zero); `fixed` keeps exactly that many places, for
 * the few displays that want them (a temperature reads "37.0 °C").
 */
export function formatNumber(
  value: number,
  options: { decimals?: number; fixed?: boolean } = {},
): string {
  if (!Number.isFinite(value)) return String(value);
  const number = cleanNumber(value, options.decimals);
  const [whole, fraction = ''] = plainDigits(Math.abs(number)).split('.') as [string, string?];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const places =
    options.fixed && options.decimals !== undefined
      ? fraction.padEnd(options.decimals, '0')
      : fraction;
  return `${number < 0 ? '-' : ''}${grouped}${places ? `.${places}` : ''}`;
}

/** Decimal digits with no exponent: 1e-7 → "0.0000001", 1e21 → "1000000000000000000000". */
function plainDigits(value: number): string {
  const text = String(value);
  if (!text.includes('e')) return text;
  const [mantissa, exp] = text.split('e') as [string, string];
  const exponent = Number(exp);
  const [intPart, fracPart = ''] = mantissa.split('.') as [string, string?];
  const digits = intPart + fracPart;
  const point = intPart.length + exponent;
  if (point <= 0) return `0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return digits + '0'.repeat(point - digits.length);
  return `${digits.slice(0, point)}.${digits.slice(point)}`;
}
