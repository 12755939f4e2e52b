import type { Revision } from '../model/index.js';
import type { ChartDatabase } from './database.js';
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
 * came from the EHR (an import) is not sent back. New records made together
 * (a set of vital signs, recorded at once) form one group, sent as one
 * transaction.
 */
export async function queueForDelivery(
  db: ChartDatabase,
  made: readonly MadeHere[],
): Promise<void> {
  const queued = made.flatMap(({ doc, patientId, revisions }) =>
    revisions.filter((r) => !isImported(r)).map((revision) => ({ doc, patientId, revision })),
  );
  if (queued.length === 0) return;
  const creates = queued.filter(({ revision }) => revision.parents.length === 0);
  const group = creates.length > 1 ? creates[0]!.revision.revisionId : undefined;
  const at = new Date().toISOString();
  await db.outbox.bulkAdd(
    queued.map(({ doc, patientId, revision }): OutboxRow => ({
      revisionId: revision.revisionId,
      key: revision.key,
      patientId,
      doc,
      create: revision.parents.length === 0,
      ...(group && revision.parents.length === 0 && { group }),
      state: 'waiting',
      at,
    })),
  );
}
