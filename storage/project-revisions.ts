import { canonicalJson, encodeRevision, type ResourceKey, type Revision } from '../model/index.js';
import { admitRevisions, type Candidate } from './admit-revisions.js';
import type { ChartDatabase, HistoryRow } from './database.js';
import { countDays } from './lane-days.js';
import { recordRow } from './record-row.js';

// Folding revisions into the projections: inside the caller's Dexie
// transaction, for any batch of revisions in any order, from any replica.
//
// A resource's heads are its revisions that no other known revision names
// as a parent. Two heads are a conflict, kept and shown, never resolved
// here. The same revision arriving twice is one revision; a parent arriving
// after its child goes straight to history. A revision the revision rule
// refuses (admit-revisions.ts) is not projected at all.
//
// Two replicas can make one revision id (an import names its revisions by
// their content: imported-revision.ts), each with its own author and time.
// Every replica keeps the same copy of it, the one `firstCopy` prefers,
// whatever order they arrive in: the audit trail reads alike everywhere.

/** Of two copies of one revision id, whether `a` is the one to keep: the earlier, then by author id, then by its whole text. */
export function firstCopy(a: Revision, b: Revision): boolean {
  if (a.at !== b.at) return a.at < b.at;
  if (a.author.id !== b.author.id) return a.author.id < b.author.id;
  return encodeRevision(a) < encodeRevision(b);
}

/** Two copies of one revision: the same id, record, parents and content; author, time and reason may differ. */
function sameRevision(a: Revision, b: Revision): boolean {
  return (
    a.revisionId === b.revisionId &&
    a.key === b.key &&
    canonicalJson(a.parents) === canonicalJson(b.parents) &&
    canonicalJson(a.resource) === canonicalJson(b.resource)
  );
}

export interface ProjectionInput {
  doc: string;
  patientId: string;
  revisions: readonly Revision[];
  /**
   * Revisions this replica has just made: their ids are new, so none is in
   * history yet and none has a child; the two lookups for that are skipped.
   */
  fresh?: boolean;
}

export interface Projected {
  /** The keys whose record changed. */
  changed: ResourceKey[];
  /** The revisions the revision rule refused, with why: in the log, not projected. */
  refused: Array<{ doc: string; revision: Revision; message: string }>;
}

/**
 * Projects revisions of any number of documents in one pass (a bulk read and
 * a bulk write, however many documents an import touches), those the
 * revision rule admits. Call inside a rw transaction on records, history and laneDays.
 */
export async function projectRevisions(
  db: ChartDatabase,
  inputs: readonly ProjectionInput[],
): Promise<Projected> {
  const candidates = inputs.flatMap(({ doc, patientId, revisions, fresh = false }) =>
    revisions.map((revision) => ({ revision, doc, patientId, fresh })),
  );
  if (candidates.length === 0) return { changed: [], refused: [] };
  const keys = [...new Set(candidates.map((item) => item.revision.key))];
  const records = await db.records.bulkGet(keys);
  const admission = await admitRevisions<Candidate & { fresh: boolean }>(
    db,
    candidates,
    new Map(keys.map((key, i) => [key, records[i]])),
  );
  const refused = admission.refused.map(({ candidate: { doc, revision }, message }) => ({
    doc,
    revision,
    message,
  }));
  const items = admission.admitted;
  if (items.length === 0) return { changed: [], refused };
  // A record with no row has no revision in history, and so no child there either: only the others are looked up.
  const hasRow = new Set(keys.filter((_, i) => records[i] !== undefined));
  const unknownIds = items
    .filter((item) => !item.fresh && hasRow.has(item.revision.key))
    .map((item) => item.revision.revisionId);
  const [existing, knownInHistory, childrenInHistory] = await Promise.all([
    records,
    unknownIds.length > 0 ? db.history.bulkGet(unknownIds) : [],
    unknownIds.length > 0 ? db.history.where('parents').anyOf(unknownIds).toArray() : [],
  ]);

  const heads = new Map<ResourceKey, Revision[]>();
  const homes = new Map<ResourceKey, { doc: string; patientId: string }>();
  keys.forEach((key, i) => {
    heads.set(key, existing[i]?.heads ?? []);
    if (existing[i]) homes.set(key, { doc: existing[i].doc, patientId: existing[i].patientId });
  });
  for (const { revision, doc, patientId } of items)
    if (!homes.has(revision.key)) homes.set(revision.key, { doc, patientId });
  const known = new Set<string>(knownInHistory.flatMap((row) => (row ? [row.revisionId] : [])));
  for (const list of heads.values()) for (const head of list) known.add(head.revisionId);
  // Every revision id some known revision (or one of this batch) names as a parent.
  const superseded = new Set<string>();
  for (const row of childrenInHistory) row.parents.forEach((p) => superseded.add(p));
  for (const list of heads.values())
    for (const head of list) head.parents.forEach((p) => superseded.add(p));
  for (const { revision } of items) revision.parents.forEach((p) => superseded.add(p));

  const toHistory = new Map<string, HistoryRow>();
  for (const row of knownInHistory) if (row) toHistory.set(row.revisionId, row);
  const stored = new Set(toHistory.keys());
  const changed = new Set<ResourceKey>();
  for (const { revision } of items) {
    if (known.has(revision.revisionId)) {
      keepFirstCopy(revision);
      continue;
    }
    known.add(revision.revisionId);
    changed.add(revision.key);
    const { patientId } = homes.get(revision.key)!;
    // The heads it replaces stop being heads, even when a later revision
    // (already known) replaces it in turn.
    const current = heads.get(revision.key)!;
    const parents = new Set(revision.parents);
    const kept = current.filter((head) => !parents.has(head.revisionId));
    for (const head of current) if (parents.has(head.revisionId)) moveToHistory(head, patientId);
    if (superseded.has(revision.revisionId)) {
      moveToHistory(revision, patientId);
      heads.set(revision.key, kept);
    } else {
      heads.set(revision.key, [...kept, revision]);
    }
  }

  const before = new Map(keys.map((key, i) => [key, existing[i]]));
  const rows = [...changed].map((key) =>
    recordRow(key, homes.get(key)!.patientId, homes.get(key)!.doc, heads.get(key)!),
  );
  const historyRows = [...toHistory.values()].filter((row) => !stored.has(row.revisionId));
  await Promise.all([
    db.records.bulkPut(rows),
    historyRows.length > 0 ? db.history.bulkPut(historyRows) : undefined,
    countDays(
      db,
      rows.map((after) => ({ before: before.get(after.key), after })),
    ),
  ]);
  return { changed: [...changed], refused };

  function moveToHistory(revision: Revision, patientId: string): void {
    toHistory.set(revision.revisionId, { ...revision, patientId });
    stored.delete(revision.revisionId);
  }

  /**
   * Another copy of a revision already known: it takes the place of the one
   * kept when it comes first. Only a true copy (the same record and content);
   * anything else reusing a known id is ignored, as it always was.
   */
  function keepFirstCopy(copy: Revision): void {
    const list = heads.get(copy.key)!;
    const head = list.find((h) => h.revisionId === copy.revisionId);
    if (head) {
      if (!sameRevision(copy, head) || !firstCopy(copy, head)) return;
      heads.set(
        copy.key,
        list.map((h) => (h === head ? copy : h)),
      );
      changed.add(copy.key);
      return;
    }
    const past = toHistory.get(copy.revisionId);
    if (past && sameRevision(copy, past) && firstCopy(copy, past))
      moveToHistory(copy, past.patientId);
  }
}
