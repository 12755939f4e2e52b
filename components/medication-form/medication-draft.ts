import {
  SNOMED,
  UCUM,
  type ChartUser,
  type CodeableConcept,
  type Dosage,
  type Medication,
  type Quantity,
} from '../../model/index.js';
import { timingWords, unitFor, unitWords } from '../../clinical/index.js';
import type { CommonDrug } from '../../clinical/data/common-drugs.js';
import { medicationFormMessages as m } from './medication-form.messages.js';

// What the clinician typed, as the FHIR resource the form will save: a
// MedicationRequest (an order) or a MedicationStatement (taken at home).
// Pure: the element keeps the fields, this builds and checks.

type Repeat = NonNullable<NonNullable<Dosage['timing']>['repeat']>;

/** Routes offered, with their SNOMED CT codes (FHIR R4 route value set examples, as clinical/dose-route.ts reads them). */
export const ROUTES = {
  oral: { code: '26643006', display: 'Oral route' },
  intravenous: { code: '47625008', display: 'Intravenous route' },
  intramuscular: { code: '78421000', display: 'Intramuscular route' },
  subcutaneous: { code: '34206005', display: 'Subcutaneous route' },
  sublingual: { code: '37839007', display: 'Sublingual route' },
  topical: { code: '6064005', display: 'Topical route' },
  rectal: { code: '37161004', display: 'Rectal route' },
  inhaled: { code: '447694001', display: 'Respiratory tract route' },
} as const;
export type RouteId = keyof typeof ROUTES;

/** Frequencies offered, as FHIR Timing.repeat; each labelled the way the medication line writes it. */
export const FREQUENCIES = {
  'once-daily': { frequency: 1, period: 1, periodUnit: 'd' },
  'twice-daily': { frequency: 2, period: 1, periodUnit: 'd' },
  'three-times-daily': { frequency: 3, period: 1, periodUnit: 'd' },
  'four-times-daily': { frequency: 4, period: 1, periodUnit: 'd' },
  'every-4-hours': { frequency: 1, period: 4, periodUnit: 'h' },
  'every-6-hours': { frequency: 1, period: 6, periodUnit: 'h' },
  'every-8-hours': { frequency: 1, period: 8, periodUnit: 'h' },
  'every-12-hours': { frequency: 1, period: 12, periodUnit: 'h' },
  'at-bedtime': { frequency: 1, period: 1, periodUnit: 'd', when: ['HS'] },
  'once-weekly': { frequency: 1, period: 1, periodUnit: 'wk' },
} as const satisfies Record<string, Repeat>;
export type FrequencyId = keyof typeof FREQUENCIES;

/** Dose units offered (UCUM codes). */
export const DOSE_UNITS = ['mg', 'ug', 'g', 'mL', '[iU]', '{tbl}', '{capsule}', '{puff}', '[drp]'];

export const frequencyLabel = (id: FrequencyId): string =>
  timingWords({
    repeat: { ...FREQUENCIES[id], when: [...((FREQUENCIES[id] as Repeat).when ?? [])] },
  }) ?? id;

/** "mg", "tablets": how the unit reads after a number other than one. */
export function unitLabel(code: string): string {
  const words = unitWords(code, undefined);
  return words ? unitFor(2, words) : code;
}

export interface MedicationFields {
  kind: 'MedicationRequest' | 'MedicationStatement';
  /** The drug chosen from the list; undefined when only text was typed. */
  drug: CommonDrug | undefined;
  drugText: string;
  dose: string;
  unit: string;
  route: RouteId | '';
  frequency: FrequencyId | '';
  asNeeded: boolean;
  asNeededReason: string;
  courseDays: string;
  /** YYYY-MM-DD, or empty. */
  start: string;
}

export type MedicationField = 'drug' | 'dose' | 'frequency' | 'courseDays' | 'start';
export type MedicationProblems = Partial<Record<MedicationField, string>>;

export const emptyFields = (): MedicationFields => ({
  kind: 'MedicationRequest',
  drug: undefined,
  drugText: '',
  dose: '',
  unit: 'mg',
  route: 'oral',
  frequency: '',
  asNeeded: false,
  asNeededReason: '',
  courseDays: '',
  start: '',
});

