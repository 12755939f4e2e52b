import * as Y from 'yjs';
import {
  changeTime,
  DELIVERIES,
  encodeDeliveryOutcome,
  encodeRevision,
  parseDocumentName,
  type DeliveryOutcome,
  type Revision,
} from '../model/index.js';
import { REVISIONS, type DocumentEvents, type HeldDocument } from './document-shapes.js';
import type { ChartDatabase, MetaRow } from './database.js';
import { saveChanges, type Change, type LoadedDocument } from './save-changes.js';
import { markSent } from './sent-changes.js';

// The Yjs side of a chart, loaded by chart-documents.ts when a document is
// first needed: each document holds an append-only Y.Array of revisions,
// each encoded as one JSON string (measured: a fraction of the load time and
// heap of Yjs objects; bench/node/revision-encoding). A
// document is loaded only to write to it or to sync it; queries read the
// projections. Every update — made here, received from a peer, or written by
// another tab — is saved to the log with its projection in one transaction.

/** A document loaded from more log rows than this is compacted to one row. */
const COMPACT_AFTER = 64;

/** Transaction origin of updates read back from the log: already saved, not saved again. */
const FROM_LOG = Symbol('emr-kit:from-log');

/** ChartDocuments' work, loaded with Yjs when a document is first needed (chart-documents.ts). */
export class DocumentEngine {
  readonly #db: ChartDatabase;
  readonly #events: DocumentEvents;
  readonly #loaded = new Map<string, Promise<LoadedDocument>>();
  /** How many holders keep each document loaded: `forget` leaves these alone. */
  readonly #holds = new Map<string, number>();
  /** Saves in the order updates happened, one at a time. */
  #saving: Promise<unknown> = Promise.resolve();

  constructor(db: ChartDatabase, events: DocumentEvents = {}) {
    this.#db = db;
    this.#events = events;
  }

