import type { DeliveryOutcome, Revision } from '../model/index.js';
import type { DeliveryRow } from './chart-tables.js';
import type { ChartDatabase } from './database.js';
import { deliveryKinds } from './delivery-kind.js';
import { isImported } from './imported-revision.js';
import { answeredRevisions, outboxRowsOf } from './outbox-rows.js';
import type { OutboxRow } from './outbox-shapes.js';

// What the EHR answered for revisions, as it arrives in chart documents
// (model/chart/delivery-outcome.ts) from this device or another, saved in
// the transaction that saves the update carrying it:
// - every outcome is kept by revision (the `deliveries` table): the EHR's id
//   and version of a record, whoever sent the change, are what the next
//   change is checked against;
// - this device's own change still waiting is settled by it, whichever
//   device's answer it is: a change taken over by a colleague is not sent
//   again;
// - a colleague's change that arrived without an outcome (a working copy
//   aside: delivery-kind.ts) is kept as `elsewhere`, to take over if its own device never sends it; dropped when
//   its outcome arrives.

/** What one saved update brought: the revisions received from elsewhere (not made here), and outcomes. */
export interface ArrivedDeliveries {
  doc: string;
  patientId: string;
  received: readonly Revision[];
  outcomes: readonly DeliveryOutcome[];
}

/** Saves outcomes and queues colleagues' changes; call inside a transaction that includes `outbox` and `deliveries`. */
export async function projectDeliveries(
  db: ChartDatabase,
  arrived: readonly ArrivedDeliveries[],
): Promise<void> {
  await queueElsewhere(db, arrived);
  const outcomes = arrived.flatMap(({ patientId, outcomes }) =>
    outcomes.map((outcome): DeliveryRow => ({ ...outcome, patientId })),
  );
  if (outcomes.length === 0) return;
  await db.deliveries.bulkPut(outcomes);
  const rows = await outboxRowsOf(
    db,
    outcomes.map((outcome) => outcome.revisionId),
  );
  const elsewhere = rows.filter((row) => row.state === 'elsewhere');
  await db.outbox.bulkDelete(elsewhere.map((row) => row.seq!));
  const waiting = rows.filter((row) => row.state === 'waiting');
  const byRevision = new Map(outcomes.map((outcome) => [outcome.revisionId, outcome]));
  await db.outbox.bulkPut(waiting.map((row) => settled(row, byRevision.get(row.revisionId)!)));
}

/** A colleague's changes the EHR has not answered for: kept to take over, in the order they arrived. */
async function queueElsewhere(
  db: ChartDatabase,
  arrived: readonly ArrivedDeliveries[],
): Promise<void> {
  const candidates = arrived.flatMap(({ doc, patientId, received }) =>
    received.filter((r) => !isImported(r)).map((revision) => ({ doc, patientId, revision })),
  );
  if (candidates.length === 0) return;
  const ids = candidates.map(({ revision }) => revision.revisionId);
  // Already queued (a change this device made, read back from the server) or already answered.
  const [queued, answered] = await Promise.all([outboxRowsOf(db, ids), answeredRevisions(db, ids)]);
  const known = new Set<string>([...answered, ...queued.map((row) => row.revisionId)]);
  const unknown = candidates.filter(({ revision }) => !known.has(revision.revisionId));
  const kinds = await deliveryKinds(
    db,
    unknown.map(({ revision }) => revision),
  );
  const at = new Date().toISOString();
  await db.outbox.bulkAdd(
    unknown
      .filter(({ revision }) => kinds.get(revision.revisionId) !== 'none')
      .map(({ doc, patientId, revision }): OutboxRow => ({
        revisionId: revision.revisionId,
        key: revision.key,
        patientId,
        doc,
        create: kinds.get(revision.revisionId) === 'create',
        state: 'elsewhere',
        madeElsewhere: true,
        at,
      })),
  );
}

function settled(row: OutboxRow, outcome: DeliveryOutcome): OutboxRow {
  const { message: _message, receipt: _receipt, ...rest } = row;
  return {
    ...rest,
    state: outcome.state,
    at: outcome.at,
    ...(outcome.message !== undefined && { message: outcome.message }),
    ...(outcome.receipt && { receipt: outcome.receipt }),
  };
}
