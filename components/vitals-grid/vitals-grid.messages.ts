import type { ChartStoreErrorCode } from '../../model/index.js';
import { deliveryNoteMessages } from '../shared/delivery-note.messages.js';
import { formatNumber, type News2Result, type News2Risk } from '../../clinical/index.js';
import type { News2Withheld, RowId } from './vitals-rows.js';

// Every text of the vitals grid, in one place for translation. Clinical
// labels (sign names, flags, NEWS2 wording, ACVPU) come from clinical/.

export const vitalsGridMessages = {
  title: 'Vital signs',
  caption: 'Vital signs, newest first',
  region: 'Vital signs chart',
  vitalSign: 'Vital sign',
  trend: 'Trend',
  rows: {
    'respiratory-rate': 'Respiratory rate',
    'oxygen-saturation': 'SpO₂',
    oxygen: 'Air or oxygen',
    'blood-pressure': 'Blood pressure',
    'heart-rate': 'Heart rate',
    consciousness: 'Consciousness',
    temperature: 'Temperature',
    weight: 'Weight',
    height: 'Height',
    bmi: 'BMI',
  } satisfies Record<RowId, string>,
  news2: 'NEWS2',
  news2Scale: (scale: 1 | 2) => `SpO₂ scale ${scale}`,
  risk: {
    low: 'Low risk',
    'low-medium': 'Low–medium risk',
    medium: 'Medium risk',
    high: 'High risk',
  } satisfies Record<News2Risk, string>,
  redScore: (parameters: string) => `3 in a single parameter: ${parameters}`,
  incomplete: 'Incomplete',
  missing: (parameters: string) => `missing ${parameters}`,
  atLeast: (risk: string) => `at least ${risk}`,
  fromGcs: (gcs: number) => `consciousness from GCS ${gcs}`,
  notRecorded: 'Not recorded',
  deliveryRow: 'Hospital record',
  deliveryNothing: 'sent, or not changed here',
  deliveryCount: (count: number, total: number) => `${count} of ${total} observations`,
  delivery: deliveryNoteMessages,
  air: 'Air',
  oxygen: 'Oxygen',
  fio2: (percent: string) => `FiO₂ ${percent}`,
  gcs: (score: string) => `GCS ${score}`,
  systolicOnly: (value: string) => `${value} systolic`,
  diastolicOnly: (value: string) => `${value} diastolic`,
  systolic: 'systolic',
  diastolic: 'diastolic',
  enteredInError: 'Entered in error',
  conflict: (count: number) => `Conflict: ${count} versions`,
  conflictColumn: 'Conflict',
  version: (index: number, author: string) => `Version ${index}, by ${author}`,
  news2Conflict: 'Scores differ between the conflicting versions',
  trendLabel: (label: string, values: string) => `${label} trend, oldest to newest: ${values}`,
  pending: 'Loading vital signs…',
  empty: 'No vital signs recorded for this patient.',
  emptyPage: 'No older vital signs.',
  noPatient: 'No patient selected.',
  error: (code: ChartStoreErrorCode) => errorText[code],
  errorDetail: (message: string) => `Details: ${message}`,
  overdue: (since: string, every: string) =>
    `Observations overdue: last set ${since} ago (due every ${every}).`,
  /** When the last NEWS2 asks for the next set sooner than the chart's interval (RCP Chart 4). */
  overdueByNews2: (since: string, every: string, { total, partialSum, redScore }: News2Result) =>
    `Observations overdue: last NEWS2 set ${since} ago; ${
      redScore && (total ?? partialSum) < 5
        ? 'with a score of 3 in one parameter'
        : total !== undefined
          ? `at NEWS2 ${total}`
          : `at a partial NEWS2 of ${partialSum}`
    } they are due at least every ${every}.`,
  /** Above the table when a set on the page was taken before the patient's 16th birthday. */
  childRanges: (hostRanges: boolean) =>
    `Under 16: adult reference ranges and NEWS2 do not apply. Values are flagged only where the observation itself says${hostRanges ? ', or by the ranges set for this chart' : ''}.`,
  /** Above the table when a set on the page was taken while a pregnancy is recorded. */
  pregnancy:
    'Pregnancy recorded: NEWS2 is not for use in pregnancy. Use an obstetric early warning score.',
  /** Above the table when a set on the page was taken soon after a recorded pregnancy ended (and none in one). */
  postpartum: (days: number) =>
    `Recent pregnancy: NEWS2 is not used for ${days} days after a pregnancy ends. Use an obstetric early warning score.`,
  /** The NEWS2 cell of a set it does not apply to. */
  news2Withheld: {
    'under-16': 'Not for under 16s',
    pregnancy: 'Not for use in pregnancy',
    postpartum: 'Not for use soon after pregnancy',
  } satisfies Record<News2Withheld, string>,
  /** In place of the overdue marker once the patient has died; the date when it is recorded. */
  notDueDied: (date: string | undefined) =>
    date
      ? `No observations due: the patient died on ${date}.`
      : 'No observations due: the patient has died.',
  /** A time span for people: "45 min", "5 h 20 min", "12 days". */
  duration: (totalMinutes: number) => {
    const hours = Math.floor(totalMinutes / 60);
    const minutes = Math.floor(totalMinutes % 60);
    if (hours >= 48) return `${formatNumber(Math.floor(hours / 24))} days`;
    return hours ? `${hours} h${minutes ? ` ${minutes} min` : ''}` : `${minutes} min`;
  },
  newer: 'Newer',
  older: 'Older',
  newest: 'Newest',
  showing: (count: number, from: string, to: string) =>
    count === 1 ? `1 set: ${from}` : `${count} sets: ${from} to ${to}`,
  record: 'Record vital signs',
  closeForm: 'Close form',
  newSet: (time: string) => `New vital signs at ${time}.`,
  saveFailed: (message: string) => `Not saved: nothing of this set was recorded. ${message}`,
  /** Dates are written the same way on every machine: "12 Mar 2024, 14:05". */
  dateLocale: 'en-GB',
};

const errorText: Record<ChartStoreErrorCode, string> = {
  unavailable: 'Vital signs cannot be shown: this device’s storage is not available.',
  blocked:
    'Vital signs cannot be shown: another tab is holding the chart open. Close other tabs of the chart.',
  'version-change': 'The chart was updated in another tab: reload the page.',
  'quota-exceeded': 'This device is out of storage space.',
  invalid: 'The vital signs could not be read.',
  stale: 'The chart changed: reload the page.',
  'not-found': 'No chart for this patient on this device.',
  'read-only': 'You can view but not record vital signs.',
  closed: 'The chart was closed.',
};
