import type { Awareness } from 'y-protocols/awareness';
import { noteDocumentName, parseDocumentName } from '../model/index.js';
import type { DocumentLink } from './document-link.js';
import type { LinkedDocument } from './linked-documents.js';

// Note documents are shared while an editor has them open, and until the
// server has every change made in them; then they are dropped, so that a
// chart with hundreds of notes does not keep hundreds of sockets open.

/** A note document shared while an editor has it open. */
export interface NoteLink {
  /** Presence in the note: give it to the note editor's `awareness` (co-editors' cursors). */
  readonly awareness: Awareness;
  /** The editor closed the note; its changes still go out before the link is dropped. */
  close(): void;
}

export interface NoteSharingOptions {
  patientId: string;
  /** Links a note document (once the connection can link at all). */
  share(name: string): Promise<LinkedDocument | undefined>;
  unshare(name: string): void;
  /** Whether the chart syncs this document whether or not it is open. */
  follows(name: string): boolean;
  /** An editor closed a note. */
  onChange(): void;
}

export class NoteSharing {
  readonly #options: NoteSharingOptions;
  /** Open note editors per note document. */
  readonly #editors = new Map<string, number>();
  /** Notes sent and closed since: not linked again by this connection. */
  readonly #sent = new Set<string>();

  constructor(options: NoteSharingOptions) {
    this.#options = options;
  }

  /** Shares a note while an editor has it open; the same note opened twice is shared once. */
  async open(noteId: string): Promise<NoteLink> {
    const name = noteDocumentName(this.#options.patientId, noteId);
    this.#editors.set(name, (this.#editors.get(name) ?? 0) + 1);
    this.#sent.delete(name);
    let open = true;
    const close = () => {
      if (!open) return;
      open = false;
      const left = (this.#editors.get(name) ?? 1) - 1;
      if (left > 0) this.#editors.set(name, left);
      else this.#editors.delete(name);
      this.#options.onChange();
    };
    const entry = await this.#options.share(name);
    if (!entry) {
      close();
      throw new Error(
        `note ${noteId} cannot be shared: the connection is closed or the note could not be opened`,
      );
    }
    return { awareness: entry.link.awareness, close };
  }

  /** Sent and closed since: a note on this device that needs no link again. */
  wasSent(name: string): boolean {
    return this.#sent.has(name);
  }

  /** Drops the links of notes no editor has open, not followed, whose changes the server has confirmed. */
  dropSent(links: readonly DocumentLink[]): void {
    for (const link of links) {
      if (
        parseDocumentName(link.name)?.kind !== 'note' ||
        this.#editors.has(link.name) ||
        this.#options.follows(link.name)
      )
        continue;
      if (link.phase !== 'synced' || link.waiting > 0) continue;
      this.#sent.add(link.name);
      this.#options.unshare(link.name);
    }
  }
}
