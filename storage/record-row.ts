import { signedFirst, type ResourceKey, type Revision } from '../model/index.js';
import type { RecordRow } from './chart-tables.js';
import { indexFields } from './projection.js';

// A record's row in the projection, from its heads: written by the
// projection (project-revisions.ts) and by the schema upgrade that
// re-indexes observations (reindex-observation-codes.ts), which must not
// load the projection's revision rule and schemas with the database.

/**
 * A signed note first (the note a draft changed offline never replaces),
 * then newest first: by the author's time, then by revision id so every
 * replica orders ties alike.
 */
export function compareHeads(a: Revision, b: Revision): number {
  const signed = signedFirst(a.resource, b.resource);
  if (signed !== 0) return signed;
  if (a.at !== b.at) return a.at < b.at ? 1 : -1;
  return a.revisionId < b.revisionId ? 1 : a.revisionId > b.revisionId ? -1 : 0;
}

export function recordRow(
  key: ResourceKey,
  patientId: string,
  doc: string,
  heads: Revision[],
): RecordRow {
  const sorted = [...heads].sort(compareHeads);
  const fields = indexFields(sorted[0]!.resource);
  return {
    key,
    patientId,
    resourceType: sorted[0]!.resource.resourceType,
    lane: fields.lane,
    date: fields.date ?? '',
    code: fields.code ?? '',
    status: fields.status ?? '',
    conflict: sorted.length > 1 ? 1 : 0,
    doc,
    heads: sorted,
  };
}
