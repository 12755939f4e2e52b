import type { ResourceType } from '../../model/index.js';

// What a pull asks the FHIR server for: one patient search per type the kit
// models, in the order a clinician needs them, with the `_include`s a record
// needs to be read on its own (the medication a request names, who
// prescribed it). The Patient itself is read by id.

export interface TypeSearch {
  resourceType: Exclude<ResourceType, 'Patient'>;
  /** Asked when the server lists them for the type (its CapabilityStatement's searchInclude). */
  includes?: readonly string[];
  /**
   * Newest first (`_sort=-date`): the chart's recent part is saved with the
   * rest of the chart, and the history behind it follows in chunks (a stay's
   * 300,000 monitor readings need not arrive before its last day shows).
   */
  newestFirst?: boolean;
}

export const TYPE_SEARCHES: readonly TypeSearch[] = [
  { resourceType: 'AllergyIntolerance' },
  {
    resourceType: 'MedicationRequest',
    includes: ['MedicationRequest:medication', 'MedicationRequest:requester'],
  },
  { resourceType: 'MedicationStatement', includes: ['MedicationStatement:medication'] },
  { resourceType: 'Condition' },
  { resourceType: 'Encounter' },
  { resourceType: 'Immunization' },
  { resourceType: 'Procedure' },
  { resourceType: 'DiagnosticReport' },
  { resourceType: 'ImagingStudy' },
  { resourceType: 'DocumentReference' },
  { resourceType: 'Observation', newestFirst: true },
];

/** How much of the newest-first history is saved with the chart itself: its last day. */
export const RECENT_SPAN_MS = 24 * 60 * 60 * 1000;
