import type * as Y from 'yjs';
import type { DocumentLink } from './document-link.js';

// The chart documents a connection shares, by name: each one held from the
// store (so every update is saved) and linked to the sync server, until it is
// dropped or the store destroys it.

/**
 * A document the store keeps loaded until `release()`: the store saves every
 * update of `doc`. What sync needs of the store's own `HeldDocument`
 * (storage/, which sync does not import): the same thing, with `markSent`
 * optional for a store that keeps no count of unsent changes.
 */
export interface HeldDocument {
  doc: Y.Doc;
  release(): void;
  /** Keeps what the server is known to hold, so the count of waiting changes outlives a reload. */
  markSent?(stateVector: Uint8Array, at: number): Promise<void>;
}

export interface LinkedDocument {
  held: HeldDocument;
  link: DocumentLink;
}

export interface LinkedDocumentsOptions {
  hold(name: string): Promise<HeldDocument>;
  /** Shares a document once it is held. */
  link(name: string, held: HeldDocument): DocumentLink;
  /** A document was linked or dropped. */
  onChange(): void;
}

export class LinkedDocuments {
  readonly #options: LinkedDocumentsOptions;
  /** Undefined when the document could not be held, or was dropped while it was being held. */
  readonly #entries = new Map<string, Promise<LinkedDocument | undefined>>();
  /** Links in place, as of the last `settle()` (those still opening are left out). */
  #settled: LinkedDocument[] = [];
  #closed = false;

  constructor(options: LinkedDocumentsOptions) {
    this.#options = options;
  }

  /** Links in place as of the last `settle()`, less those dropped since. */
  get links(): DocumentLink[] {
    return this.#settled.filter((e) => this.#entries.has(e.link.name)).map((e) => e.link);
  }

  /** Every document linked or being linked. */
  names(): string[] {
    return [...this.#entries.keys()];
  }

  /** The document's entry, linking it first when it has none. */
  ensure(name: string): Promise<LinkedDocument | undefined> {
    let entry = this.#entries.get(name);
    if (!entry) {
      entry = this.#link(name);
      this.#entries.set(name, entry);
    }
    return entry;
  }

  /** Leaves the document and lets the store unload it. */
  drop(name: string): void {
    const entry = this.#entries.get(name);
    this.#entries.delete(name);
    void entry?.then((e) => {
      e?.link.destroy();
      e?.held.release();
    });
    this.#options.onChange();
  }

  forEach(work: (link: DocumentLink) => void): void {
    for (const entry of this.#entries.values())
      void entry.then((e) => e && !this.#closed && work(e.link));
  }

  /** Once every document now opening is linked or has failed: records the links in place and hands them to `then`. */
  settle(then: (links: DocumentLink[]) => void): void {
    void Promise.all(this.#entries.values()).then((entries) => {
      if (this.#closed) return;
      this.#settled = entries.filter((e): e is LinkedDocument => e !== undefined);
      then(this.#settled.map((e) => e.link));
    });
  }

  /** Drops every document; documents still being held are released as they come. */
  close(): void {
    this.#closed = true;
    for (const name of [...this.#entries.keys()]) this.drop(name);
  }

  async #link(name: string): Promise<LinkedDocument | undefined> {
    const held = await this.#options.hold(name).catch(() => undefined);
    if (!held || this.#closed || !this.#entries.has(name)) {
      held?.release();
      if (!this.#closed) this.#entries.delete(name); // the next listing tries again
      return undefined;
    }
    const link = this.#options.link(name, held);
    // The store closed: nothing left to share.
    held.doc.once('destroy', () => this.drop(name));
    this.#options.onChange();
    return { held, link };
  }
}
