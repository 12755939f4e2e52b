import { KitDetailEvent } from './kit-event.js';

// A public event fired by two elements: <emr-note-list> (a note chosen) and
// <emr-note-editor> (the link between an addendum and its note). Bubbling
// and composed. Not cancelable: it asks the host to open a note, which
// there is no default action to veto.

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
