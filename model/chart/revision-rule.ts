import type { DocumentReference } from '../fhir/resources.js';
import { canonicalJson } from './canonical-json.js';
import { isEnteredInError } from './entered-in-error.js';
import { hasImportedId, IMPORT_ID_PREFIX } from './imported-id.js';
import type { ResourceKey, Revision } from './revision.js';
import { isSigned, signedNoteChangeRefusal } from './signed-notes.js';

// The rule every revision of a record must keep, wherever it is taken in: by
// the local store (its own commands, and revisions arriving from another
// replica) and by the sync server (from a client). It is checked against
// the record's current heads — every one, not just the parents it names —
// and against the parents themselves:
//
// 0. A revision id names one revision. A revision whose id the log holds
//    already is a copy, taken as a no-op whatever its parents, when it is
//    the same revision: the same record, parents and content, and — unless
//    its id is an import's, which two devices make alike — the same author,
//    time and reason. Anything else under a held id is refused (a forgery,
//    or a collision). An id with the import prefix must be the one its own
//    record, parents and content derive (imported-id.ts), so the prefix
//    cannot be borrowed.
// 1. Each parent is a revision this log holds, of the same record. A parent
//    that is unknown, of another record, or of another patient (which is in
//    another document, so unknown here) is refused.
// 2. A record that exists takes no second root: a revision without parents
//    is refused when the record has revisions. One exception keeps a note
//    started on two devices at once working: a draft listing beside heads
//    that are all draft listings (the editor asks which one to keep). The
//    other keeps offline imports: a second import root (a verified import id)
//    is taken when every root the record already has is an import too — two
//    devices imported different versions of a record neither had, offline.
//    It stands beside the heads as a conflict, never over them; rule 4 still
//    holds, so a signed note is not changed that way either. A root that is
//    not an import, or beside a record begun on a device, is refused.
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
  /** The whole revision: read only when another copy of its id arrives, or a second root of its record. */
  read(): Revision;
}

/** `read`: how to get the whole revision back when asked (the server keeps only its encoded text). */
export function revisionFacts(
  revision: Revision,
  read: () => Revision = () => revision,
): RevisionFacts {
  const { revisionId, key, parents, resource } = revision;
  return {
    revisionId,
    key,
    parents,
    voided: isEnteredInError(resource),
    ...(resource.resourceType === 'DocumentReference' ? { note: resource } : {}),
    read,
  };
}

/** A log of revisions as the rule sees it: the store's projections, or a document on the server. */
export interface ChartLog {
  /** A revision of any record, by id; undefined when this log does not hold it. */
  revision(id: string): RevisionFacts | undefined;
  /** The record's current heads (revisions no other names as a parent); none for a record not in the log. */
  heads(key: ResourceKey): readonly RevisionFacts[];
  /** The record's roots (its revisions that name no parent): asked only for a second root. */
  roots(key: ResourceKey): readonly RevisionFacts[];
}

export interface RevisionRefusal {
  message: string;
  /** Set when the refusal is a parent this log does not hold. */
  missingParent?: string;
}

/**
 * Why `revision` may not be taken into `log`; undefined when it may. A
 * revision the log holds already (`log.revision(id)`) that passes is a
 * copy: the caller takes it as a no-op.
 */
export function revisionRefusal(revision: Revision, log: ChartLog): RevisionRefusal | undefined {
  const { revisionId, key, parents, resource } = revision;
  const imported = revisionId.startsWith(IMPORT_ID_PREFIX);
  if (imported && !hasImportedId(revision))
    return {
      message: `${revisionId} is not the import id of ${key} with these parents and content`,
    };
  const held = log.revision(revisionId);
  if (held) {
    const refusal = copyRefusal(revision, held.read(), imported);
    return refusal ? { message: refusal } : undefined;
  }
  const heads = log.heads(key);
  const named: RevisionFacts[] = [];
  for (const id of parents) {
    const parent = log.revision(id);
    if (!parent)
      return {
        message: `${key}: parent ${id} is unknown, this chart does not hold it`,
        missingParent: id,
      };
    if (parent.key !== key)
      return { message: `parent ${id} is a revision of ${parent.key}, not of ${key}` };
    named.push(parent);
  }
  const note = resource.resourceType === 'DocumentReference' ? resource : undefined;
  const isDraft = (facts: Pick<RevisionFacts, 'note' | 'voided'>) =>
    facts.note !== undefined && !isSigned(facts.note) && !facts.voided;
  const draft = isDraft({ voided: isEnteredInError(resource), ...(note ? { note } : {}) });
  if (parents.length === 0 && heads.length > 0) {
    const draftListing = draft && heads.every(isDraft);
    const anotherImport = imported && log.roots(key).every((root) => hasImportedId(root.read()));
    if (!draftListing && !anotherImport)
      return {
        message: `${key} is already in this chart: a revision of it names the heads it replaces`,
      };
  }
  const isHead = (facts: RevisionFacts) =>
    heads.some((head) => head.revisionId === facts.revisionId);
  if (
    !isEnteredInError(resource) &&
    named.some((p) => p.voided) &&
    !named.some((p) => !p.voided && isHead(p))
  ) {
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

/** Why `copy` may not stand as another copy of `held`, the revision the log holds under its id. */
function copyRefusal(copy: Revision, held: Revision, imported: boolean): string | undefined {
  const sorted = (ids: readonly string[]) => [...ids].sort().join(' ');
  const same =
    copy.key === held.key &&
    sorted(copy.parents) === sorted(held.parents) &&
    canonicalJson(copy.resource) === canonicalJson(held.resource) &&
    (imported ||
      (canonicalJson(copy.author) === canonicalJson(held.author) &&
        copy.at === held.at &&
        copy.reason === held.reason));
  return same
    ? undefined
    : `revision ${copy.revisionId} is held already with other content: one id names one revision`;
}

/** Revisions reordered so that each comes after those of them it names as parents; otherwise as given. */
export function inCausalOrder<T extends Pick<Revision, 'revisionId' | 'parents'>>(
  revisions: readonly T[],
): T[] {
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
