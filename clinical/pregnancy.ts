import { LOINC, SNOMED, type Condition, type Observation } from '../model/index.js';

// NEWS2 is not for use in pregnancy (Royal College of Physicians, NEWS2,
// 2017): the physiology of pregnancy changes what is normal, and an
// obstetric early warning score is used instead. So a set of vital signs
// taken while a pregnancy is recorded on the chart gets no NEWS2.
//
// A pregnancy is a Condition coded as one (below), not refuted or entered
// in error, from its onset to its abatement; or a Pregnancy status
// Observation valued "Pregnant" (as US Core and IPS record it), from the
// time it was observed. A recorded end is trusted; with none, a later status
// of "Not pregnant" ends it, and it lasts at most MAX_PREGNANCY_WEEKS, so
// that a pregnancy nobody marked as over does not withhold NEWS2 for years.
// Where a date is partial, the window is widened, never narrowed: a NEWS2
// shown in pregnancy is the error to avoid.
//
// Nor is NEWS2 validated soon after a pregnancy, when physiology has not yet
// returned to normal and most maternal deaths after birth happen: maternity
// services score the six weeks after birth (the puerperium) with their
// obstetric score. So a set taken within POSTPARTUM_DAYS of a pregnancy's
// end gets none either; a host whose policy scores postnatal women with
// NEWS2 sets fewer days, or none.

/** Pregnancy findings and the ICD-10 codes of a pregnant state (SNOMED CT; ICD-10 Z33–Z35; ICD-10-CM Z33.1, Z34, O09). */
export const PREGNANCY_CODES = {
  [SNOMED]: ['77386006', '72892002', '47200007'],
  'http://hl7.org/fhir/sid/icd-10': ['Z33', 'Z34', 'Z35'],
  'http://hl7.org/fhir/sid/icd-10-cm': ['Z33.1', 'Z34', 'O09'],
} as const satisfies Record<string, readonly string[]>;

/** LOINC codes of a pregnancy status Observation: Pregnancy status, and Pregnancy status – Reported. */
export const PREGNANCY_STATUS_CODES = ['82810-3', '11449-6'] as const;

/** The status values that say something (SNOMED CT); others (unknown, not yet confirmed) say nothing. */
const STATUS_VALUES: Record<string, 'pregnant' | 'not-pregnant'> = {
  '77386006': 'pregnant',
  '60001007': 'not-pregnant',
};

/** Gestation is at most about 42 weeks; two more for an onset recorded at the last period. */
export const MAX_PREGNANCY_WEEKS = 44;

/** The puerperium: six weeks after a pregnancy ends. */
export const POSTPARTUM_DAYS = 42;

/** The days a host set, made safe: none below zero, and the default for a value that is not a number. */
export function postpartumDaysOf(days: number): number {
  return Number.isFinite(days) ? Math.max(0, days) : POSTPARTUM_DAYS;
}

const DAY = 24 * 3_600_000;
const WEEK = 7 * DAY;
/** A date without a time covers that day in every time zone: UTC+14 to UTC−12. */
const ZONE_MARGIN = { before: 14 * 3_600_000, after: 12 * 3_600_000 };
const DATE_ONLY = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** The first or last moment a FHIR date or dateTime can mean, in ms; undefined when it cannot be read. */
function bound(value: string | undefined, end: 'first' | 'last'): number | undefined {
  if (!value) return undefined;
  const match = DATE_ONLY.exec(value);
  if (!match) {
    const time = Date.parse(value);
    return Number.isNaN(time) ? undefined : time;
  }
  const year = Number(match[1]);
  const month = match[2] ? Number(match[2]) - 1 : end === 'first' ? 0 : 11;
  if (end === 'first')
    return Date.UTC(year, month, match[3] ? Number(match[3]) : 1) - ZONE_MARGIN.before;
  const nextDay = match[3]
    ? Date.UTC(year, month, Number(match[3]) + 1)
    : Date.UTC(year, month + 1, 1);
  return nextDay + ZONE_MARGIN.after;
}

const VOID_VERIFICATION = new Set(['refuted', 'entered-in-error']);

