import * as Y from 'yjs';
import type { ParsedDocumentName } from '../../model/index.js';
import type { Principal } from './access-tokens.js';
import { applyCapturing, applyWrite, type WriteCheck, type WriteOutcome } from './apply-write.js';
import { ClientOwners } from './client-owners.js';
import type { StoredBatch } from './fan-out.js';
import type { DocumentChanges, SyncStore } from './sync-store.js';

// This process's copy of one document and where it stands in the store: the
// Y.Doc, the last sequence number of the store's updates it holds, who owns
// which client id, and how many stored updates a compaction would merge.
// What other processes stored is applied in the store's order; a batch told
// with a gap before or inside it waits for a read of the store.

export class Replica {
  readonly doc = new Y.Doc();
  readonly name: string;
  readonly parsed: ParsedDocumentName;
  readonly #store: SyncStore;
  #owners = new ClientOwners();
  #seq = 0;
  #storedCount = 0;

  constructor(name: string, parsed: ParsedDocumentName, store: SyncStore) {
    this.name = name;
    this.parsed = parsed;
    this.#store = store;
  }

  /** The last sequence number of the store's updates this copy holds. */
  get seq(): number {
    return this.#seq;
  }

  /** Stored updates of the document, since the last compaction. */
  get storedCount(): number {
    return this.#storedCount;
  }

  async load(): Promise<void> {
    const { updates, owners, seq } = await this.#store.readSince(this.name, 0);
    this.#owners = new ClientOwners(owners);
    if (updates.length > 0) Y.applyUpdate(this.doc, Y.mergeUpdates(updates.map((u) => u.update)));
    this.#seq = seq;
    this.#storedCount = updates.length;
  }

  /** Judges and applies one client's write (apply-write.ts). */
  write(principal: Principal, update: Uint8Array, checkWrite?: WriteCheck): WriteOutcome {
    return applyWrite(
      { doc: this.doc, name: this.name, parsed: this.parsed, owners: this.#owners, checkWrite },
      principal,
      update,
    );
  }

  /** This process stored `count` updates, the last numbered `seq`. */
  wrote(seq: number, count: number): void {
    this.#seq = seq;
    this.#storedCount += count;
  }

  /** What the store holds after this copy: applied; returns the changes to relay. Throws when an update does not apply. */
  applyStored(changes: DocumentChanges): Uint8Array[] {
    if (changes.seq <= this.#seq) return [];
    const updates = changes.updates.filter(({ seq }) => seq > this.#seq);
    this.#owners.learn(changes.owners);
    const relay = applyCapturing(
      this.doc,
      updates.map(({ update }) => update),
    );
    this.#seq = changes.seq;
    this.#storedCount += updates.length;
    return relay;
  }

  /** Whether a batch another process told of leaves something out that only the store has. */
  missesSome(batch: StoredBatch): boolean {
    return (
      batch.last > this.#seq &&
      (batch.first > this.#seq + 1 || batch.updates.length !== batch.last - batch.first + 1)
    );
  }

  /** A batch another process told of, complete from this copy's last number on: applied; returns the changes to relay. */
  applyBatch(batch: StoredBatch): Uint8Array[] {
    const fresh = batch.updates.slice(this.#seq + 1 - batch.first);
    return this.applyStored({
      updates: fresh.map((update, i) => ({ seq: batch.last - fresh.length + 1 + i, update })),
      owners: new Map(batch.owners),
      seq: batch.last,
    });
  }

  /** Replaces the stored updates this copy holds (up to its number, perhaps more) by its state; later ones stay. */
  async compact(): Promise<void> {
    await this.#store.replaceUpdates(this.name, Y.encodeStateAsUpdate(this.doc), this.#seq);
    this.#storedCount = 1;
  }

  destroy(): void {
    this.doc.destroy();
  }
}
