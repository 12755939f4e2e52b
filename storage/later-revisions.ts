import type { Revision } from '../model/index.js';
import type { DexieChartStore } from './dexie-chart-store.js';
import { isImported } from './imported-revision.js';
import { storeInternals } from './store-internals.js';

/**
 * The revisions of the record made in the kit after `revision`, on any
 * device (its descendants, not pulled from the EHR), nearest first. When the
 * EHR's copy equals one of them, the change reached it already (sent by the
 * device that made it, whose answer has not arrived here): not a conflict.
 */
export async function laterRevisions(
  store: DexieChartStore,
  revision: Revision,
): Promise<Revision[]> {
  const { db, run } = store[storeInternals]();
  return run(async () => {
    const [history, record] = await Promise.all([
      db.history.where('key').equals(revision.key).toArray(),
      db.records.get(revision.key),
    ]);
    const all: Revision[] = [...history, ...(record?.heads ?? [])];
    const later: Revision[] = [];
    let frontier = new Set([revision.revisionId]);
    while (frontier.size > 0) {
      const next = all.filter((r) => r.parents.some((p) => frontier.has(p)) && !later.includes(r));
      later.push(...next);
      frontier = new Set(next.map((r) => r.revisionId));
    }
    return later.filter((r) => !isImported(r));
  });
}