  /** The document, loaded from the log (once) and brought up to date with what other tabs saved. */
  async open(name: string): Promise<Y.Doc> {
    const loading = this.#loaded.get(name);
    if (loading) {
      const loaded = await loading;
      await this.#catchUp(name, loaded);
      return loaded.doc;
    }
    return (await this.#startLoading(name)).doc; // reads the whole log: nothing to catch up on
  }

  /**
   * Opens a document and keeps it loaded until `release()`. Everyone who
   * opens the name meanwhile — by `open` or `hold` — gets the same Y.Doc, so
   * an editor and a sync provider bind to one document; `forget` passes it by.
   */
  async hold(name: string): Promise<HeldDocument> {
    this.#holds.set(name, (this.#holds.get(name) ?? 0) + 1);
    let held = true;
    const release = () => {
      if (!held) return;
      held = false;
      const left = (this.#holds.get(name) ?? 1) - 1;
      if (left > 0) {
        this.#holds.set(name, left);
        return;
      }
      this.#holds.delete(name);
      // A chart has hundreds of notes: one no one uses goes back to the log.
      // Other documents stay loaded, as `open` leaves them.
      if (parseDocumentName(name)?.kind === 'note')
        void this.whenSaved().then(() => this.#holds.has(name) || this.forget(name));
    };
    try {
      const patientId = parseDocumentName(name)?.patientId ?? '';
      const markSentHere = (stateVector: Uint8Array, at: number) =>
        markSent(this.#db, name, patientId, Y.decodeStateVector(stateVector), at);
      return { doc: await this.open(name), release, markSent: markSentHere };
    } catch (error) {
      release();
      throw error;
    }
  }

  /** How many holders keep the document loaded now. */
  holders(name: string): number {
    return this.#holds.get(name) ?? 0;
  }

  /**
   * Appends revisions to documents and resolves once every update and its
   * projection are saved, in one transaction: all of them or none. If saving
   * fails, the documents touched are dropped from memory so that none holds
   * what the log does not. `fresh: false` for revisions whose ids may be
   * known already (an import's, named by their content): the projection
   * then looks for them in history too.
   */
  async append(
    batch: ReadonlyMap<string, readonly Revision[]>,
    { fresh = true, meta = [] }: { fresh?: boolean; meta?: readonly MetaRow[] } = {},
  ): Promise<void> {
    // Opened together: an import touches one document per day of observations,
    // most of them new, which need no read of the log at all.
    const names = [...batch.keys()];
    const created = await this.#createUnknown(names);
    const opened = await Promise.all(
      names.map(async (name) =>
        created.has(name) ? (await this.#loaded.get(name)!).doc : this.open(name),
      ),
    );
    const docs = new Map(names.map((name, i) => [name, opened[i]!]));
    const changes = this.#capture(() => {
      for (const [name, revisions] of batch) {
        const doc = docs.get(name)!;
        doc.transact(() => doc.getArray<string>(REVISIONS).push(revisions.map(encodeRevision)));
      }
    });
    // Validated before they were appended: not parsed back from JSON.
    for (const change of changes) {
      change.revisions = [...(batch.get(change.name) ?? [])];
      change.fresh = fresh;
    }
    if (meta.length === 0 || changes.length > 0) {
      // Rows saved with the revisions, in their transaction (what a pull has completed).
      if (meta.length > 0) changes.at(-1)!.meta = meta;
      return this.#enqueue(changes);
    }
    const saving = this.#saving.then(() => this.#db.meta.bulkPut([...meta]));
    this.#saving = saving.catch(() => undefined);
    await saving;
  }

  /**
   * Appends what the EHR answered for revisions to the documents that hold
   * them; resolves once saved, with the outbox rows they settle.
   */
  async appendOutcomes(batch: ReadonlyMap<string, readonly DeliveryOutcome[]>): Promise<void> {
    const docs = await Promise.all([...batch.keys()].map((name) => this.open(name)));
    const changes = this.#capture(() => {
      [...batch.values()].forEach((outcomes, i) => {
        const doc = docs[i]!;
        doc.transact(() =>
          doc.getArray<string>(DELIVERIES).push(outcomes.map(encodeDeliveryOutcome)),
        );
      });
    });
    return this.#enqueue(changes);
  }

  /** Applies an update from a peer; resolves once it is saved and projected. */
  async applyRemoteUpdate(
    name: string,
    update: Uint8Array,
    origin: unknown = 'remote',
  ): Promise<void> {
    const doc = await this.open(name);
    await this.#enqueue(this.#capture(() => Y.applyUpdate(doc, update, origin)));
  }

  /**
   * Drops documents from memory (all when no name is given): the log is the
   * truth. A held document stays, unless `includingHeld` (closing the store).
   */
  forget(name?: string, { includingHeld = false }: { includingHeld?: boolean } = {}): void {
    for (const key of name ? [name] : [...this.#loaded.keys()]) {
      if (!includingHeld && this.#holds.has(key)) continue;
      void this.#loaded.get(key)?.then(
        ({ doc }) => doc.destroy(),
        () => undefined,
      );
      this.#loaded.delete(key);
    }
  }

  /** Resolves when every update made so far is saved (or has failed). */
  async whenSaved(): Promise<void> {
    await this.#saving;
  }

  /** Changes made while `work` runs are handed back instead of being saved one by one. */
  #capturing: Change[] | undefined;

  #capture(work: () => void): Change[] {
    const changes: Change[] = [];
    this.#capturing = changes;
    try {
      work();
    } finally {
      this.#capturing = undefined;
    }
    return changes;
  }

  /** Saves changes after every earlier save, in the order they happened. */
  #enqueue(changes: Change[]): Promise<void> {
    if (changes.length === 0) return Promise.resolve();
    const saving = this.#saving.then(() => saveChanges(this.#db, changes, this.#events));
    this.#saving = saving.catch(() => undefined);
    return saving.catch((error: unknown) => {
      for (const change of changes) {
        // A held document stays in its holder's hands: its next save catches the log up.
        if (this.#holds.has(change.name)) change.loaded.unsaved = true;
        else this.forget(change.name);
      }
      throw error;
    });
  }

  /** Starts empty documents for the names the log has never seen (one read for all); returns those names. */
  async #createUnknown(names: readonly string[]): Promise<Set<string>> {
    const candidates = names.filter((name) => !this.#loaded.has(name));
    if (candidates.length === 0) return new Set();
    const rows = await this.#db.documents.bulkGet(candidates);
    const created = new Set(candidates.filter((name, i) => !rows[i] && !this.#loaded.has(name)));
    for (const name of created) void this.#startLoading(name, true);
    return created;
  }

  #startLoading(name: string, knownNew = false): Promise<LoadedDocument> {
    const loading = this.#load(name, knownNew);
    this.#loaded.set(name, loading);
    loading.catch(() => this.#loaded.delete(name));
    return loading;
  }

  async #load(name: string, knownNew = false): Promise<LoadedDocument> {
    const parsed = parseDocumentName(name);
    if (!parsed) throw new Error(`not a chart document name: ${name}`);
    // A document another tab creates meanwhile is read by the next catch-up.
    const rows = knownNew
      ? []
      : await this.#db.updates.where('[doc+seq]').between([name, 0], [name, Infinity]).toArray();
    // The name as guid: otherwise Yjs draws a random UUID, one call to the random source per digit, for each document an import opens.
    const doc = new Y.Doc({ guid: name, gc: false });
    const merged = rows.length > 0 ? Y.mergeUpdates(rows.map((row) => row.update)) : undefined;
    if (merged) Y.applyUpdate(doc, merged, FROM_LOG);
    const loaded: LoadedDocument = { doc, seq: rows.at(-1)?.seq ?? 0, own: new Set() };
    if (merged && rows.length > COMPACT_AFTER)
      await this.#compact(
        name,
        rows.map((row) => row.seq!),
        merged,
        loaded,
      );
    const revisions = doc.getArray<string>(REVISIONS);

    // Revisions and outcomes inserted by a transaction, whoever made it.
    let inserted: string[] = [];
    revisions.observe((event) => {
      if (event.transaction.origin === FROM_LOG) return;
      for (const item of event.changes.added)
        for (const value of item.content.getContent()) inserted.push(value as string);
    });
    let outcomes: unknown[] = [];
    doc.getArray<string>(DELIVERIES).observe((event) => {
      if (event.transaction.origin === FROM_LOG) return;
      for (const item of event.changes.added) outcomes.push(...item.content.getContent());
    });
    doc.on(
      'update',
      (update: Uint8Array, origin: unknown, _doc: Y.Doc, transaction: Y.Transaction) => {
        if (origin === FROM_LOG) return;
        // After a failed save, the whole state: Yjs applies what the log already has as a no-op.
        if (loaded.unsaved) update = Y.encodeStateAsUpdate(doc);
        loaded.unsaved = false;
        const change: Change = {
          name,
          patientId: parsed.patientId,
          update,
          encoded: inserted,
          outcomes,
          loaded,
        };
        if (transaction.local)
          change.local = { state: Y.decodeStateVector(Y.encodeStateVector(doc)), at: changeTime() };
        inserted = [];
        outcomes = [];
        if (this.#capturing) this.#capturing.push(change);
        else
          void this.#enqueue([change]).catch((error: unknown) =>
            this.#events.onSaveFailed?.(name, error),
          );
      },
    );
    return loaded;
  }

  /**
   * Replaces many small log rows of a document (one per edit) by their merge,
   * so the next load reads one row. Rows saved meanwhile are left alone.
   */
  async #compact(
    name: string,
    seqs: number[],
    merged: Uint8Array,
    loaded: LoadedDocument,
  ): Promise<void> {
    const db = this.#db;
    await db.transaction('rw', db.updates, async () => {
      await db.updates.bulkDelete(seqs);
      loaded.own.add((await db.updates.add({ doc: name, update: merged })) as number);
    });
  }

  /** Applies what other tabs saved since this document was loaded. */
  async #catchUp(name: string, loaded: LoadedDocument): Promise<void> {
    const rows = await this.#db.updates
      .where('[doc+seq]')
      .between([name, loaded.seq + 1], [name, Infinity])
      .toArray();
    if (rows.length === 0) return;
    loaded.seq = rows.at(-1)!.seq!;
    const theirs = rows.filter((row) => !loaded.own.delete(row.seq!));
    if (theirs.length > 0)
      Y.applyUpdate(loaded.doc, Y.mergeUpdates(theirs.map((row) => row.update)), FROM_LOG);
  }
}
