import type { ChartConnection, NoteLink } from '../sync/index.js';

// The Notes view: which note the editor shows. A new note gets a fresh id;
// a note chosen in the note list (emr-note-select), or an addendum asked
// for by the editor (emr-note-addendum), opens in the editor. While sync is
// on, the open note is shared, and its presence (co-editors' cursors) goes
// to the editor's `awareness` property.

type NoteEditor = HTMLElementTagNameMap['emr-note-editor'];

export class NotesPanel {
  readonly #editor: NoteEditor;
  readonly #hint: HTMLElement;
  #connection: ChartConnection | undefined;
  #link: Promise<NoteLink | undefined> | undefined;

  constructor(
    root: Document,
    editor: NoteEditor,
    hint: HTMLElement,
    newNote: HTMLButtonElement,
    onOpen: () => void,
  ) {
    this.#editor = editor;
    this.#hint = hint;
    newNote.addEventListener('click', () => this.open(crypto.randomUUID()));
    root.addEventListener('emr-note-select', (event) => {
      this.open(event.detail.noteId);
      onOpen();
    });
    root.addEventListener('emr-note-addendum', (event) =>
      this.open(event.detail.addendumId, event.detail.noteId),
    );
  }

  /** A new patient or connection: no note is open. */
  reset(connection: ChartConnection | undefined): void {
    this.#unshare();
    this.#connection = connection;
    this.#editor.setAttribute('note-id', '');
    this.#editor.removeAttribute('appends');
    this.#editor.hidden = true;
    this.#hint.hidden = false;
  }

  open(noteId: string, appends?: string): void {
    this.#unshare();
    this.#editor.setAttribute('note-id', noteId);
    if (appends) this.#editor.setAttribute('appends', appends);
    else this.#editor.removeAttribute('appends');
    this.#editor.hidden = false;
    this.#hint.hidden = true;
    this.#share(noteId);
  }

  #share(noteId: string): void {
    const connection = this.#connection;
    if (!connection) return;
    const link = connection.openNote(noteId).catch(() => undefined); // not shared: the note still saves on this device
    this.#link = link;
    void link.then((opened) => {
      if (this.#link === link && opened) this.#editor.awareness = opened.awareness;
    });
  }

  #unshare(): void {
    void this.#link?.then((link) => link?.close());
    this.#link = undefined;
    this.#editor.awareness = undefined;
  }
}
