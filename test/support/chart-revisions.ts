import type { ChartUser, DocumentReference, FhirResource, Revision } from '../../model/index.js';
import { importedRevisionId, resourceKey } from '../../model/index.js';

// Revisions crafted by hand, as a replica that does not go through the
// store's commands could write them: for the tests of the chart's revision
// rule (model/chart/revision-rule.ts) on the server and in the store.

const base64 = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text)));

/** A note as a DocumentReference: a draft (preliminary) or signed (final), with its text. */
export function noteResource(
  text: string,
  docStatus: 'preliminary' | 'final',
  { id = 'note-7', patientId = 'pat-1', status = 'current' as DocumentReference['status'] } = {},
): DocumentReference {
  return {
    resourceType: 'DocumentReference',
    id,
    status,
    docStatus,
    subject: { reference: `Patient/${patientId}` },
    date: '2024-03-01T10:00:00Z',
    content: [
      { attachment: { contentType: 'text/plain', ...(text ? { data: base64(text) } : {}) } },
    ],
  };
}

/** A revision of `resource` with the id and parents given, by `author`. */
export function craftedRevision<R extends FhirResource>(
  revisionId: string,
  parents: string[],
  resource: R,
  author: Pick<ChartUser, 'id' | 'displayName' | 'role'>,
  at = '2024-03-01T10:00:00Z',
): Revision<R> {
  return {
    revisionId,
    key: resourceKey(resource),
    parents,
    author: { id: author.id, displayName: author.displayName, role: author.role },
    at,
    resource,
  };
}

/** An imported revision of `resource` as the store makes one: named by its content (model/chart/imported-id.ts), by `author` at `at`. */
export function craftedImport<R extends FhirResource>(
  resource: R,
  parents: string[],
  author: Pick<ChartUser, 'id' | 'displayName' | 'role'>,
  at = '2024-03-01T10:00:00Z',
): Revision<R> {
  const sorted = [...parents].sort();
  return {
    ...craftedRevision(importedRevisionId(resource, sorted), sorted, resource, author, at),
    reason: 'imported',
  };
}
