import type { DocumentReference, FhirResource } from '../fhir/resources.js';

// A signed note is never edited in place. The rule lives here, beside the
// revision log, because every layer that takes revisions applies it: the
// local store before it writes one, and the sync server before it accepts
// one from a client.

/** A signed note's text is frozen: final or amended, whatever its status since. */
export function isSigned(note: DocumentReference): boolean {
  return note.docStatus === 'final' || note.docStatus === 'amended';
}

/**
 * Why a new revision of a note may not replace `before`, or undefined when
 * it may. A signed note's content, type, subject, date and signer never
 * change; it may only be marked entered-in-error or superseded.
 */
export function signedNoteChangeRefusal(
  before: DocumentReference,
  after: DocumentReference,
): string | undefined {
  if (!isSigned(before)) return undefined;
  const frozen = (note: DocumentReference) =>
    JSON.stringify([
      note.content,
      note.type,
      note.subject,
      note.date,
      note.authenticator,
      note.relatesTo ?? null,
    ]);
  const docStatusKept =
    after.docStatus === before.docStatus || after.docStatus === 'entered-in-error';
  if (frozen(after) === frozen(before) && docStatusKept) return undefined;
  return `DocumentReference/${before.id} is a signed note: its text cannot be changed. Add an addendum instead.`;
}

/**
 * Orders the heads of one record: a signed note before any head that is not
 * signed, so that a draft changed offline while a colleague signed it (a
 * conflict the revision rule lets in) never stands as the note. 0 otherwise.
 */
export function signedFirst(a: FhirResource, b: FhirResource): number {
  const signed = (r: FhirResource) => r.resourceType === 'DocumentReference' && isSigned(r);
  return signed(a) === signed(b) ? 0 : signed(a) ? -1 : 1;
}
