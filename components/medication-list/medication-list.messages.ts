import type { ChartStoreErrorCode } from '../../model/index.js';
import { deliveryNoteMessages } from '../shared/delivery-note.messages.js';
import { formatDay, formatTime } from '../shared/format-time.js';

/** Every text of the medication list, in English, for translation. */
export const medicationListMessages = {
  /** How dates are written (an Intl locale). */
  dateLocale: 'en-GB',
  title: 'Medications',
  section: {
    active: 'Active',
    'not-started': 'Not started',
    'on-hold': 'On hold',
    past: 'Past',
  },
  sectionEmpty: {
    active: 'No active medications.',
    'not-started': 'No medications waiting to start.',
    'on-hold': 'No medications on hold.',
    past: 'No past medications.',
  },
  status: {
    active: 'Active',
    'on-hold': 'On hold',
    completed: 'Completed',
    stopped: 'Stopped',
    cancelled: 'Cancelled',
    draft: 'Draft: not yet authorised',
    intended: 'Intended: not started',
    unknown: 'Status unknown',
    'not-taken': 'Not taken',
    'entered-in-error': 'Entered in error',
  } as Record<string, string>,
  idle: 'No patient chart is connected.',
  pending: 'Loading medications…',
  empty: 'No medications recorded.',
  error: (message: string) => `Medications could not be loaded: ${message}`,

  statusLabel: 'Status',
  /** When it was (or is) taken: "from 1 Feb 2024", "8 Jul 2020 to 10 Aug 2020", "from 8 Jul 2020, end not recorded". */
  period: (start: string | undefined, end: string | undefined, ongoing: boolean) =>
    end
      ? `${start ?? 'start not recorded'} to ${end}`
      : start
        ? `from ${start}${ongoing ? '' : ', end not recorded'}`
        : 'dates not recorded',
  /** Who prescribed it, or for a statement who reported it. */
  source: (kind: 'MedicationRequest' | 'MedicationStatement', who: string | undefined) =>
    kind === 'MedicationRequest'
      ? who
        ? `prescribed by ${who}`
        : 'prescriber not named'
      : who
        ? `reported by ${who}`
        : 'source not named',
  /** One line under the medication line: "Active · from 1 Feb 2024 · prescribed by Dr Priya Naidoo". */
  details: (status: string, period: string, source: string) => `${status} · ${period} · ${source}`,
  notRecorded: 'not recorded',

  changeDose: 'Change dose',
  discontinue: 'Discontinue',
  history: 'History',

  doseForm: (drug: string) => `Change the dose of ${drug}`,
  currentDose: (dose: string) => `Current dose: ${dose}`,
  newDose: 'New dose',
  unit: 'Unit',
  chooseUnit: 'Choose a unit',
  textReplaced: (text: string) =>
    `The written instruction “${text}” is replaced by the new structured dose.`,
  saveDose: 'Save new dose',
  cancel: 'Cancel',
  problem: {
    empty: 'Enter the new dose.',
    comma: 'Write the dose without commas: 1000, not 1,000; a point for decimals: 0.5.',
    notNumber: 'Enter the dose as a number, for example 500 or 0.5.',
    notPositive: 'The dose must be more than zero.',
    noUnit: 'Choose the unit of the dose.',
    same: 'That is the current dose.',
  },

  discontinueForm: (line: string) => `Discontinue ${line}?`,
  discontinueReason: 'Reason (optional)',
  confirmDiscontinue: 'Discontinue now',
  discontinueRevision: (reason: string) => (reason ? `discontinued: ${reason}` : 'discontinued'),
  doseRevision: (dose: string) => `dose changed to ${dose}`,

  /** The patient record could not be read: a death, and the notice it would bring, cannot be known. */
  patientUnreadable: (message: string) =>
    `The patient record could not be read (${message}): whether the patient has died is not known.`,
  /** The patient has died, yet `count` medications are still active or on hold. */
  diedNotice: (date: string | undefined, count: number) =>
    `The patient died${date ? ` on ${formatDay(date, medicationListMessages.dateLocale)}` : ''}, but ${count === 1 ? '1 medication is' : `${count} medications are`} still recorded as active or on hold.`,
  conflict: (drug: string) => `Conflict: ${drug} was changed by two people at once`,
  conflictsNotice: (count: number) =>
    count === 1
      ? 'One medication has conflicting changes: choose the right version below.'
      : `${count} medications have conflicting changes: choose the right version of each below.`,
  conflictHelp: 'Both versions are kept until a clinician chooses the right one.',
  conflictReadOnly: 'A clinician must choose the right version.',
  versionBy: (author: string) => `Version by ${author},`,
  keepVersion: 'Keep this version',
  enterRightDose: 'Enter the right dose',
  resolveForm: (drug: string) => `Enter the right dose of ${drug}`,
  resolveBase: (author: string) => `Starts from the newest version, by ${author}.`,
  saveResolution: 'Save as the right dose',
  resolvedKeeping: (author: string) => `conflict resolved: kept the version by ${author}`,
  resolvedWithDose: (dose: string) => `conflict resolved: dose entered as ${dose}`,

  historyOf: (drug: string) => `History of ${drug}`,
  historyPending: 'Loading history…',
  historyError: (message: string) => `History could not be loaded: ${message}`,
  historyKind: { recorded: 'Recorded', changed: 'Changed', resolved: 'Conflict resolved' },
  by: (author: string, role: string) => `${author} (${role})`,
  change: { dose: 'Dose', status: 'Status', medication: 'Medication', end: 'End' },
  changedTo: 'changed to',
  or: ' or ',
  otherDetails: 'Other details changed',
  reason: (reason: string) => `Reason: ${reason}`,

  saveFailed: (message: string) => `Not saved: ${message}`,
  storeError: {
    stale:
      'someone changed this medication first. Check the current version above, then save again.',
    'read-only': 'your role can read this chart but not change it.',
  } as Partial<Record<ChartStoreErrorCode, string>>,
  saved: {
    discontinue: (drug: string) => `${drug} discontinued.`,
    dose: (drug: string, dose: string) => `Dose of ${drug} changed to ${dose}.`,
    resolve: (drug: string) => `Conflict resolved for ${drug}.`,
  },
  newConflict: (drug: string) => `Conflicting changes to ${drug}: choose the right version.`,
  /** Where a medication stands with the hospital record (not said once it is sent). */
  delivery: deliveryNoteMessages,
};

/** An ISO date or dateTime as people read it: "3 Mar 2024" (with the time of day when asked); a partial date as far as it goes. */
export function formatDate(value: string | undefined, withTime = false): string | undefined {
  if (!value) return undefined;
  return withTime
    ? formatTime(value, medicationListMessages.dateLocale)
    : formatDay(value, medicationListMessages.dateLocale);
}
