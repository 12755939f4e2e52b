import type { ChartStoreErrorCode } from '../../model/index.js';
import type { LabSpan } from './lab-span.js';

// Every text of the lab results element, in one place for translation.
// Values, ranges and flags are worded in clinical/ (lab-messages.ts), the
// LOINC class groups' names in clinical/lab-class-messages.ts.

const errorText: Record<ChartStoreErrorCode, string> = {
  unavailable: 'Lab results cannot be shown: this device’s storage is not available.',
  blocked:
    'Lab results cannot be shown: another tab is holding the chart open. Close other tabs of the chart.',
  'version-change':
    'Lab results cannot be shown: the chart was updated in another tab. Reload the page.',
  'not-found': 'Lab results cannot be shown: the chart was not found on this device.',
  'read-only': 'Lab results cannot be shown: this user may not read them here.',
  invalid: 'Lab results cannot be shown: the query was not valid.',
  stale: 'Lab results cannot be shown: the chart changed meanwhile. Try again.',
  'quota-exceeded': 'Lab results cannot be shown: this device’s storage is full.',
  closed: 'Lab results cannot be shown: the chart store was closed.',
};

export const labResultsMessages = {
  title: 'Lab results',
  region: 'Lab results, newest first',
  noPatient: 'No patient selected.',
  pending: 'Loading lab results…',
  empty: 'No laboratory results recorded.',
  noMatch: 'No results match these filters.',
  error: (code: ChartStoreErrorCode) => errorText[code],
  errorDetail: (message: string) => `Details: ${message}`,
  test: 'Test',
  notTested: 'Not tested',
  noRange: 'No reference range',
  referenceRange: 'Reference range',
  rangeLabel: (range: string) => `Range ${range}`,
  otherTests: 'Other tests',
  unnamedPanel: 'Unnamed panel',
  unnamedTest: 'Unnamed test',
  revised: { corrected: 'Corrected', amended: 'Amended' },
  filters: 'Filters',
  search: 'Search tests',
  panel: 'Panel',
  allPanels: 'All panels',
  abnormalOnly: 'Abnormal only',
  span: 'Time range',
  spans: {
    week: '1 week',
    month: '1 month',
    year: '1 year',
    'five-years': '5 years',
    all: 'All',
  } satisfies Record<LabSpan, string>,
  spanNote: 'Ranges count back from the newest result.',
  older: 'Load older results',
  olderNotLoaded: 'Older results are not loaded yet.',
  showTrend: (name: string) => `Show the trend of ${name}`,
  trendTitle: (name: string) => `Trend: ${name}`,
  trendSpan: 'Trend over',
  closeTrend: 'Close trend',
  trendNone: 'No numeric results of this test in this time range.',
  trendSummary: (name: string, count: number, from: string, to: string, latest: string) =>
    `${name}: ${count} ${count === 1 ? 'result' : 'results'} from ${from} to ${to}; latest ${latest}.`,
  trendRange: (range: string) => `Reference range ${range}, shaded.`,
  trendTable: 'Values as a table',
  time: 'Time',
  value: 'Value',
  flag: 'Flag',
  detailTitle: (name: string) => `Result: ${name}`,
  close: 'Close',
  status: 'Status',
  report: 'Report',
  history: 'Revisions',
  historyLoading: 'Loading the revisions…',
  historyFailed: (message: string) => `The revisions could not be read: ${message}`,
  revision: (at: string, author: string, value: string) => `${at} by ${author}: ${value}`,
  dateLocale: 'en-GB',
};
