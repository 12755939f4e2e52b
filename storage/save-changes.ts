import type * as Y from 'yjs';
import {
  ChartStoreError,
  parseDeliveryOutcome,
  parseRevision,
  type DeliveryOutcome,
  type Revision,
} from '../model/index.js';
import type { ChartDatabase, MetaRow } from './database.js';
import { projectDeliveries } from './delivery-outcomes.js';
import type { DocumentEvents } from './document-shapes.js';
import { queueForDelivery } from './outbox-queue.js';
import { projectRevisions } from './project-revisions.js';
import { countUnsent, type LocalChanges } from './sent-changes.js';

// Saving what happened to loaded chart documents (document-engine.ts): each
// update to the log with everything derived from it, in one transaction:
// the projections of its revisions, the count of local changes the sync
// server has not confirmed, the outbox rows of revisions made here, and
// what the EHR answered for revisions (delivery-outcomes.ts).

/** One update of one document, with the revisions it inserted, waiting to be saved. */
export interface Change {
  name: string;
  patientId: string;
  update: Uint8Array;
  encoded: string[];
  /** Delivery outcomes it inserted, each one JSON string. */
  outcomes: unknown[];
  /** Set for this tab's own appends, whose revisions need no second check. */
  revisions?: Revision[];
  /** This tab's own appends whose revision ids are new (drawn at random): no other replica has them. */
  fresh?: boolean;
  /** Rows of the meta table written in the same transaction. */
  meta?: readonly MetaRow[];
  /** For a change made on this device (not received): the document's state vector after it, and when it was made. */
  local?: { state: Map<number, number>; at: number };
  loaded: LoadedDocument;
}

export interface LoadedDocument {
  doc: Y.Doc;
  /** The highest log sequence number read back into `doc`. */
  seq: number;
  /** Log rows this tab wrote from `doc`: already in it. */
  own: Set<number>;
  /** A save of this held document failed: the next one writes its whole state, so the log misses nothing. */
  unsaved?: boolean;
}

export async function saveChanges(
  db: ChartDatabase,
  changes: Change[],
  events: DocumentEvents,
): Promise<void> {
  const projections = changes.map((change) => ({
    doc: change.name,
    patientId: change.patientId,
    revisions: change.revisions ?? validRevisions(change, events),
    fresh: change.fresh === true,
  }));
  const documents = [
    ...new Map(changes.map((c) => [c.name, { name: c.name, patientId: c.patientId }])).values(),
  ];
  // One bulk write per table, however many documents the changes touch.
  const meta = changes.flatMap((change) => change.meta ?? []);
  const { refused } = await db.transaction(
    'rw',
    [
      db.updates,
      db.documents,
      db.records,
      db.history,
      db.laneDays,
      db.sent,
      db.meta,
      db.outbox,
      db.deliveries,
    ],
    async () => {
      const seqs = await db.updates.bulkAdd(
        changes.map((c) => ({ doc: c.name, update: c.update })),
        { allKeys: true },
      );
      seqs.forEach((seq, i) => changes[i]!.loaded.own.add(seq as number));
      await db.documents.bulkPut(documents);
      const projected = await projectRevisions(db, projections);
      // This tab's own revision was checked before it was made; refused now, a peer's came between: nothing is saved.
      const own = projected.refused.find(({ doc, revision }) =>
        changes.some(
          (c) => c.revisions !== undefined && c.name === doc && c.revisions.includes(revision),
        ),
      );
      if (own) throw new ChartStoreError('stale', `${own.message}. Nothing was saved.`);
      await countUnsent(db, localChanges(changes));
      // Made on this device: queued for the EHR with the revisions, or neither.
      await queueForDelivery(
        db,
        changes.flatMap((c) =>
          c.revisions && c.fresh
            ? [{ doc: c.name, patientId: c.patientId, revisions: c.revisions }]
            : [],
        ),
      );
      // What the EHR answered, and colleagues' changes it has not answered for yet.
      await projectDeliveries(
        db,
        changes.map((change, i) => ({
          doc: change.name,
          patientId: change.patientId,
          received: change.revisions
            ? []
            : projections[i]!.revisions.filter(
                (revision) =>
                  !projected.refused.some((r) => r.revision.revisionId === revision.revisionId),
              ),
          outcomes: validOutcomes(change, events),
        })),
      );
      if (meta.length > 0) await db.meta.bulkPut([...meta]);
      return projected;
    },
  );
  for (const { doc, revision, message } of refused)
    events.onRejectedRevision?.(doc, `revision ${revision.revisionId}: ${message}`);
}

function validOutcomes(change: Change, events: DocumentEvents): DeliveryOutcome[] {
  return change.outcomes.flatMap((value) => {
    const checked = parseDeliveryOutcome(value);
    if (checked.ok) return [checked.outcome];
    events.onRejectedRevision?.(change.name, checked.message);
    return [];
  });
}

function validRevisions(change: Change, events: DocumentEvents): Revision[] {
  const revisions: Revision[] = [];
  for (const value of change.encoded) {
    const checked = parseRevision(value, change.patientId);
    if (checked.ok) revisions.push(checked.revision);
    else events.onRejectedRevision?.(change.name, checked.message);
  }
  return revisions;
}

/** The local changes among `changes`, by document: how many, and the state after the last and its time. */
function localChanges(changes: readonly Change[]): LocalChanges {
  const byName = new Map<
    string,
    { patientId: string; count: number; state: Map<number, number>; at: number }
  >();
  for (const { name, patientId, local } of changes) {
    if (!local) continue;
    const counted = byName.get(name);
    byName.set(name, { patientId, count: (counted?.count ?? 0) + 1, ...local });
  }
  return byName;
}
