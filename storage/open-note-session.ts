import {
  ChartStoreError,
  NOTE_TEXT_FRAGMENT,
  noteDocumentName,
  parseDocumentName,
  type NoteSession,
} from '../model/index.js';
import type { ChartDocuments } from './chart-documents.js';

// A note's collaborative text, held loaded for as long as an editor uses it.
// It goes through ChartDocuments like every document, so every change to it
// — typed here, synced from a peer, written by another tab — is saved to the
// log as it happens, and the sync layer opening the same name gets the same
// Y.Doc. Its updates carry no revisions: nothing is projected from them.

export async function openNoteSession(
  documents: ChartDocuments,
  patientId: string,
  noteId: string,
): Promise<NoteSession> {
  const documentName = noteDocumentName(patientId, noteId);
  if (parseDocumentName(documentName)?.kind !== 'note') {
    throw new ChartStoreError(
      'invalid',
      `"${noteId}" of patient "${patientId}" is not a note id the chart can hold (letters, digits, "-" and ".", at most 64).`,
    );
  }
  const held = await documents.hold(documentName);
  return {
    patientId,
    noteId,
    documentName,
    text: held.doc.getXmlFragment(NOTE_TEXT_FRAGMENT),
    whenSaved: () => documents.whenSaved(),
    release: held.release,
  };
}
