import { Dexie } from 'dexie';
import type { DeliveryOutcome, ResourceKey, Revision, SettledState } from '../model/index.js';
import type { ChartDatabase } from './database.js';
import type { DexieChartStore } from './dexie-chart-store.js';
import { outboxRowsOf } from './outbox-rows.js';
import type { DeliveryReceipt, OutboxRow } from './outbox-shapes.js';
import { storeInternals } from './store-internals.js';

// The outbox as the EHR bridge (ehr/deliver/) sees it: what is waiting,
// the revision each row carries, the EHR version a change was made from,
// the answers written back (into the chart documents, so they sync:
// delivery-outcomes.ts), and colleagues' changes taken over.

/** A queued revision with the row that queues it. */
export interface OutboxEntry {
  row: OutboxRow;
  revision: Revision;
}

/** The waiting changes, oldest first (at most `limit`; only `patients`' when given), each with its revision. */
export async function waitingChanges(
  store: DexieChartStore,
  limit = Infinity,
  patients?: readonly string[],
): Promise<OutboxEntry[]> {
  const { db, run } = store[storeInternals]();
  return run(async () => {
    const rows = await db.outbox
      .where('[state+seq]')
      .between(['waiting', Dexie.minKey], ['waiting', Dexie.maxKey])
      .filter((row) => !patients || patients.includes(row.patientId))
      .limit(limit)
      .toArray();
    const revisions = await revisionsOf(
      db,
      rows.map((row) => ({ key: row.key, id: row.revisionId })),
    );
    return rows.flatMap((row, i) => {
      const revision = revisions[i];
      return revision ? [{ row, revision }] : [];
    });
  });
}

/** What the EHR answered for a revision (or why it was not sent). */
export interface DeliveryAnswer {
  revisionId: string;
  state: SettledState;
  message?: string;
  receipt?: DeliveryReceipt;
}

/**
 * Writes what the EHR answered for each revision into the chart document
 * that holds it, as the store's user, so that it syncs to every device; the
 * outbox rows it settles are written in the same transaction.
 */
export async function settleDeliveries(
  store: DexieChartStore,
  answers: readonly DeliveryAnswer[],
): Promise<void> {
  if (answers.length === 0) return;
  const { db, documents, user, run } = store[storeInternals]();
  await run(async () => {
    const at = new Date().toISOString();
    const rows = await outboxRowsOf(
      db,
      answers.map((a) => a.revisionId),
    );
    const byRevision = new Map(answers.map((answer) => [answer.revisionId, answer]));
    const byDoc = new Map<string, DeliveryOutcome[]>();
    for (const row of rows) {
      const { state, message, receipt } = byRevision.get(row.revisionId)!;
      const outcome: DeliveryOutcome = {
        revisionId: row.revisionId,
        key: row.key,
        state,
        at,
        by: user.id,
        ...(message !== undefined && { message }),
        ...(receipt && { receipt }),
      };
      byDoc.set(row.doc, [...(byDoc.get(row.doc) ?? []), outcome]);
    }
    await documents.appendOutcomes(byDoc);
  });
}

/**
 * Takes over colleagues' changes that the EHR has not answered for since
 * before `before` (ISO), of `patients` when given: they are queued here as
 * this device's own, in the order they arrived. Answers how many.
 */
export async function takeOverDeliveries(
  store: DexieChartStore,
  before: string,
  patients?: readonly string[],
): Promise<number> {
  const { db, run, assertWriter } = store[storeInternals]();
  assertWriter();
  return run(() =>
    db.transaction('rw', db.outbox, async () => {
      const stale = await db.outbox
        .where('[state+seq]')
        .between(['elsewhere', Dexie.minKey], ['elsewhere', Dexie.maxKey])
        .filter((row) => row.at < before && (!patients || patients.includes(row.patientId)))
        .toArray();
      const at = new Date().toISOString();
      await db.outbox.bulkPut(stale.map((row) => ({ ...row, state: 'waiting', at })));
      return stale.length;
    }),
  );
}

/** Revisions by id, from history (replaced) or the record's heads (current). */
export async function revisionsOf(
  db: ChartDatabase,
  wanted: ReadonlyArray<{ key: ResourceKey; id: string }>,
): Promise<Array<Revision | undefined>> {
  const replaced = await db.history.bulkGet(wanted.map((w) => w.id));
  const missing = wanted.filter((_, i) => !replaced[i]).map((w) => w.key);
  const records = await db.records.bulkGet([...new Set(missing)]);
  const heads = records.flatMap((record) => record?.heads ?? []);
  return wanted.map((w, i) => {
    const old = replaced[i];
    if (old) {
      const { patientId: _patientId, ...revision } = old;
      return revision;
    }
    return heads.find((head) => head.revisionId === w.id);
  });
}
