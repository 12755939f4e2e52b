import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { NoteTemplate } from '../../clinical/index.js';
import type { NoteListingController } from './note-listing-controller.js';
import type { NoteTextController } from './note-text-controller.js';

// Templates of a new note: the host's `template` fills the note once, when
// it opens empty and unlisted; the picker offers the others while the note
// stays empty.

export interface NoteTemplateHost extends ReactiveControllerHost {
  patientId: string;
  noteId: string;
  template: string;
  templates: readonly NoteTemplate[];
}

export interface NoteTemplateParts {
  listing: NoteListingController;
  /** Added to the host before this controller: its view is bound by the time this one fills it. */
  text: NoteTextController;
  editable(): boolean;
}

export class NoteTemplateController implements ReactiveController {
  /** The draft is empty (as of the host's last update): the picker is offered. */
  empty = false;
  readonly #host: NoteTemplateHost;
  readonly #parts: NoteTemplateParts;
  /** The note the host's template was last offered to (`patientId/noteId`). */
  #offered = '';

  constructor(host: NoteTemplateHost, parts: NoteTemplateParts) {
    this.#host = host;
    this.#parts = parts;
    host.addController(this);
  }

  hostUpdate(): void {
    this.empty = this.#parts.text.view?.isEmpty ?? false;
  }

  hostUpdated(): void {
    const view = this.#parts.text.view;
    const { patientId, noteId, template, templates } = this.#host;
    const key = `${patientId}/${noteId}`;
    if (!view || this.#offered === key) return;
    this.#offered = key;
    const chosen = templates.find((t) => t.id === template);
    if (chosen && this.#parts.editable() && !this.#parts.listing.note?.record && view.isEmpty)
      view.insertTemplate(chosen);
  }

  /** The text changed: the host updates only when the picker comes or goes. */
  textChanged(): void {
    if ((this.#parts.text.view?.isEmpty ?? false) !== this.empty) this.#host.requestUpdate();
  }

  /** The picker's choice. */
  insert = (id: string): void => {
    const chosen = this.#host.templates.find((t) => t.id === id);
    if (chosen && this.#parts.editable()) this.#parts.text.view?.insertTemplate(chosen);
  };
}
