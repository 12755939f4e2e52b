import type { ReactiveControllerHost } from 'lit';
import type { ChartStore, DocumentReference, Revision } from '../../model/index.js';
import { signDraft } from './note-chart-writes.js';
import { EmrNoteSignEvent } from './note-editor.events.js';
import { editorMessages as messages } from './note-editor.messages.js';
import { errorText, type NoteListingController } from './note-listing-controller.js';
import type { NoteTextController } from './note-text-controller.js';

// Signing a draft: "Sign note" asks once more (signing cannot be undone),
// "Sign now" fires the cancelable sign event and, when the host lets it,
// writes the signed revision. The text is frozen while it is signed.

export interface NoteSignHost extends ReactiveControllerHost, EventTarget {
  readonly renderRoot: HTMLElement | DocumentFragment;
  store?: ChartStore;
  patientId: string;
  noteId: string;
}

export interface NoteSignParts {
  listing: NoteListingController;
  text: NoteTextController;
  /** Whether the draft may be changed (and so signed) by this user now. */
  editable(): boolean;
  /** Shows a message about signing; '' clears it. */
  say(message: string): void;
}

export class NoteSignController {
  /** The question "Sign this note?" is shown. */
  confirming = false;
  /** The signed revision is being written. */
  signing = false;
  readonly #host: NoteSignHost;
  readonly #parts: NoteSignParts;
  /** Signed here, until the chart's own answer lists it. */
  #justSigned: Revision<DocumentReference> | undefined;

  constructor(host: NoteSignHost, parts: NoteSignParts) {
    this.#host = host;
    this.#parts = parts;
  }

  /** The question is on screen: asked, and the draft may still be signed. */
  get asking(): boolean {
    return this.confirming && this.#parts.editable();
  }

  /** The note's signed revision, if it is signed. */
  get signed(): Revision<DocumentReference> | undefined {
    const justSigned =
      this.#justSigned?.resource.id === this.#host.noteId ? this.#justSigned : undefined;
    return this.#parts.listing.note?.signed ?? justSigned;
  }

  /** Whether this revision was signed here, by this clinician, rather than by a colleague. */
  signedHere(revision: Revision<DocumentReference>): boolean {
    return revision.revisionId === this.#justSigned?.revisionId;
  }

  /** Another note, patient or store: no question pending. */
  reset(): void {
    this.confirming = false;
  }

  /** "Sign note": asks once more, or says that an empty note has nothing to sign. */
  ask = async (): Promise<void> => {
    if (!this.#canSign()) return;
    this.#parts.say('');
    this.confirming = true;
    this.#host.requestUpdate();
    await this.#focus('[data-action="confirm-sign"]');
  };

  /** "Keep editing" (or Escape): the question goes, focus returns to "Sign note". */
  cancel = async (): Promise<void> => {
    this.confirming = false;
    this.#host.requestUpdate();
    await this.#focus('[data-action="sign"]');
  };

  /** "Sign now". */
  confirm = async (): Promise<void> => {
    this.confirming = false;
    this.#host.requestUpdate();
    await this.#sign();
    // The answer's button is gone: focus what the clinician signed, or the sign button again.
    await this.#focus(this.signed ? '.frame' : '[data-action="sign"]');
  };

  /** Whether there is a draft to sign; says so when it is empty. */
  #canSign(): boolean {
    const view = this.#parts.text.view;
    if (!view || !this.#host.store || !this.#parts.editable()) return false;
    if (view.isEmpty) this.#parts.say(messages.emptyNote);
    return !view.isEmpty;
  }

  async #sign(): Promise<void> {
    const { store, patientId, noteId } = this.#host;
    const { listing, text, say } = this.#parts;
    const view = text.view;
    if (!this.#canSign() || !view || !store) return;
    const type = listing.note?.record?.current.type?.coding?.[0]?.code ?? listing.type.code;
    const event = new EmrNoteSignEvent({
      patientId,
      noteId,
      key: `DocumentReference/${noteId}`,
      type,
    });
    if (!this.#host.dispatchEvent(event)) return;
    // No keystroke between reading the text and signing it.
    this.signing = true;
    this.#host.requestUpdate();
    view.refresh();
    try {
      const created = await listing.list();
      const heads = created ? [created] : (listing.note?.record?.heads ?? []);
      const [head] = heads;
      if (heads.length !== 1 || !head)
        throw new Error(
          heads.length > 1 ? messages.conflict : 'the draft is not in the chart yet.',
        );
      await text.session?.whenSaved();
      this.#justSigned = await signDraft(store, head, view.content());
      say('');
    } catch (error) {
      say(messages.signFailed(errorText(error)));
    } finally {
      this.signing = false;
      this.#host.requestUpdate();
    }
  }

  async #focus(selector: string): Promise<void> {
    await this.#host.updateComplete;
    this.#host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }
}
