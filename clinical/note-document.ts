import type { ChartUser, DocumentReference, Reference } from '../model/index.js';
import { textAttachment, type Attachment } from './note-integrity.js';
import { noteTypeConcept, type NoteType } from './note-types.js';

// How a clinical note stands in the chart: one DocumentReference per note,
// whose id is the note's id. A draft (docStatus preliminary) lists the note
// while its text lives in the note document; signing replaces it by the
// final revision carrying the signed text and its hashes. A signed note
// never changes again: later words are addenda, new notes that append to it.

export type NoteStatus = 'draft' | 'signed' | 'amended' | 'entered-in-error' | 'superseded';

export function noteStatus(note: DocumentReference): NoteStatus {
  if (note.status === 'entered-in-error' || note.docStatus === 'entered-in-error')
    return 'entered-in-error';
  if (note.status === 'superseded') return 'superseded';
  if (note.docStatus === 'final') return 'signed';
  if (note.docStatus === 'amended') return 'amended';
  return 'draft';
}

// The rule that a signed note never changes is the chart's own (model/chart/signed-notes.ts).
export { isSigned, signedNoteChangeRefusal } from '../model/index.js';

/** The note an addendum appends to (its id), when it is one. */
export function appendedNoteId(note: DocumentReference): string | undefined {
  const target = note.relatesTo?.find((r) => r.code === 'appends')?.target.reference;
  const match = /^DocumentReference\/([A-Za-z0-9\-.]{1,64})$/.exec(target ?? '');
  return match?.[1];
}

/** A reference to the user as a practitioner, with their name. */
export function userReference(user: ChartUser): Reference {
  return /^[A-Za-z0-9\-.]{1,64}$/.test(user.id)
    ? { reference: `Practitioner/${user.id}`, display: user.displayName }
    : { display: user.displayName };
}

export interface DraftNote {
  id: string;
  patientId: string;
  type: NoteType;
  author: ChartUser;
  /** ISO instant the draft was started. */
  date: string;
  /** The id of the signed note this one is an addendum to. */
  appendsTo?: string;
}

/** The DocumentReference that lists a draft: its text is in the note document, not here. */
export function draftNoteReference(draft: DraftNote): DocumentReference {
  return {
    resourceType: 'DocumentReference',
    id: draft.id,
    status: 'current',
    docStatus: 'preliminary',
    type: noteTypeConcept(draft.type),
    subject: { reference: `Patient/${draft.patientId}` },
    date: draft.date,
    author: [userReference(draft.author)],
    ...(draft.appendsTo
      ? {
          relatesTo: [
            {
              code: 'appends' as const,
              target: { reference: `DocumentReference/${draft.appendsTo}` },
            },
          ],
        }
      : {}),
    content: [{ attachment: { contentType: 'text/html; charset=utf-8', title: draft.type.label } }],
  };
}

export interface SignedText {
  /** The note as plain text. */
  text: string;
  /** The note as sanitised HTML (only the markup the editor's schema writes). */
  html: string;
  signer: ChartUser;
  /** ISO instant of signing. */
  date: string;
}

/** The final revision of a draft: the signed text, as plain text and HTML, each with its size and hashes. */
export async function signedNoteReference(
  draft: DocumentReference,
  signed: SignedText,
): Promise<DocumentReference> {
  const title = draft.content[0]?.attachment.title;
  const extra: Partial<Attachment> = { ...(title ? { title } : {}), creation: signed.date };
  const [plain, html] = await Promise.all([
    textAttachment(signed.text, 'text/plain', extra),
    textAttachment(signed.html, 'text/html', extra),
  ]);
  const signer = userReference(signed.signer);
  const authors = draft.author ?? [];
  const sameAs = (a: Reference) =>
    a.reference ? a.reference === signer.reference : a.display === signer.display;
  return {
    ...draft,
    status: 'current',
    docStatus: 'final',
    date: signed.date,
    author: authors.some(sameAs) ? authors : [...authors, signer],
    authenticator: signer,
    content: [{ attachment: plain }, { attachment: html }],
  };
}

/** The signed text of a note: plain text and HTML attachments, when it has them. */
export function signedAttachments(note: DocumentReference): {
  plain?: Attachment;
  html?: Attachment;
} {
  const of = (type: string) =>
    note.content.find(
      (c) => c.attachment.contentType?.split(';')[0]?.trim() === type && c.attachment.data,
    )?.attachment;
  return { plain: of('text/plain'), html: of('text/html') };
}
