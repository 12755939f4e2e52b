import { ChartStoreError, revisionFacts, revisionRefusal, type Revision } from '../model/index.js';

// Before the store makes a revision of a record it already holds, the
// revision rule (model/chart/revision-rule.ts) is asked against every
// current head of that record, whoever asks and however: a signed note's
// text is never replaced, a voided record never revived. The projection
// asks again when the revision is saved (admit-revisions.ts), for a peer's
// revision that came between.

/** `heads`: the record's current heads; `others`: other revisions of it that `revision` names (an import's earlier import). */
export function assertRevisionRuleKept(
  revision: Revision,
  heads: readonly Revision[],
  context = '',
  others: readonly Revision[] = [],
): void {
  const facts = heads.map((head) => revisionFacts(head));
  const known = [...facts, ...others.map((other) => revisionFacts(other))];
  const refusal = revisionRefusal(revision, {
    revision: (id) => known.find((f) => f.revisionId === id),
    heads: () => facts,
    roots: () => known.filter((f) => f.parents.length === 0),
  });
  if (refusal) throw new ChartStoreError('invalid', `${refusal.message}${context}`);
}
