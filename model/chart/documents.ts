import type { FhirResource } from '../fhir/resources.js';

// How a patient's chart is split into Yjs documents. One document per
// patient cannot hold an intensive-care stay (minute vitals for a month is
// 300,000 revisions), so observations go to one segment per day of their
// clinical time, and everything else to the core doc of the patient. The
// sync server reads the patient from the name to authorise a connection.

const PREFIX = 'emr';

export type ChartDocumentName = string;

export interface ParsedDocumentName {
  patientId: string;
  kind: 'core' | 'observations' | 'note';
  /** UTC day (YYYY-MM-DD) of an observations segment. */
  day?: string;
  noteId?: string;
}

export function coreDocumentName(patientId: string): ChartDocumentName {
  return `${PREFIX}/${patientId}/core`;
}

export function observationsDocumentName(patientId: string, day: string): ChartDocumentName {
  return `${PREFIX}/${patientId}/observations/${day}`;
}

export function noteDocumentName(patientId: string, noteId: string): ChartDocumentName {
  return `${PREFIX}/${patientId}/note/${noteId}`;
}

const NAME_RE =
  /^emr\/([A-Za-z0-9\-.]{1,64})\/(?:(core)|observations\/(\d{4}-\d{2}-\d{2})|note\/([A-Za-z0-9\-.]{1,64}))$/;

/** The parts of a document name, or undefined for a name the kit does not make. */
export function parseDocumentName(name: string): ParsedDocumentName | undefined {
  const match = NAME_RE.exec(name);
  if (!match) return undefined;
  const [, patientId, core, day, noteId] = match;
  if (core) return { patientId: patientId!, kind: 'core' };
  if (day) return { patientId: patientId!, kind: 'observations', day };
  return { patientId: patientId!, kind: 'note', noteId: noteId! };
}

/** The document a resource's first revision goes to; later revisions follow it there. */
export function documentFor(
  patientId: string,
  resource: FhirResource,
  clinicalDate: string | undefined,
): ChartDocumentName {
  if (resource.resourceType === 'Observation' && clinicalDate && clinicalDate.length >= 10) {
    return observationsDocumentName(patientId, clinicalDate.slice(0, 10));
  }
  return coreDocumentName(patientId);
}
