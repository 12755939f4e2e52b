import { appendedNoteId, isSigned } from '../../clinical/index.js';
import type { ChartRecord, DocumentReference, Revision } from '../../model/index.js';

// What the chart says of one note: its DocumentReference (none yet for a
// new note), whether it is signed, the note it appends to and its addenda.

export interface NoteRecord {
  record: ChartRecord<DocumentReference> | undefined;
  /** The signed head, if any: once one head is signed, the note is signed, whatever else a peer wrote. */
  signed: Revision<DocumentReference> | undefined;
  /** The note this one is an addendum to. */
  original: ChartRecord<DocumentReference> | undefined;
  /** Notes that append to this one, oldest first. */
  addenda: Array<ChartRecord<DocumentReference>>;
}

export function noteRecord(
  notes: ReadonlyArray<ChartRecord<DocumentReference>>,
  noteId: string,
): NoteRecord {
  const record = notes.find((note) => note.current.id === noteId);
  const signed = record?.heads.find((head) => isSigned(head.resource));
  const originalId = record ? appendedNoteId(record.current) : undefined;
  const original = originalId ? notes.find((note) => note.current.id === originalId) : undefined;
  const addenda = notes.filter((note) => appendedNoteId(note.current) === noteId).reverse();
  return { record, signed, original, addenda };
}
