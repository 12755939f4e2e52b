import { Dexie } from 'dexie';
import type { ResourceKey, Revision } from '../model/index.js';
import type { ChartDatabase } from './database.js';
import type { DexieChartStore } from './dexie-chart-store.js';
import { isImported } from './imported-revision.js';
import type { DeliveryReceipt, DeliveryState, OutboxRow } from './outbox-shapes.js';
import { storeInternals } from './store-internals.js';

// The outbox as the EHR bridge (ehr/deliver/) and the live queries see it:
// what is waiting, the revision each row carries, the EHR version a change
// was made from, and the answers written back. The receipt (the EHR's id and
// version) is kept per revision, so it can later travel with the revision to
// other devices.

/** A queued revision with the row that queues it. */
export interface OutboxEntry {
  row: OutboxRow;
  revision: Revision;
}

/** The waiting changes, oldest first (at most `limit`), each with its revision. */
export async function waitingChanges(
  store: DexieChartStore,
  limit = Infinity,
): Promise<OutboxEntry[]> {
  const { db, run } = store[storeInternals]();
  return run(async () => {
    const rows = await db.outbox
      .where('[state+seq]')
      .between(['waiting', Dexie.minKey], ['waiting', Dexie.maxKey])
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

/**
 * The EHR's version a revision was made from: the nearest of its ancestors
 * the EHR is known to hold (a version pulled from it, or a change it
 * received), the newest among equally near ones; undefined when none is.
 */
export async function baseVersion(
  store: DexieChartStore,
  revision: Revision,
): Promise<DeliveryReceipt | undefined> {
  const { db, run } = store[storeInternals]();
  return run(async () => {
    const seen = new Set<string>();
    let frontier = revision.parents;
    while (frontier.length > 0) {
      frontier = frontier.filter((id) => !seen.has(id));
      frontier.forEach((id) => seen.add(id));
      const [rows, parents] = await Promise.all([
        db.outbox.where('revisionId').anyOf(frontier).toArray(),
        revisionsOf(
          db,
          frontier.map((id) => ({ key: revision.key, id })),
        ),
      ]);
      const held: DeliveryReceipt[] = [];
      const next: string[] = [];
      frontier.forEach((id, i) => {
        const receipt = rows.find((row) => row.revisionId === id && row.state === 'sent')?.receipt;
        const parent = parents[i];
        const pulled = parent && isImported(parent) ? pulledVersion(parent) : undefined;
        if (receipt ?? pulled) held.push((receipt ?? pulled)!);
        else if (parent) next.push(...parent.parents);
      });
      if (held.length > 0)
        return held.reduce((a, b) => ((b.lastUpdated ?? '') > (a.lastUpdated ?? '') ? b : a));
      frontier = next;
    }
    return undefined;
  });
}

/** The EHR's id of a record: the one the EHR gave when the kit created it there; the kit's own otherwise (a record pulled from it). Undefined while its creation waits. */
export async function ehrIdOf(
  store: DexieChartStore,
  key: ResourceKey,
): Promise<string | undefined> {
  const { db, run } = store[storeInternals]();
  return run(async () => {
    const rows = await db.outbox
      .where('[key+seq]')
      .between([key, Dexie.minKey], [key, Dexie.maxKey])
      .toArray();
    const created = rows.find((row) => row.create);
    if (!created) return key.slice(key.indexOf('/') + 1);
    return created.receipt?.id;
  });
}

/** Writes what the EHR answered for each revision. */
export async function settleDeliveries(
  store: DexieChartStore,
  answers: ReadonlyArray<{
    revisionId: string;
    state: DeliveryState;
    message?: string;
    receipt?: DeliveryReceipt;
  }>,
): Promise<void> {
  const { db, run } = store[storeInternals]();
  await run(() =>
    db.transaction('rw', db.outbox, async () => {
      const at = new Date().toISOString();
      const rows = await db.outbox
        .where('revisionId')
        .anyOf(answers.map((a) => a.revisionId))
        .toArray();
      await db.outbox.bulkPut(
        rows.map((row): OutboxRow => {
          const { state, message, receipt } = answers.find((a) => a.revisionId === row.revisionId)!;
          const { message: _message, ...rest } = row;
          return {
            ...rest,
            state,
            at,
            ...(message !== undefined && { message }),
            ...(receipt && { receipt }),
          };
        }),
      );
    }),
  );
}

/** Revisions by id, from history (replaced) or the record's heads (current). */
async function revisionsOf(
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

function pulledVersion(revision: Revision): DeliveryReceipt | undefined {
  const meta = (revision.resource as { meta?: { versionId?: string; lastUpdated?: string } }).meta;
  if (!meta?.versionId) return undefined;
  return {
    id: revision.resource.id!,
    versionId: meta.versionId,
    ...(meta.lastUpdated && { lastUpdated: meta.lastUpdated }),
  };
}
