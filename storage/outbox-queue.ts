import type { Revision } from '../model/index.js';
import type { ChartDatabase } from './database.js';
import { deliveryKinds } from './delivery-kind.js';
import { isImported } from './imported-revision.js';
import type { OutboxRow } from './outbox-shapes.js';

/** Revisions this device made, by the document they were appended to. */
export interface MadeHere {
  doc: string;
  patientId: string;
  revisions: readonly Revision[];
}

/**
 * Queues for the EHR the revisions made on this device, inside the
 * transaction that saves them (it must include `db.outbox`). A version that
 * came from the EHR (an import) is not sent back, nor a working copy (a
 * note's draft: delivery-kind.ts). New records made together (a set of
 * vital signs, recorded at once) form one group, sent as one transaction.
 */
export async function queueForDelivery(
  db: ChartDatabase,
  made: readonly MadeHere[],
): Promise<void> {
  const ours = made.flatMap(({ doc, patientId, revisions }) =>
    revisions.filter((r) => !isImported(r)).map((revision) => ({ doc, patientId, revision })),
  );
  if (ours.length === 0) return;
  const kinds = await deliveryKinds(
    db,
    ours.map(({ revision }) => revision),
  );
  const queued = ours.filter(({ revision }) => kinds.get(revision.revisionId) !== 'none');
  if (queued.length === 0) return;
  const isCreate = (revision: Revision) => kinds.get(revision.revisionId) === 'create';
  const creates = queued.filter(({ revision }) => isCreate(revision));
  const group = creates.length > 1 ? creates[0]!.revision.revisionId : undefined;
  const at = new Date().toISOString();
  await db.outbox.bulkAdd(
    queued.map(({ doc, patientId, revision }): OutboxRow => ({
      revisionId: revision.revisionId,
      key: revision.key,
      patientId,
      doc,
      create: isCreate(revision),
      ...(group && isCreate(revision) && { group }),
      state: 'waiting',
      at,
    })),
  );
}
