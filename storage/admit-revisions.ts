import {
  inCausalOrder,
  revisionFacts,
  revisionRefusal,
  type ChartLog,
  type ResourceKey,
  type Revision,
  type RevisionFacts,
} from '../model/index.js';
import type { ChartDatabase, RecordRow } from './database.js';

// The revision rule (model/chart/revision-rule.ts) at the door of the
// projections: every revision, made here or arriving from another replica,
// is judged against the record's current heads as they stand in the same
// transaction, in causal order within its batch. A refused revision stays in
// the log (the log is the document) but is never projected: it is reported,
// never shown. Beside the rule, the store keeps each record to the chart and
// document it began in.

export interface Candidate {
  revision: Revision;
  doc: string;
  patientId: string;
}

export interface Admission<C extends Candidate> {
  admitted: C[];
  refused: Array<{ candidate: C; message: string }>;
}

/** Splits a batch into the revisions the rule admits and those it refuses; `records` are the rows of the batch's keys. */
export async function admitRevisions<C extends Candidate>(
  db: ChartDatabase,
  candidates: readonly C[],
  records: ReadonlyMap<ResourceKey, RecordRow | undefined>,
): Promise<Admission<C>> {
  const heads = new Map<ResourceKey, RevisionFacts[]>();
  const roots = new Map<ResourceKey, RevisionFacts[]>();
  const byId = new Map<string, RevisionFacts>();
  for (const [key, row] of records) {
    const facts = row?.heads.map((head) => revisionFacts(head)) ?? [];
    heads.set(key, facts);
    roots.set(
      key,
      facts.filter((f) => f.parents.length === 0),
    );
    for (const head of facts) byId.set(head.revisionId, head);
  }
  // Parents that are no head, and revisions already taken (a replica resends them): one read. A record
  // with no row has no revision in the history yet, so its own ids are not looked for (a first import's thousands).
  const held = (c: C) => (records.get(c.revision.key) !== undefined ? [c.revision.revisionId] : []);
  const wanted = [
    ...new Set(candidates.flatMap((c) => [...held(c), ...c.revision.parents])),
  ].filter((id) => !byId.has(id));
  // The roots of a record that a second root arrives for (rare: an import made offline on two devices): one read.
  const secondRoots = [
    ...new Set(
      candidates
        .filter(
          (c) =>
            c.revision.parents.length === 0 && (records.get(c.revision.key)?.heads.length ?? 0) > 0,
        )
        .map((c) => c.revision.key),
    ),
  ];
  const [rows, pastRoots] = await Promise.all([
    wanted.length > 0 ? db.history.bulkGet(wanted) : [],
    secondRoots.length > 0
      ? db.history
          .where('key')
          .anyOf(secondRoots)
          .filter((row) => row.parents.length === 0)
          .toArray()
      : [],
  ]);
  const history = new Map<string, RevisionFacts>();
  for (const row of rows) if (row) history.set(row.revisionId, revisionFacts(row));
  for (const row of pastRoots) roots.get(row.key)?.push(revisionFacts(row));
  const log: ChartLog = {
    revision: (id) => byId.get(id) ?? history.get(id),
    heads: (key) => heads.get(key) ?? [],
    roots: (key) => roots.get(key) ?? [],
  };

  const admitted: C[] = [];
  const refused: Admission<C>['refused'] = [];
  const ordered = inCausalOrder(
    candidates.map((candidate) => ({
      revisionId: candidate.revision.revisionId,
      parents: candidate.revision.parents,
      candidate,
    })),
  );
  for (const { candidate } of ordered) {
    const { revision } = candidate;
    const copy = log.revision(revision.revisionId) !== undefined;
    // A copy of a revision held already (a replica resends it, or made the same import) passes as a no-op; other content under its id does not.
    const message =
      homeRefusal(revision, candidate, records.get(revision.key)) ??
      revisionRefusal(revision, log)?.message;
    if (message) {
      refused.push({ candidate, message });
      continue;
    }
    admitted.push(candidate);
    if (copy) continue; // the projection keeps one copy (project-revisions.ts)
    const facts = revisionFacts(revision);
    byId.set(revision.revisionId, facts);
    heads.set(revision.key, [
      ...log.heads(revision.key).filter((h) => !revision.parents.includes(h.revisionId)),
      facts,
    ]);
    if (revision.parents.length === 0) roots.set(revision.key, [...log.roots(revision.key), facts]);
  }
  return { admitted, refused };
}

/** A record stays in the chart and the document it began in. */
function homeRefusal(
  revision: Revision,
  { doc, patientId }: Candidate,
  row: RecordRow | undefined,
): string | undefined {
  if (!row) return undefined;
  if (row.patientId !== patientId)
    return `${revision.key} is in the chart of Patient/${row.patientId}, not of Patient/${patientId}`;
  if (row.doc !== doc) return `${revision.key} is kept in ${row.doc}, not in ${doc}`;
  return undefined;
}
