import type { ChartStoreErrorCode, TimelineEvent, TimelineKind } from '../../model/index.js';
import { formatNumber } from '../../clinical/index.js';
import type { TimelineFilter, TimelineZoom } from './timeline-filters.js';

// Every text of the chart timeline, in one place for translation.

const count = (n: number, one: string, many: string) =>
  `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

export const chartTimelineMessages = {
  region: 'Chart timeline',
  list: 'Timeline, newest first',
  filters: 'Show',
  filter: {
    encounters: 'Encounters',
    notes: 'Notes',
    labs: 'Lab reports',
    imaging: 'Imaging',
    procedures: 'Procedures',
    immunizations: 'Immunizations',
    medications: 'Medications',
    allergies: 'Allergies',
    warnings: 'Overridden warnings',
    'vital-signs': 'Vital signs',
  } satisfies Record<TimelineFilter, string>,
  zoomLabel: 'Range',
  zoom: { day: 'Day', week: 'Week', month: 'Month', year: 'Year', all: 'All' } satisfies Record<
    TimelineZoom,
    string
  >,
  density: 'Where the events are; choose a bar to go there',
  bar: (from: string, to: string, events: number, vitalSigns: number) =>
    `${from} to ${to}: ${count(events, 'event', 'events')}${vitalSigns ? `, ${count(vitalSigns, 'vital-sign reading', 'vital-sign readings')}` : ''}`,
  kind: {
    Encounter: 'Encounter',
    DocumentReference: 'Note',
    DiagnosticReport: 'Lab report',
    ImagingStudy: 'Imaging',
    Procedure: 'Procedure',
    Immunization: 'Immunization',
    MedicationRequest: 'Medication started',
    MedicationStatement: 'Medication',
    AllergyIntolerance: 'Allergy recorded',
    DetectedIssue: 'Warning overridden',
    Condition: 'Condition',
    'vital-signs': 'Vital signs',
    observation: 'Observation',
  } satisfies Record<TimelineKind, string>,
  vitalSet: (count: number) => (count === 1 ? '1 reading' : `${count} readings`),
  medicationEnded: {
    stopped: 'Stopped',
    completed: 'Completed',
    cancelled: 'Cancelled',
    'on-hold': 'On hold',
  } as Record<string, string>,
  /** The kind of a medication's further entries: its stop, and each change of its dose. */
  phase: { stopped: 'Medication stopped', 'dose-changed': 'Dose changed' } satisfies Record<
    NonNullable<TimelineEvent['phase']>,
    string
  >,
  /** Read in place of the arrow of a dose change: "500 mg changed to 1,000 mg". */
  changedTo: 'changed to',
  changedBy: (author: string) => `by ${author}`,
  /** A complete set's score, before its band: "NEWS2 3, Low risk". */
  news2: (total: number) => `NEWS2 ${total}`,
  /** A medication's end date, on a record that does not say it has ended (yet). */
  medicationEnds: 'Ends',
  until: (date: string) => `until ${date}`,
  enteredInError: 'Entered in error',
  conflict: 'Conflict: two versions, not yet resolved',
  inEncounter: (title: string) => `Part of: ${title}`,
  pending: 'Loading the timeline…',
  empty: 'Nothing recorded for this patient.',
  emptyFiltered: 'Nothing of the kinds shown. Change the filter to see more.',
  emptyRange: 'Nothing in this range.',
  noPatient: 'No patient selected.',
  loadingMore: 'Loading older entries…',
  start: 'Start of the range.',
  /** At the end of a printed timeline. */
  printedAll: (count: number) =>
    `${formatNumber(count)} ${count === 1 ? 'entry' : 'entries'}: all of the range.`,
  printedPart: (count: number, oldest: string) =>
    `${formatNumber(count)} ${count === 1 ? 'entry' : 'entries'}, back to ${oldest}. Older entries in this range were not loaded: scroll to the end of the list before printing to include them.`,
  jumped: (date: string) => `Showing entries before ${date}.`,
  newest: 'Back to newest',
  allergiesHidden: 'Allergies are hidden by the filter.',
  error: (code: ChartStoreErrorCode) => errorText[code],
  errorDetail: (message: string) => `Details: ${message}`,
  /** Dates are written the same way on every machine: "12 Mar 2024, 14:05". */
  dateLocale: 'en-GB',
};

const errorText: Record<ChartStoreErrorCode, string> = {
  unavailable: 'The timeline cannot be shown: this device’s storage is not available.',
  blocked:
    'The timeline cannot be shown: another tab is holding the chart open. Close other tabs of the chart.',
  'version-change': 'The chart was updated in another tab: reload the page.',
  'quota-exceeded': 'This device is out of storage space.',
  invalid: 'The timeline could not be read.',
  stale: 'The chart changed: reload the page.',
  'not-found': 'No chart for this patient on this device.',
  'read-only': 'You can view but not change this chart.',
  closed: 'The chart was closed.',
};
