// A note's collaborative text, as the store hands it to an editor. model/
// knows nothing of Yjs, so the text is opaque here: the note editor narrows
// it to the Y.XmlFragment it binds to.

/** The name of the fragment that holds a note's text inside its note document. */
export const NOTE_TEXT_FRAGMENT = 'prosemirror';

export interface NoteSession {
  readonly patientId: string;
  readonly noteId: string;
  /** The note document's name (`emr/<patientId>/note/<noteId>`), as the sync layer knows it. */
  readonly documentName: string;
  /**
   * The collaborative text: the `NOTE_TEXT_FRAGMENT` XML fragment of the note
   * document, the same document the sync layer opens by `documentName`.
   * Every change to it is saved locally as it happens.
   */
  readonly text: unknown;
  /** Resolves once every change made so far is saved locally. */
  whenSaved(): Promise<void>;
  /** Lets go of the text: the store may unload the document once no one holds it. Calling it again does nothing. */
  release(): void;
}
