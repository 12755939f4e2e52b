import * as Y from 'yjs';
import {
  DELIVERIES,
  inCausalOrder,
  parseDeliveryOutcome,
  parseRevision,
  revisionFacts,
  revisionRefusal,
  type Revision,
} from '../../model/index.js';
import { CLOSE } from './close-codes.js';
import { documentLog, PendingLog } from './revision-log.js';
import { rootArrayOf } from './root-array.js';
import type { WriteCheck } from './apply-write.js';

// A chart document (core, observations) is an append-only log of revisions,
// each a JSON string in the root array `revisions`, and it is the chart's
// audit trail; beside it, the root array `deliveries` holds what the
// hospital's EHR answered for them (model/chart/delivery-outcome.ts). So the
// server takes from a client only new revisions that validate and that the
// client's own user wrote, and outcomes that validate, are for a revision
// the document holds, and name the client's user as who sent the change:
// no deletions, nothing else in the document, no revision in another user's name, none for another
// patient than the document's, and none that breaks the revision rule
// (model/chart/revision-rule.ts): parents that this document does not hold
// or that are of another record, a second root for a record that exists, a
// record entered in error revived, a signed note changed, a held revision
// id with other content. A copy of a held revision (the same import made on
// two devices) is taken, and changes nothing. The document holds
// its whole log, so a parent it lacks is refused here, never waited for.
// Note documents hold free text and are not checked.

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
  if (decoded.ds.clients.size > 0)
    return { code: CLOSE.forbidden, reason: 'chart revisions are never deleted' };
  const incoming: Revision[] = [];
  const outcomes: Array<{ revisionId: string; key: string }> = [];
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Skip) continue;
    if (!(struct instanceof Y.Item))
      return { code: CLOSE.forbidden, reason: 'chart revisions are never deleted' };
    // Beside a neighbour the server lacks (held back until it arrives): the
    // content says which array it is for, and is checked as such.
    const root =
      rootArrayOf(struct, decoded.structs, doc) ??
      (struct.content instanceof Y.ContentAny &&
      struct.content.arr.every((value) => parseDeliveryOutcome(value).ok)
        ? DELIVERIES
        : REVISIONS);
    if (
      (root !== REVISIONS && root !== DELIVERIES) ||
      struct.parentSub !== null ||
      !(struct.content instanceof Y.ContentAny)
    ) {
      return {
        code: CLOSE.badMessage,
        reason: `a chart document holds only revision strings in "${REVISIONS}" and outcome strings in "${DELIVERIES}"`,
      };
    }
    for (const value of struct.content.arr) {
      if (root === DELIVERIES) {
        const checked = parseDeliveryOutcome(value);
        if (!checked.ok) return { code: CLOSE.badMessage, reason: checked.message.slice(0, 120) };
        if (checked.outcome.by !== principal.userId)
          return { code: CLOSE.forbidden, reason: 'delivery outcome sender is not the token user' };
        outcomes.push(checked.outcome);
        continue;
      }
      const checked = parseRevision(
        typeof value === 'string' ? value : undefined,
        document.patientId,
      );
      if (!checked.ok && checked.otherPatient)
        return { code: CLOSE.forbidden, reason: checked.message.slice(0, 120) };
      if (!checked.ok)
        return {
          code: CLOSE.badMessage,
          reason: `invalid revision: ${checked.message}`.slice(0, 120),
        };
      if (checked.revision.author.id !== principal.userId)
        return { code: CLOSE.forbidden, reason: 'revision author is not the token user' };
      incoming.push(checked.revision);
    }
  }
  if (incoming.length === 0 && outcomes.length === 0) return undefined;
  // One write may carry a revision and its parent: the parent is checked first.
  const log = new PendingLog(documentLog(doc, REVISIONS));
  for (const revision of inCausalOrder(incoming)) {
    const refusal = revisionRefusal(revision, log);
    if (refusal) return { code: CLOSE.forbidden, reason: refusal.message.slice(0, 120) };
    // A copy of a revision held already (the same import made on another device) changes nothing.
    if (!log.revision(revision.revisionId)) log.add(revisionFacts(revision));
  }
  // An outcome answers for a revision of this document, held or in the same write.
  const unknown = outcomes.find(({ revisionId, key }) => log.revision(revisionId)?.key !== key);
  if (unknown)
    return {
      code: CLOSE.forbidden,
      reason: `delivery outcome for revision ${unknown.revisionId.slice(0, 64)} of ${unknown.key}, which this document does not hold`,
    };
  return undefined;
};
