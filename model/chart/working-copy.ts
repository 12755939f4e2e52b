import type { FhirResource } from '../fhir/resources.js';

// What the hospital record is never sent: a working copy. A note's draft is
// listed in the chart as a DocumentReference (docStatus preliminary) while
// its text lives in the note document; the EHR receives the note when it is
// signed, text and all, as one new record. A draft discarded unsigned never
// reached it, so there is nothing to tell it.

/** A record kept in the kit until it is finished: a note's draft. */
export function isWorkingCopy(resource: FhirResource): boolean {
  return resource.resourceType === 'DocumentReference' && resource.docStatus === 'preliminary';
}
