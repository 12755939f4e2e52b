import type { DiagnosticReport, Observation } from '../fhir/resources.js';
import type { ChartRecord } from './revision.js';

/** A window of a patient's laboratory results: a time range and, for a long chart, the newest `limit` of them. */
export interface LabResultsQuery {
  /** Inclusive ISO date or dateTime. */
  from?: string;
  /** Exclusive ISO date or dateTime. */
  to?: string;
  /** At most this many results, the newest (read from the index backwards: ten years of panels cost no more than one). */
  limit?: number;
}

/** Laboratory results and the reports that group them. */
export interface LabResults {
  /** Observations of category `laboratory`, newest first. */
  observations: Array<ChartRecord<Observation>>;
  /** The DiagnosticReports of the same time span (a report's `result` names its observations). */
  reports: Array<ChartRecord<DiagnosticReport>>;
  /** Older laboratory results exist beyond `limit` (in the range asked for). */
  more: boolean;
}
