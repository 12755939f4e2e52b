import { draftNoteReference, signedNoteReference, type NoteType } from '../../clinical/index.js';
import {
  ChartStoreError,
  type ChartRecord,
  type ChartStore,
  type DocumentReference,
  type Revision,
} from '../../model/index.js';

// What the editor writes to the chart: the draft that lists a new note, the
// signed revision that replaces it, and the listing a clinician keeps when
// two devices listed the same new note.

export interface NewDraft {
  patientId: string;
  noteId: string;
  type: NoteType;
  appendsTo?: string;
}

/** Lists a new note in the chart as a draft. Another editor may have listed it first: that is no failure. */
export async function listDraft(
  store: ChartStore,
  draft: NewDraft,
): Promise<Revision<DocumentReference> | undefined> {
  try {
    return await store.record(
      draftNoteReference({
        id: draft.noteId,
        patientId: draft.patientId,
        type: draft.type,
        author: store.user,
        date: new Date().toISOString(),
        ...(draft.appendsTo ? { appendsTo: draft.appendsTo } : {}),
      }),
    );
  } catch (error) {
    if (
      error instanceof ChartStoreError &&
      error.code === 'invalid' &&
      error.issues.length === 0 &&
      error.message.includes('already in the chart')
    )
      return undefined;
    throw error;
  }
}

/** Replaces the draft head by the signed note: the text as it is now, with its hashes, signed by the store's user. */
export async function signDraft(
  store: ChartStore,
  head: Revision<DocumentReference>,
  content: { text: string; html: string },
): Promise<Revision<DocumentReference>> {
  const signed = await signedNoteReference(head.resource, {
    ...content,
    signer: store.user,
    date: new Date().toISOString(),
  });
  return store.revise(signed, head.revisionId, { reason: 'signed' });
}

/** Of the listings of one new note started on two devices, keeps the one a clinician chose: one revision replacing every head. */
export function keepListing(
  store: ChartStore,
  record: ChartRecord<DocumentReference>,
  kept: Revision<DocumentReference>,
): Promise<Revision<DocumentReference>> {
  return store.resolveConflict(
    kept.resource,
    record.heads.map((head) => head.revisionId),
    { reason: 'kept one listing of a note started on two devices' },
  );
}
