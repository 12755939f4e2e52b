import { Dexie } from 'dexie';
import type { ResourceKey, Revision } from '../model/index.js';
import type { DeliveryRow } from './chart-tables.js';
import type { DexieChartStore } from './dexie-chart-store.js';
import { isImported } from './imported-revision.js';
import { revisionsOf } from './outbox.js';
import type { DeliveryReceipt, OutboxRow } from './outbox-shapes.js';
import { storeInternals } from './store-internals.js';

// What the EHR holds of records, as the answers it gave (from any device)
// and the versions pulled from it tell: a record's id there, how a change
// names it, and the version a change was made from. Each is read for many
// records at once (a round of changes to send), in a few queries.

/** How a change sent to the EHR names a record: its id there, `waiting` for its creation, or `same` (the kit's id). */
export type EhrName = { id: string } | 'waiting' | 'same';

/** A record's standing with the EHR: its receipt, if any device has one, and its outbox rows. */
interface Standing {
  receipt: DeliveryReceipt | undefined;
  queued: OutboxRow[];
}

async function standings(
  store: DexieChartStore,
  keys: readonly ResourceKey[],
): Promise<Map<ResourceKey, Standing>> {
  const { db, run } = store[storeInternals]();
  const unique = [...new Set(keys)];
  // One query per record, all in one transaction: each reads an index range
  // at once, where `anyOf` over many keys steps a cursor key by key.
  return run(async () => {
    const [answered, queued] = await db.transaction('r', db.deliveries, db.outbox, () =>
      Promise.all<[Promise<DeliveryRow[][]>, Promise<OutboxRow[][]>]>([
        Promise.all(unique.map((key) => db.deliveries.where('key').equals(key).toArray())),
        Promise.all(
          unique.map((key) =>
            db.outbox
              .where('[key+seq]')
              .between([key, Dexie.minKey], [key, Dexie.maxKey])
              .toArray(),
          ),
        ),
      ]),
    );
    return new Map(
      unique.map((key, i) => [
        key,
        { receipt: answered[i]!.find((row) => row.receipt)?.receipt, queued: queued[i]! },
      ]),
    );
  });
}

function idFrom(key: ResourceKey, { receipt, queued }: Standing): string | undefined {
  if (receipt) return receipt.id;
  if (queued.some((row) => row.create)) return undefined;
  return key.slice(key.indexOf('/') + 1);
}

function nameFrom({ receipt, queued }: Standing): EhrName {
  if (receipt) return { id: receipt.id };
  const creating = queued.some(
    (row) => row.create && (row.state === 'waiting' || row.state === 'elsewhere'),
  );
  return creating ? 'waiting' : 'same';
}

/**
 * The EHR's id of a record: the one in any answer the EHR gave for it, from
 * any device; the kit's own for a record pulled from it. Undefined while a
 * creation waits (here or on the device that made it).
 */
export async function ehrIdOf(
  store: DexieChartStore,
  key: ResourceKey,
): Promise<string | undefined> {
  return idFrom(key, (await standings(store, [key])).get(key)!);
}

/**
 * How a change sent to the EHR names other records: by the id the EHR gave
 * one (`id`), as one still waiting to be created there (`waiting`: named by
 * the kit's identifier until it arrives), or by the kit's own id (`same`:
 * pulled from the EHR, or never going there).
 */
export async function ehrNamesOf(
  store: DexieChartStore,
  keys: readonly ResourceKey[],
): Promise<Map<ResourceKey, EhrName>> {
  const found = await standings(store, keys);
  return new Map([...found].map(([key, standing]) => [key, nameFrom(standing)]));
}

export async function ehrNameOf(store: DexieChartStore, key: ResourceKey): Promise<EhrName> {
  return (await ehrNamesOf(store, [key])).get(key)!;
}

/** What an update needs to be sent: the record's id in the EHR, and the EHR's version it was made from. */
export interface UpdateBase {
  ehrId: string | undefined;
  base: DeliveryReceipt | undefined;
  /** Whether the kit created the record in the EHR (from any device), under its own identifier. */
  created: boolean;
}

/**
 * A record the EHR holds under an id of its own was created there by the kit
 * (from any device): a pulled record keeps the EHR's id as the kit's.
 */
function withCreated(
  key: ResourceKey,
  ehrId: string | undefined,
  base: DeliveryReceipt | undefined,
): UpdateBase {
  const created = ehrId !== undefined && ehrId !== key.slice(key.indexOf('/') + 1);
  return { ehrId, base, created };
}

/** The update base of each revision, by revision id, read together. */
export async function updateBases(
  store: DexieChartStore,
  revisions: readonly Revision[],
): Promise<Map<string, UpdateBase>> {
  const [found, bases] = await Promise.all([
    standings(
      store,
      revisions.map((revision) => revision.key),
    ),
    baseVersions(store, revisions),
  ]);
  return new Map(
    revisions.map((revision, i) => [
      revision.revisionId,
      withCreated(revision.key, idFrom(revision.key, found.get(revision.key)!), bases[i]),
    ]),
  );
}

/**
 * The EHR's version a revision was made from: the nearest of its ancestors
 * the EHR is known to hold (a version pulled from it, or a change it
 * received from any device), the newest among equally near ones; undefined
 * when none is.
 */
export async function baseVersion(
  store: DexieChartStore,
  revision: Revision,
): Promise<DeliveryReceipt | undefined> {
  return (await baseVersions(store, [revision]))[0];
}

/** baseVersion of each revision, the ancestors of all searched together, one generation at a time. */
async function baseVersions(
  store: DexieChartStore,
  revisions: readonly Revision[],
): Promise<Array<DeliveryReceipt | undefined>> {
  const { db, run } = store[storeInternals]();
  return run(async () => {
    const found: Array<DeliveryReceipt | undefined> = revisions.map(() => undefined);
    const seen = revisions.map(() => new Set<string>());
    // Per revision still searching: the ancestors of the generation to look at.
    let frontier = new Map(revisions.map((revision, i) => [i, revision.parents] as const));
    while (frontier.size > 0) {
      const wanted = [...frontier].flatMap(([i, ids]) => {
        const fresh = ids.filter((id) => !seen[i]!.has(id));
        fresh.forEach((id) => seen[i]!.add(id));
        return fresh.map((id) => ({ i, key: revisions[i]!.key, id }));
      });
      if (wanted.length === 0) break;
      const [rows, parents] = await Promise.all([
        db.deliveries.bulkGet(wanted.map((w) => w.id)),
        revisionsOf(db, wanted),
      ]);
      const held = new Map<number, DeliveryReceipt[]>();
      const next = new Map<number, string[]>();
      wanted.forEach(({ i }, w) => {
        const parent = parents[w];
        const pulled = parent && isImported(parent) ? pulledVersion(parent) : undefined;
        const receipt = rows[w]?.receipt ?? pulled;
        if (receipt) held.set(i, [...(held.get(i) ?? []), receipt]);
        else if (parent) next.set(i, [...(next.get(i) ?? []), ...parent.parents]);
      });
      for (const [i, receipts] of held)
        found[i] = receipts.reduce((a, b) =>
          (b.lastUpdated ?? '') > (a.lastUpdated ?? '') ? b : a,
        );
      frontier = new Map([...next].filter(([i]) => !held.has(i)));
    }
    return found;
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
