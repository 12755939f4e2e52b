import type { CodeableConcept, Observation, Patient, Quantity } from '../model/index.js';
import { SNOMED } from '../model/index.js';
import { rangeText } from './lab-value.js';

// The reference range of a laboratory result for this patient. An
// Observation may carry several (FHIR R4 Observation.referenceRange,
// https://hl7.org/fhir/R4/observation-definitions.html#Observation.referenceRange):
// by sex (`appliesTo`), by age (`age`), and of several meanings (`type`).
// The most specific range that applies to the patient's sex and age at the
// time of the result is chosen. FHIR's referencerange-meaning code system
// (https://terminology.hl7.org/CodeSystem-referencerange-meaning.html) has no
// code for critical limits, so a range whose type is coded or written as
// "critical" or "panic" (HL7 v2's name for them) gives the critical limits.

export interface LabRange {
  low?: number;
  high?: number;
  /** Outside these, the result is critical. */
  criticalLow?: number;
  criticalHigh?: number;
  /** The normal range as written for people: its own text, else "3.5 to 5.1 mmol/L". */
  text: string;
}

/** Administrative gender (http://hl7.org/fhir/administrative-gender) and SNOMED CT 248153007 |Male| / 248152002 |Female|, as R4's own Observation examples code `appliesTo`. */
const GENDER = 'http://hl7.org/fhir/administrative-gender';
const SNOMED_SEX: Record<string, string> = { '248153007': 'male', '248152002': 'female' };

type ReferenceRange = NonNullable<Observation['referenceRange']>[number];
type AgeRange = NonNullable<ReferenceRange['age']>;

function sexOf(concepts: CodeableConcept[] | undefined): string | undefined {
  for (const concept of concepts ?? []) {
    for (const coding of concept.coding ?? []) {
      if (coding.system === GENDER && coding.code) return coding.code;
      if (coding.system === SNOMED && coding.code && SNOMED_SEX[coding.code])
        return SNOMED_SEX[coding.code];
    }
  }
  return undefined;
}

/** UCUM time units in years (an age range is a Quantity of time; `a` is UCUM's year). */
const YEARS: Record<string, number> = {
  a: 1,
  mo: 1 / 12,
  wk: 7 / 365.25,
  d: 1 / 365.25,
  h: 1 / 8766,
};

function years(quantity: Quantity | undefined): number | undefined {
  if (quantity?.value === undefined) return undefined;
  const per = YEARS[quantity.code ?? quantity.unit ?? 'a'];
  return per === undefined ? undefined : quantity.value * per;
}

/** Age in years (fractional) on the day of the result. */
export function ageAt(birthDate: string | undefined, at: string | undefined): number | undefined {
  if (!birthDate || !at) return undefined;
  const born = Date.parse(birthDate.length === 4 ? `${birthDate}-12-31` : birthDate);
  const then = Date.parse(at);
  if (Number.isNaN(born) || Number.isNaN(then)) return undefined;
  return (then - born) / (365.25 * 24 * 3600 * 1000);
}

function inAge(age: AgeRange | undefined, patientAge: number | undefined): boolean | undefined {
  if (!age) return undefined;
  if (patientAge === undefined) return false; // an age-specific range for a patient of unknown age
  const low = years(age.low);
  const high = years(age.high);
  return (low === undefined || patientAge >= low) && (high === undefined || patientAge <= high);
}

function isCritical(type: CodeableConcept | undefined): boolean {
  const words = [type?.text, ...(type?.coding ?? []).flatMap((c) => [c.code, c.display])];
  return words.some((word) => word !== undefined && /critical|panic/i.test(word));
}

/** How well a range fits the patient: undefined when it does not apply, else how many conditions it met. */
function fit(
  range: ReferenceRange,
  sex: string | undefined,
  age: number | undefined,
): number | undefined {
  const rangeSex = sexOf(range.appliesTo);
  if (rangeSex && rangeSex !== sex) return undefined;
  const ageFits = inAge(range.age, age);
  if (ageFits === false) return undefined;
  return (rangeSex ? 1 : 0) + (ageFits ? 1 : 0);
}

function best(ranges: ReferenceRange[], sex: string | undefined, age: number | undefined) {
  let chosen: { range: ReferenceRange; score: number } | undefined;
  for (const range of ranges) {
    const score = fit(range, sex, age);
    if (score !== undefined && (!chosen || score > chosen.score)) chosen = { range, score };
  }
  return chosen?.range;
}

/** The range for this patient (sex and age at the time of the result), or undefined when none applies. */
export function labRange(observation: Observation, patient?: Patient): LabRange | undefined {
  const ranges = observation.referenceRange ?? [];
  if (!ranges.length) return undefined;
  const sex = patient?.gender;
  const at =
    observation.effectiveDateTime ?? observation.effectivePeriod?.start ?? observation.issued;
  const age = ageAt(patient?.birthDate, at);
  const normal = best(
    ranges.filter((r) => !isCritical(r.type)),
    sex,
    age,
  );
  const critical = best(
    ranges.filter((r) => isCritical(r.type)),
    sex,
    age,
  );
  if (!normal && !critical) return undefined;
  const result: LabRange = {
    text: normal ? (normal.text ?? rangeText(normal.low, normal.high)) : '',
  };
  if (normal?.low?.value !== undefined) result.low = normal.low.value;
  if (normal?.high?.value !== undefined) result.high = normal.high.value;
  if (critical?.low?.value !== undefined) result.criticalLow = critical.low.value;
  if (critical?.high?.value !== undefined) result.criticalHigh = critical.high.value;
  return result;
}
