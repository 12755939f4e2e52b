import type { ChartStoreErrorCode } from '../../model/index.js';
import { formatDay, formatTime } from '../shared/format-time.js';

/** Every text of the problem list, in English, for translation. */
export const problemListMessages = {
  /** How dates are written (an Intl locale). */
  dateLocale: 'en-GB',
  title: 'Problems',
  section: { active: 'Active', past: 'Resolved and inactive' },
  sectionEmpty: {
    active: 'No active problems.',
    past: 'No resolved or inactive problems.',
  },
  idle: 'No patient chart is connected.',
  pending: 'Loading problems…',
  empty: 'No problems recorded.',
  error: (message: string) => `Problems could not be loaded: ${message}`,

  clinicalStatus: {
    active: 'Active',
    recurrence: 'Recurrence',
    relapse: 'Relapse',
    inactive: 'Inactive',
    remission: 'In remission',
    resolved: 'Resolved',
  } as Record<string, string>,
  noClinicalStatus: 'Clinical status not recorded',
  /** Verification shown beside the name; confirmed says nothing. */
  verification: {
    unconfirmed: 'Unconfirmed',
    provisional: 'Provisional',
    differential: 'Differential diagnosis',
  } as Record<string, string>,
  uncoded: 'Uncoded',
  uncodedHelp: 'recorded as free text, with no SNOMED CT code',
  unnamed: 'Problem not named',
  encounterDiagnosis: 'Encounter diagnosis',
  severity: (label: string) => `Severity: ${label}`,

  onset: {
    dateTime: (date: string) => `Onset ${date}`,
    age: (age: string) => `Onset at age ${age}`,
    period: (from: string | undefined, to: string | undefined) =>
      from && to
        ? `Onset between ${from} and ${to}`
        : from
          ? `Onset from ${from}`
          : `Onset by ${to}`,
    range: (range: string) => `Onset at age ${range}`,
    string: (text: string) => `Onset: ${text}`,
    none: 'Onset not recorded',
  },
  abatement: {
    dateTime: (date: string) => `Ended ${date}`,
    age: (age: string) => `Ended at age ${age}`,
    period: (from: string | undefined, to: string | undefined) =>
      from && to
        ? `Ended between ${from} and ${to}`
        : from
          ? `Ended from ${from}`
          : `Ended by ${to}`,
    range: (range: string) => `Ended at age ${range}`,
    string: (text: string) => `Ended: ${text}`,
  },
  /** The UCUM units of time an Age is given in (FHIR R4 Age), singular and plural. */
  ageUnits: {
    a: ['year', 'years'],
    mo: ['month', 'months'],
    wk: ['week', 'weeks'],
    d: ['day', 'days'],
    h: ['hour', 'hours'],
    min: ['minute', 'minutes'],
  } as Record<string, readonly [string, string]>,
  ageRange: (low: string | undefined, high: string | undefined) =>
    low && high ? `${low} to ${high}` : (low ?? high ?? ''),

  hidden: (count: number) =>
    count === 1
      ? '1 record not shown: refuted or entered in error.'
      : `${count} records not shown: refuted or entered in error.`,
  showEncounterDiagnoses: (count: number) => `Show encounter diagnoses (${count})`,

  record: 'Record a problem',
  recordForm: 'Record a problem',
  search: 'Find a problem (SNOMED CT)',
  searchHelp:
    'Type part of its name; choose one of the matches, or record what you typed as free text.',
  matches: 'Matches',
  noMatches: 'No common problem matches: record it as free text, or try other words.',
  chosen: (name: string, code: string) => `Chosen: ${name} (SNOMED CT ${code})`,
  asFreeText: (text: string) => `Record “${text}” as free text (uncoded)`,
  chooseFirst: 'Choose a problem from the matches, or record what you typed as free text.',
  onsetDate: 'Onset date (optional)',
  badDate: 'Enter the date as a day, or leave it empty.',
  save: 'Record problem',
  cancel: 'Cancel',

  resolve: 'Resolve',
  resolveForm: (name: string) => `Resolve ${name}`,
  resolvedOn: 'Resolved on',
  confirmResolve: 'Mark resolved',
  futureDate: 'The date cannot be in the future.',
  history: 'History',

  conflict: (name: string) => `Conflict: ${name} was changed by two people at once`,
  conflictsNotice: (count: number) =>
    count === 1
      ? 'One problem has conflicting changes: a clinician must choose the right version.'
      : `${count} problems have conflicting changes: a clinician must choose the right version of each.`,
  conflictHelp: 'Both versions are kept until a clinician chooses the right one.',
  conflictReadOnly: 'A clinician must choose the right version.',
  versionBy: (author: string) => `Version by ${author},`,
  keepVersion: 'Keep this version',
  resolvedKeeping: (author: string) => `conflict resolved: kept the version by ${author}`,

  recordReason: 'problem recorded',
  resolveReason: 'problem resolved',
  saveFailed: (message: string) => `Not saved: ${message}`,
  storeError: {
    stale: 'someone changed this problem first. Check the current version, then save again.',
    'read-only': 'your role can read this chart but not change it.',
  } as Partial<Record<ChartStoreErrorCode, string>>,
  saved: {
    record: (name: string) => `${name} recorded.`,
    resolve: (name: string) => `${name} marked resolved.`,
    keep: (name: string) => `Conflict resolved for ${name}.`,
  },
  newConflict: (name: string) => `Conflicting changes to ${name}: a clinician must choose.`,
};

/** An ISO date or dateTime as people read it: "3 Mar 2024"; with the time when asked. */
export function formatDate(value: string | undefined, withTime = false): string | undefined {
  if (!value) return undefined;
  return withTime
    ? formatTime(value, problemListMessages.dateLocale)
    : formatDay(value, problemListMessages.dateLocale);
}