/** SNOMED CT codes match exactly; ICD-10 codes by prefix, as the classification nests them (Z34.0 is under Z34). */
function isPregnancyCode({ system, code }: { system?: string; code?: string }): boolean {
  if (!system || !code || !Object.hasOwn(PREGNANCY_CODES, system)) return false;
  const codes: readonly string[] = PREGNANCY_CODES[system as keyof typeof PREGNANCY_CODES];
  return codes.some((c) => (system === SNOMED ? code === c : code.startsWith(c)));
}

function isPregnancy(condition: Condition): boolean {
  if (
    condition.verificationStatus?.coding?.some(
      (c) => c.code !== undefined && VOID_VERIFICATION.has(c.code),
    )
  )
    return false;
  return condition.code?.coding?.some(isPregnancyCode) ?? false;
}

export interface PregnancyPeriod {
  /** ms since the epoch, inclusive. */
  from: number;
  /** ms since the epoch, exclusive. */
  to: number;
}

interface StatusAt {
  value: 'pregnant' | 'not-pregnant';
  /** The first and last moment the observed time can mean. */
  first: number;
  last: number;
}

const VOID_OBSERVATION = new Set(['cancelled', 'entered-in-error']);

function statusOf(observation: Observation): StatusAt[] {
  if (VOID_OBSERVATION.has(observation.status)) return [];
  if (
    !observation.code.coding?.some(
      (c) =>
        c.system === LOINC && (PREGNANCY_STATUS_CODES as readonly string[]).includes(c.code ?? ''),
    )
  )
    return [];
  const coding = observation.valueCodeableConcept?.coding?.find(
    (c) => c.system === SNOMED && Object.hasOwn(STATUS_VALUES, c.code ?? ''),
  );
  const time =
    observation.effectiveDateTime ??
    observation.effectivePeriod?.start ??
    observation.effectiveInstant ??
    observation.issued;
  const [first, last] = [bound(time, 'first'), bound(time, 'last')];
  return coding && first !== undefined && last !== undefined
    ? [{ value: STATUS_VALUES[coding.code!]!, first, last }]
    : [];
}

/**
 * When the recorded pregnancies were: from the chart's conditions and its
 * pregnancy status observations (either may be empty). A pregnancy with no
 * date to place it by is left out.
 */
export function pregnancyPeriods(
  conditions: readonly Condition[],
  statusObservations: readonly Observation[] = [],
): PregnancyPeriod[] {
  const statuses = statusObservations.flatMap(statusOf);
  /** Without a recorded end: the first "Not pregnant" after the start, or the longest a pregnancy lasts. */
  const endFrom = (from: number) =>
    Math.min(
      from + MAX_PREGNANCY_WEEKS * WEEK,
      ...statuses
        .filter((status) => status.value === 'not-pregnant' && status.first > from)
        .map((status) => status.last),
    );
  const fromConditions = conditions.filter(isPregnancy).flatMap((condition): PregnancyPeriod[] => {
    const from = bound(
      condition.onsetDateTime ?? condition.onsetPeriod?.start ?? condition.recordedDate,
      'first',
    );
    if (from === undefined) return [];
    const recordedEnd = bound(
      condition.abatementDateTime ??
        condition.abatementPeriod?.end ??
        condition.abatementPeriod?.start,
      'last',
    );
    return [{ from, to: recordedEnd ?? endFrom(from) }];
  });
  const fromStatuses = statuses
    .filter((status) => status.value === 'pregnant')
    .map(({ first }) => ({ from: first, to: endFrom(first) }));
  return [...fromConditions, ...fromStatuses];
}

/**
 * Whether a time (FHIR date or dateTime) falls in one of the periods
 * ('pregnancy'), or within `postpartumDays` after the end of one
 * ('postpartum'); undefined when neither.
 */
export function pregnancyStateAt(
  periods: readonly PregnancyPeriod[],
  at: string,
  postpartumDays = POSTPARTUM_DAYS,
): 'pregnancy' | 'postpartum' | undefined {
  const time = bound(at, 'first');
  if (time === undefined) return undefined;
  if (periods.some(({ from, to }) => time >= from && time < to)) return 'pregnancy';
  const after = postpartumDaysOf(postpartumDays) * DAY;
  return periods.some(({ from, to }) => time >= from && time < to + after)
    ? 'postpartum'
    : undefined;
}
