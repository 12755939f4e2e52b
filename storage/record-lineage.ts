import type { Revision } from '../model/index.js';
import type { DexieChartStore } from './dexie-chart-store.js';
import { isImported } from './imported-revision.js';
import { storeInternals } from './store-internals.js';

// A revision's place in its record's history, as the EHR bridge needs it
// after a 412: when the EHR's copy equals a revision made after it, the
// change reached the EHR already (sent by the device that made it, whose
// answer has not arrived here); when it equals one the change was made from,
// the EHR holds what the change builds on, and it may go over that version.
// Neither is a conflict.

/** The revisions of the record made in the kit after `revision` (its descendants, on any device, none pulled), nearest first. */
export async function laterRevisions(
  store: DexieChartStore,
  revision: Revision,
): Promise<Revision[]> {
  const all = await revisionsOfRecord(store, revision);
  const children = (r: Revision, current: readonly Revision[]) =>
    current.some((c) => r.parents.includes(c.revisionId));
  return walk(revision, children, all).filter((r) => !isImported(r));
}

/** The revisions `revision` was made from, directly or not (its ancestors, pulled ones included), nearest first. */
export async function earlierRevisions(
  store: DexieChartStore,
  revision: Revision,
): Promise<Revision[]> {
  const all = await revisionsOfRecord(store, revision);
  const parents = (r: Revision, current: readonly Revision[]) =>
    current.some((c) => c.parents.includes(r.revisionId));
  return walk(revision, parents, all);
}

async function revisionsOfRecord(store: DexieChartStore, revision: Revision): Promise<Revision[]> {
  const { db, run } = store[storeInternals]();
  return run(async () => {
    const [history, record] = await Promise.all([
      db.history.where('key').equals(revision.key).toArray(),
      db.records.get(revision.key),
    ]);
    return [...history, ...(record?.heads ?? [])];
  });
}

/** Breadth-first from `start` over `all`, each step taking the revisions `next` accepts. */
function walk(
  start: Revision,
  next: (candidate: Revision, current: readonly Revision[]) => boolean,
  all: readonly Revision[],
): Revision[] {
  const found: Revision[] = [];
  const seen = new Set([start.revisionId]);
  let current = [start];
  while (current.length > 0) {
    const step = current;
    current = all.filter((r) => !seen.has(r.revisionId) && next(r, step));
    current.forEach((r) => seen.add(r.revisionId));
    found.push(...current);
  }
  return found;
}
