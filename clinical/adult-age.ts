import type { Patient } from '../model/index.js';

// The grid's default reference ranges are adult ones, and NEWS2 is not for
// use in children under 16 (Royal College of Physicians, NEWS2, 2017).
// Applied to a child they raise false alarms (a two-year-old's BMI of 14.7
// is not "critically low") and give a score that means nothing. So both
// apply from the 16th birthday, at the time each set was taken.

export const ADULT_FROM_YEARS = 16;

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/;

/** Year, month and day of a FHIR date or dateTime; a partial date as its first or last possible day. */
function dayOf(value: string, end: 'first' | 'last'): [number, number, number] | undefined {
  const match = DATE.exec(value);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = match[2] ? Number(match[2]) : end === 'first' ? 1 : 12;
  const day = match[3]
    ? Number(match[3])
    : end === 'first'
      ? 1
      : new Date(Date.UTC(year, month, 0)).getUTCDate();
  return [year, month, day];
}

/**
 * Whole years of age at a time (both FHIR dates or dateTimes; a dateTime
 * counts by its date as written). A partial birth date counts from its last
 * possible day and a partial time from its first, so an age is never
 * overstated. Undefined when either cannot be read.
 */
export function ageInYearsAt(birthDate: string, at: string): number | undefined {
  const born = dayOf(birthDate, 'last');
  const then = dayOf(at, 'first');
  if (!born || !then) return undefined;
  const beforeBirthday = then[1] < born[1] || (then[1] === born[1] && then[2] < born[2]);
  return then[0] - born[0] - (beforeBirthday ? 1 : 0);
}

/** Whether adult ranges and NEWS2 apply at a time: from the 16th birthday, and whenever the birth date is not known. */
export function isAdultAt(patient: Patient | undefined, at: string): boolean {
  const age = patient?.birthDate ? ageInYearsAt(patient.birthDate, at) : undefined;
  return age === undefined || age >= ADULT_FROM_YEARS;
}
