import { formatDay, formatTime } from '../shared/format-time.js';

/** Every text of the report viewer, in English, for translation. */
export const reportViewerMessages = {
  /** How dates are written (an Intl locale). */
  dateLocale: 'en-GB',
  idle: 'No report chosen.',
  pending: 'Loading the report…',
  notFound: 'This report is not on this device.',
  notAReport: 'This record is not a diagnostic report or an imaging study.',
  error: (message: string) => `The report could not be loaded: ${message}`,
  enteredInError: 'This report was entered in error: its contents are not shown.',
  conflict:
    'This report was changed in two places at once: the newest version is shown until a clinician chooses.',

  untitled: 'Report',
  untitledStudy: 'Imaging study',
  kind: { laboratory: 'Laboratory', radiology: 'Radiology', pathology: 'Pathology' } as Record<
    string,
    string
  >,
  reportStatus: {
    registered: 'Registered: no results yet',
    partial: 'Partial: some results not yet final',
    preliminary: 'Preliminary',
    final: 'Final',
    amended: 'Amended',
    corrected: 'Corrected',
    appended: 'Appended',
    cancelled: 'Cancelled',
    'entered-in-error': 'Entered in error',
    unknown: 'Status unknown',
  } as Record<string, string>,
  studyStatus: {
    registered: 'Registered: no images yet',
    available: 'Available',
    cancelled: 'Cancelled',
    'entered-in-error': 'Entered in error',
    unknown: 'Status unknown',
  } as Record<string, string>,

  status: 'Status',
  category: 'Category',
  effective: 'Taken',
  issued: 'Issued',
  performer: 'Performed by',
  interpreter: 'Interpreted by',
  notRecorded: 'Not recorded',
  period: (from: string | undefined, to: string | undefined) =>
    from && to ? `${from} to ${to}` : (from ?? to ?? ''),

  conclusion: 'Conclusion',
  diagnoses: 'Coded diagnoses',
  results: 'Results',
  test: 'Test',
  result: 'Result',
  flag: 'Flag',
  range: 'Reference range',
  noFlag: '—',
  notOnDevice: 'Not on this device',
  resultPending: 'Loading…',
  resultsMissing: (count: number) =>
    count === 1
      ? '1 result listed by the report is not on this device.'
      : `${count} results listed by the report are not on this device.`,

  report: 'Report',
  openPdf: (title: string | undefined) => `Open the PDF${title ? `: ${title}` : ''}`,
  openAttachment: (type: string, title: string | undefined) =>
    `Open the attachment (${type})${title ? `: ${title}` : ''}`,
  unreadable: (type: string) => `An attachment (${type}) that cannot be shown here.`,

  modality: 'Modality',
  started: 'Started',
  seriesCount: 'Series',
  instanceCount: 'Images (instances)',
  description: 'Description',
  series: 'Series',
  seriesNumber: 'Number',
  bodySite: 'Body site',
  instances: 'Images',
  endpoint: 'Images online',
  openEndpoint: (label: string) => `Open ${label}`,
  endpointNoLink: (label: string) => `${label} (no web address)`,
  reason: 'Reason',
};

/** An ISO date or dateTime as people read it; with the time when it has one. */
export function formatWhen(value: string | undefined): string | undefined {
  if (!value) return undefined;
  return value.length > 10
    ? formatTime(value, reportViewerMessages.dateLocale)
    : formatDay(value, reportViewerMessages.dateLocale);
}
