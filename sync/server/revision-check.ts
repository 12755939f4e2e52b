import * as Y from 'yjs';
import { parseRevision, signedNoteChangeRefusal, type Revision } from '../../model/index.js';
import { CLOSE } from './close-codes.js';
import type { WriteCheck } from './room.js';

// A chart document (core, observations) is an append-only log of revisions,
// each a JSON string in the root array `revisions`, and it is the chart's
// audit trail. So the server takes from a client only new revisions that
// validate and that the client's own user wrote: no deletions, nothing else
// in the document, no revision in another user's name, none for another
// patient than the document's, and no revision that changes a signed note
// (a note's later words are addenda). Note documents
// hold free text and are not checked.

/** The root array of a chart document (storage/chart-documents.ts). */
export const REVISIONS = 'revisions';

export const checkChartRevisions: WriteCheck = ({ doc, document, principal, update }) => {
  if (document.kind === 'note') return undefined;
  let decoded: { structs: Array<Y.Item | Y.GC | Y.Skip>; ds: { clients: Map<number, unknown[]> } };
  try {
    // Only what the server lacks: a reconnecting client resends other users' revisions too.
    decoded = Y.decodeUpdate(Y.diffUpdate(update, Y.encodeStateVector(doc))) as typeof decoded;
  } catch {
    return { code: CLOSE.badMessage, reason: 'update does not decode' };
  }
  if (decoded.ds.clients.size > 0) return { code: CLOSE.forbidden, reason: 'chart revisions are never deleted' };
  const incoming = new Map<string, Revision>();
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Skip) continue;
    if (!(struct instanceof Y.Item)) return { code: CLOSE.forbidden, reason: 'chart revisions are never deleted' };
    // A root-level parent is named; a nested one is an id; none means "beside its origin", in the same array.
    const { parentSub, content } = struct;
    const parent: unknown = struct.parent;
    if ((parent !== null && parent !== REVISIONS) || parentSub !== null || !(content instanceof Y.ContentAny)) {
      return { code: CLOSE.badMessage, reason: `a chart document holds only revision strings in "${REVISIONS}"` };
    }
    for (const value of content.arr) {
      const checked = parseRevision(typeof value === 'string' ? value : undefined, document.patientId);
      if (!checked.ok && checked.otherPatient) return { code: CLOSE.forbidden, reason: checked.message.slice(0, 120) };
      if (!checked.ok) return { code: CLOSE.badMessage, reason: `invalid revision: ${checked.message}`.slice(0, 120) };
      if (checked.revision.author.id !== principal.userId) return { code: CLOSE.forbidden, reason: 'revision author is not the token user' };
      incoming.set(checked.revision.revisionId, checked.revision);
      const refusal = signedNoteRefusal(doc, incoming, checked.revision);
      if (refusal) return { code: CLOSE.forbidden, reason: refusal.slice(0, 120) };
    }
  }
  return undefined;
};

/** Why a revision may not replace one of its parents, when a parent is a signed note. */
function signedNoteRefusal(doc: Y.Doc, incoming: ReadonlyMap<string, Revision>, revision: Revision): string | undefined {
  if (revision.resource.resourceType !== 'DocumentReference' || revision.parents.length === 0) return undefined;
  for (const parent of parentsOf(doc, incoming, revision.parents)) {
    if (parent.resource.resourceType !== 'DocumentReference') continue;
    const refusal = signedNoteChangeRefusal(parent.resource, revision.resource);
    if (refusal) return refusal;
  }
  return undefined;
}

/** The parent revisions, from the same update or the document; read only for a note's revision, which is rare. */
function parentsOf(doc: Y.Doc, incoming: ReadonlyMap<string, Revision>, ids: readonly string[]): Revision[] {
  const found = ids.flatMap((id) => incoming.get(id) ?? []);
  const missing = ids.filter((id) => !incoming.has(id));
  if (missing.length === 0) return found;
  for (const value of doc.getArray<string>(REVISIONS)) {
    if (typeof value !== 'string' || !missing.some((id) => value.includes(id))) continue;
    const parsed = parseRevision(value);
    if (parsed.ok && missing.includes(parsed.revision.revisionId)) found.push(parsed.revision);
  }
  return found;
}
