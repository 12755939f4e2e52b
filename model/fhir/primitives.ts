import * as z from 'zod/mini';

// FHIR R4 primitive types, with the regular expressions of the R4 spec
// (https://hl7.org/fhir/R4/datatypes.html#primitive).

const YEAR = '([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)';
const MONTH = '(0[1-9]|1[0-2])';
const DAY = '(0[1-9]|[1-2][0-9]|3[0-1])';
const TIME = '([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\\.[0-9]+)?';
const ZONE = '(Z|(\\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))';

const DATE_RE = new RegExp(`^${YEAR}(-${MONTH}(-${DAY})?)?$`);
const DATE_TIME_RE = new RegExp(`^${YEAR}(-${MONTH}(-${DAY}(T${TIME}${ZONE})?)?)?$`);
const INSTANT_RE = new RegExp(`^${YEAR}-${MONTH}-${DAY}T${TIME}${ZONE}$`);
const TIME_RE = new RegExp(`^${TIME}$`);
const ID_RE = /^[A-Za-z0-9\-.]{1,64}$/;
const CODE_RE = /^[^\s]+( [^\s]+)*$/;

/** The regexes let 2019-02-30 through; a chart must not. */
function isRealCalendarDay(value: string): boolean {
  if (value.length < 10) return true; // year or year-month only
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days;
}

function temporal(re: RegExp, name: string, example: string) {
  return z.string().check((ctx) => {
    if (!re.test(ctx.value) || !isRealCalendarDay(ctx.value)) {
      ctx.issues.push({
        code: 'custom',
        input: ctx.value,
        message: `${JSON.stringify(truncate(ctx.value))} is not a FHIR ${name} (e.g. ${example})`,
      });
    }
  });
}

export function truncate(value: string, max = 40): string {
  return value.length > max ? `${value.slice(0, max)}… (${value.length} characters)` : value;
}

export const fhirDate = temporal(DATE_RE, 'date', '2024-03-01');
export const fhirDateTime = temporal(DATE_TIME_RE, 'dateTime', '2024-03-01T09:30:00Z');
export const fhirInstant = temporal(INSTANT_RE, 'instant', '2024-03-01T09:30:00.000Z');
export const fhirTime = z.string().check(z.regex(TIME_RE, 'is not a FHIR time (hh:mm:ss)'));
export const fhirId = z
  .string()
  .check(z.regex(ID_RE, 'is not a FHIR id (1-64 of A-Z a-z 0-9 - .)'));
export const fhirCode = z
  .string()
  .check(z.regex(CODE_RE, 'is not a FHIR code (no leading, trailing or double spaces)'));
export const fhirUri = z.string().check(z.regex(/^\S*$/, 'is not a FHIR uri (no whitespace)'));
export const fhirString = z.string().check(z.minLength(1, 'a FHIR string may not be empty'));
export const fhirMarkdown = fhirString;
export const fhirBoolean = z.boolean();
export const fhirDecimal = z.number().check(z.refine(Number.isFinite, 'is not a finite decimal'));
export const fhirInteger = z.int();
export const fhirPositiveInt = z.int().check(z.gte(1));
export const fhirUnsignedInt = z.int().check(z.gte(0));
export const fhirBase64Binary = z.string().check(z.regex(/^[A-Za-z0-9+/=\s]*$/, 'is not base64'));

/** A code from a required value set: the message lists what is allowed. */
export function codeFrom<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: () => `must be one of: ${values.join(', ')}` });
}
