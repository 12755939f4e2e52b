import type { ResourceKey } from '../../model/index.js';
import { KitDetailEvent } from '../shared/kit-event.js';

// Public events of <emr-note-editor>: bubbling and composed, so a host page
// hears them through any shadow roots the editor sits in. Only signing can
// be vetoed (the host may want a second check, or its own signature flow).

export interface NoteSignDetail {
  patientId: string;
  noteId: string;
  /** `DocumentReference/<noteId>`. */
  key: ResourceKey;
  /** LOINC code of the note type. */
  type: string | undefined;
}

/** A clinician asked to sign the note. Cancelable: `preventDefault()` keeps it a draft. */
export class EmrNoteSignEvent extends KitDetailEvent<NoteSignDetail> {
  static readonly eventName = 'emr-note-sign';

  constructor(detail: NoteSignDetail) {
    super(EmrNoteSignEvent.eventName, detail, { cancelable: true });
  }
}

export type EditRefusal = 'signed' | 'read-only';

export interface NoteEditRefuseDetail {
  noteId: string;
  reason: EditRefusal;
  message: string;
}

/** A clinician tried to change a note that may not be changed (signed, or read-only for them): nothing was changed. */
export class EmrNoteEditRefuseEvent extends KitDetailEvent<NoteEditRefuseDetail> {
  static readonly eventName = 'emr-note-edit-refuse';

  constructor(detail: NoteEditRefuseDetail) {
    super(EmrNoteEditRefuseEvent.eventName, detail);
  }
}

export interface NoteAddendumDetail {
  patientId: string;
  /** The signed note the addendum appends to. */
  noteId: string;
  /** A fresh id for the addendum: open `<emr-note-editor note-id=addendumId appends=noteId>`. */
  addendumId: string;
}

/** A clinician asked to add an addendum to a signed note: the host opens an editor for it. */
export class EmrNoteAddendumEvent extends KitDetailEvent<NoteAddendumDetail> {
  static readonly eventName = 'emr-note-addendum';

  constructor(detail: NoteAddendumDetail) {
    super(EmrNoteAddendumEvent.eventName, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'emr-note-sign': EmrNoteSignEvent;
    'emr-note-edit-refuse': EmrNoteEditRefuseEvent;
    'emr-note-addendum': EmrNoteAddendumEvent;
  }
}