/** A typed positive number: digits and one point; no commas ("1,5" is ambiguous). */
function positive(text: string): number | undefined | 'bad' {
  const typed = text.trim();
  if (!typed) return undefined;
  if (!/^(\d+\.?\d*|\.\d+)$/.test(typed)) return 'bad';
  const value = Number(typed);
  return value > 0 && Number.isFinite(value) ? value : 'bad';
}

/** What is wrong with the fields, by field; empty when they can be saved. */
export function medicationProblems(fields: MedicationFields): MedicationProblems {
  const problems: MedicationProblems = {};
  if (!fields.drug && !fields.drugText.trim()) problems.drug = m.problem.drug;
  const dose = positive(fields.dose);
  if (dose === undefined) problems.dose = m.problem.dose;
  else if (dose === 'bad') problems.dose = m.problem.doseNumber;
  if (!fields.frequency && !fields.asNeeded) problems.frequency = m.problem.frequency;
  const days = positive(fields.courseDays);
  if (days === 'bad' || (typeof days === 'number' && !Number.isInteger(days)))
    problems.courseDays = m.problem.courseDays;
  if (fields.start && !/^\d{4}-\d{2}-\d{2}$/.test(fields.start)) problems.start = m.problem.start;
  return problems;
}

function medicationConcept(fields: MedicationFields): CodeableConcept | undefined {
  if (fields.drug)
    return {
      coding: [
        { system: fields.drug.system, code: fields.drug.code, display: fields.drug.display },
      ],
    };
  const text = fields.drugText.trim();
  return text ? { text } : undefined;
}

/** The last day of a course of `days` days from `start` (inclusive, as FHIR reads a date). */
function lastDay(start: string, days: number): string {
  const date = new Date(`${start}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days - 1);
  return date.toISOString().slice(0, 10);
}

function dosageOf(fields: MedicationFields, withStart: boolean): Dosage {
  const dose = positive(fields.dose);
  const days = positive(fields.courseDays);
  const repeat: Repeat = fields.frequency
    ? (structuredClone(FREQUENCIES[fields.frequency]) as Repeat)
    : {};
  const course = typeof days === 'number' && Number.isInteger(days) ? days : undefined;
  if (withStart && fields.start)
    repeat.boundsPeriod = {
      start: fields.start,
      ...(course && { end: lastDay(fields.start, course) }),
    };
  else if (course) repeat.boundsDuration = { value: course, unit: 'days', system: UCUM, code: 'd' };
  const reason = fields.asNeededReason.trim();
  const route = fields.route ? ROUTES[fields.route] : undefined;
  const quantity: Quantity | undefined =
    typeof dose === 'number'
      ? { value: dose, unit: unitLabel(fields.unit), system: UCUM, code: fields.unit }
      : undefined;
  return {
    ...(Object.keys(repeat).length && { timing: { repeat } }),
    ...(fields.asNeeded &&
      (reason ? { asNeededCodeableConcept: { text: reason } } : { asNeededBoolean: true })),
    ...(route && { route: { coding: [{ system: SNOMED, ...route }] } }),
    ...(quantity && { doseAndRate: [{ doseQuantity: quantity }] }),
  };
}

/**
 * The resource as it would be saved now (for the preview and the checks,
 * also while incomplete). `now` is an ISO instant; an order is authored then,
 * a statement asserted then.
 */
export function draftMedication(
  fields: MedicationFields,
  patientId: string,
  user: Pick<ChartUser, 'displayName'>,
  now: string,
  id?: string,
): Medication {
  const medication = medicationConcept(fields) ?? { text: '' };
  const subject = { reference: `Patient/${patientId}` };
  const who = { display: user.displayName };
  if (fields.kind === 'MedicationRequest')
    return {
      resourceType: 'MedicationRequest',
      ...(id && { id }),
      status: 'active',
      intent: 'order',
      medicationCodeableConcept: medication,
      subject,
      authoredOn: now,
      requester: who,
      dosageInstruction: [dosageOf(fields, true)],
    };
  return {
    resourceType: 'MedicationStatement',
    ...(id && { id }),
    status: 'active',
    medicationCodeableConcept: medication,
    subject,
    ...(fields.start && { effectivePeriod: { start: fields.start } }),
    dateAsserted: now,
    informationSource: who,
    dosage: [dosageOf(fields, false)],
  };
}
