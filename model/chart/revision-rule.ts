import type { DocumentReference } from '../fhir/resources.js';
import { isEnteredInError } from './entered-in-error.js';
import type { ResourceKey, Revision } from './revision.js';
import { isSigned, signedNoteChangeRefusal } from './signed-notes.js';

// The rule every revision of a record must keep, wherever it is taken in: by
// the local store (its own commands, and revisions arriving from another
// replica) and by the sync server (from a client). It is checked against
// the record's current heads — every one, not just the parents it names —
// and against the parents themselves:
//
// 1. Each parent is a revision this log holds, of the same record. A parent
//    that is unknown, of another record, or of another patient (which is in
//    another document, so unknown here) is refused.
// 2. A record that exists takes no second root: a revision without parents
//    is refused when the record has revisions. One exception keeps a note
//    started on two devices at once working: a draft listing beside heads
//    that are all draft listings (the editor asks which one to keep).
// 3. Entered-in-error is final: a revision naming a voided parent is voided
//    too, unless it also names a live current head (a clinician resolving a
//    conflict between a voided value and a live one).
// 4. A signed note's text never changes: a revision must keep the frozen
//    fields of every signed head and signed parent. The one revision that may
//    differ is a draft that knew only drafts — a draft changed offline while
//    a colleague signed it (both name the draft). It is taken as a second
//    head, a conflict; the signed head stays the note (`signedFirst`), and
//    resolving the conflict names the signed head, so it keeps the signed
//    text: later words are an addendum. A second signature of the same draft
//    with other text is refused like any other change.
//
// Ordering: the sync server holds a document's whole log and refuses a
// revision whose parents it does not hold. The store refuses one too, after
// taking the rest of its update in causal order (`inCausalOrder`): through
// the server a revision never arrives before its parents, and a rebuild of
// the projections from the log judges it again with every parent present.

/** What the rule needs to know of a revision already in the log. */
export interface RevisionFacts {
  revisionId: string;
  key: ResourceKey;
  parents: readonly string[];
  voided: boolean;
  /** The resource, for a note: a signed note's frozen fields are compared with what follows it. */
  note?: DocumentReference;
}

export function revisionFacts(revision: Revision): RevisionFacts {
  const { revisionId, key, parents, resource } = revision;
  return { revisionId, key, parents, voided: isEnteredInError(resource), ...(resource.resourceType === 'DocumentReference' ? { note: resource } : {}) };
}

/** A log of revisions as the rule sees it: the store's projections, or a document on the server. */
export interface ChartLog {
  /** A revision of any record, by id; undefined when this log does not hold it. */
  revision(id: string): RevisionFacts | undefined;
  /** The record's current heads (revisions no other names as a parent); none for a record not in the log. */
  heads(key: ResourceKey): readonly RevisionFacts[];
}

export interface RevisionRefusal {
  message: string;
  /** Set when the refusal is a parent this log does not hold. */
  missingParent?: string;
}

/** Why `revision` may not be taken into `log`; undefined when it may. */
export function revisionRefusal(revision: Revision, log: ChartLog): RevisionRefusal | undefined {
  const { key, parents, resource } = revision;
  const heads = log.heads(key);
  const named: RevisionFacts[] = [];
  for (const id of parents) {
    const parent = log.revision(id);
    if (!parent) return { message: `${key}: parent ${id} is unknown, this chart does not hold it`, missingParent: id };
    if (parent.key !== key) return { message: `parent ${id} is a revision of ${parent.key}, not of ${key}` };
    named.push(parent);
  }
  const note = resource.resourceType === 'DocumentReference' ? resource : undefined;
  const isDraft = (facts: Pick<RevisionFacts, 'note' | 'voided'>) => facts.note !== undefined && !isSigned(facts.note) && !facts.voided;
  const draft = isDraft({ voided: isEnteredInError(resource), ...(note ? { note } : {}) });
  if (parents.length === 0 && heads.length > 0 && !(draft && heads.every(isDraft))) {
    return { message: `${key} is already in this chart: a revision of it names the heads it replaces` };
  }
  const isHead = (facts: RevisionFacts) => heads.some((head) => head.revisionId === facts.revisionId);
  if (!isEnteredInError(resource) && named.some((p) => p.voided) && !named.some((p) => !p.voided && isHead(p))) {
    return { message: `${key} was entered in error: record it anew rather than reviving it` };
  }
  const signed = [...heads, ...named].filter((r) => r.note && isSigned(r.note));
  const concurrentDraft = draft && named.length > 0 && named.every(isDraft);
  if (note && !concurrentDraft) {
    for (const before of signed) {
      const refusal = signedNoteChangeRefusal(before.note!, note);
      if (refusal) return { message: refusal };
    }
  }
  return undefined;
}

/** Revisions reordered so that each comes after those of them it names as parents; otherwise as given. */
export function inCausalOrder<T extends Pick<Revision, 'revisionId' | 'parents'>>(revisions: readonly T[]): T[] {
  const pending = new Set(revisions.map((r) => r.revisionId));
  const ordered: T[] = [];
  let left = [...revisions];
  while (left.length > 0) {
    const ready = left.filter((r) => !r.parents.some((p) => p !== r.revisionId && pending.has(p)));
    // A cycle (only a forged log has one) keeps its order: the rule refuses what it cannot place.
    const taken = new Set(ready.length > 0 ? ready : left);
    for (const r of taken) pending.delete(r.revisionId);
    ordered.push(...taken);
    left = left.filter((r) => !taken.has(r));
  }
  return ordered;
}
