import {
  appendedNoteId,
  noteStatus,
  noteTypeLabel,
  noteMessages,
  type NoteStatus,
} from '../../clinical/index.js';
import type { ChartRecord, DocumentReference, ResourceKey } from '../../model/index.js';

// The list's rows: each note with what a clinician scans for (type, author,
// date, status), addenda under the note they append to. An addendum whose
// note is not on this device is listed on its own, never dropped.

export interface NoteEntry {
  /** The record's key, by which its delivery to the hospital record is found. */
  key: ResourceKey;
  noteId: string;
  type: string;
  author: string;
  date: string | undefined;
  status: NoteStatus;
  conflict: boolean;
  addenda: NoteEntry[];
}

function entry(record: ChartRecord<DocumentReference>): NoteEntry {
  const note = record.current;
  return {
    key: record.key,
    noteId: note.id!,
    type: noteTypeLabel(note.type),
    author: note.authenticator?.display ?? note.author?.[0]?.display ?? noteMessages.unknownAuthor,
    date: note.date,
    status: noteStatus(note),
    conflict: record.heads.length > 1,
    addenda: [],
  };
}

/** Notes newest first (as the store gives them), each with its addenda oldest first. */
export function noteEntries(records: ReadonlyArray<ChartRecord<DocumentReference>>): NoteEntry[] {
  const ids = new Set(records.map((r) => r.current.id));
  const top = records.filter((r) => !ids.has(appendedNoteId(r.current))).map(entry);
  const byId = new Map(top.map((e) => [e.noteId, e]));
  for (const record of [...records].reverse()) {
    const original = appendedNoteId(record.current);
    if (original && ids.has(original)) byId.get(original)?.addenda.push(entry(record));
  }
  return top;
}
