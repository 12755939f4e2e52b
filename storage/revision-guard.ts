import { ChartStoreError, revisionFacts, revisionRefusal, type Revision } from '../model/index.js';

// Before the store makes a revision of a record it already holds, the
// revision rule (model/chart/revision-rule.ts) is asked against every
// current head of that record, whoever asks and however: a signed note's
// text is never replaced, a voided record never revived. The projection
// asks again when the revision is saved (admit-revisions.ts), for a peer's
// revision that came between.

export function assertRevisionRuleKept(revision: Revision, heads: readonly Revision[], context = ''): void {
  const facts = heads.map(revisionFacts);
  const refusal = revisionRefusal(revision, { revision: (id) => facts.find((f) => f.revisionId === id), heads: () => facts });
  if (refusal) throw new ChartStoreError('invalid', `${refusal.message}${context}`);
}
