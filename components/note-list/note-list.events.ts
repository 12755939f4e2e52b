import { KitDetailEvent } from '../shared/kit-event.js';

// Public events of <emr-note-list> (and of the note editor's links between
// an addendum and its note): bubbling and composed. Not cancelable: it asks
// the host to open a note, which there is no default action to veto.

export interface NoteSelectDetail {
  patientId: string;
  /** The FHIR id of the note's DocumentReference, which is the note's id. */
  noteId: string;
}

/** A clinician chose a note: the host opens it (in `<emr-note-editor>`). */
export class EmrNoteSelectEvent extends KitDetailEvent<NoteSelectDetail> {
  static readonly eventName = 'emr-note-select';

  constructor(detail: NoteSelectDetail) {
    super(EmrNoteSelectEvent.eventName, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'emr-note-select': EmrNoteSelectEvent;
  }
}
