import type * as Y from 'yjs';
import type { DeliveryOutcome, Revision } from '../model/index.js';
import type { ChartDatabase, MetaRow } from './database.js';
import type { DocumentEngine } from './document-engine.js';
import type { DocumentEvents, HeldDocument } from './document-shapes.js';
import { loadWriteSide } from './write-side-loader.js';

export { REVISIONS, type DocumentEvents, type HeldDocument } from './document-shapes.js';

// The store's Yjs documents. Reads never need one (queries read the
// projections), so Yjs and the code that handles documents
// (document-engine.ts) are loaded when a document is first needed, or by
// `load()`, which the store calls right after the first rows are on screen:
// on the device before the network can go.

export class ChartDocuments {
  readonly #db: ChartDatabase;
  readonly #events: DocumentEvents;
  #engine: DocumentEngine | undefined;
  #loading: Promise<DocumentEngine> | undefined;

  constructor(db: ChartDatabase, events: DocumentEvents = {}) {
    this.#db = db;
    this.#events = events;
  }

  /** Fetches and starts the documents' code now (once), rather than on the first write. */
  async load(): Promise<void> {
    await this.#ready();
  }

  #ready(): Promise<DocumentEngine> {
    if (this.#engine) return Promise.resolve(this.#engine);
    this.#loading ??= loadWriteSide().then(
      ({ DocumentEngine }) => (this.#engine = new DocumentEngine(this.#db, this.#events)),
      (error: unknown) => {
        this.#loading = undefined;
        throw error;
      },
    );
    return this.#loading;
  }

  /** The names of a patient's chart documents on this device. */
  async names(patientId: string): Promise<string[]> {
    return (await this.#db.documents
      .where('patientId')
      .equals(patientId)
      .primaryKeys()) as string[];
  }

  /** The document, loaded from the log (once) and brought up to date with what other tabs saved. */
  async open(name: string): Promise<Y.Doc> {
    return (await this.#ready()).open(name);
  }

  /**
   * Opens a document and keeps it loaded until `release()`. Everyone who
   * opens the name meanwhile — by `open` or `hold` — gets the same Y.Doc, so
   * an editor and a sync provider bind to one document; `forget` passes it by.
   */
  async hold(name: string): Promise<HeldDocument> {
    return (await this.#ready()).hold(name);
  }

  /** How many holders keep the document loaded now. */
  holders(name: string): number {
    return this.#engine?.holders(name) ?? 0;
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
    options: { fresh?: boolean; meta?: readonly MetaRow[] } = {},
  ): Promise<void> {
    return (await this.#ready()).append(batch, options);
  }

  /** Appends what the EHR answered for revisions to their documents; resolves once saved, with the outbox rows they settle. */
  async appendOutcomes(batch: ReadonlyMap<string, readonly DeliveryOutcome[]>): Promise<void> {
    return (await this.#ready()).appendOutcomes(batch);
  }

  /** Applies an update from a peer; resolves once it is saved and projected. */
  async applyRemoteUpdate(
    name: string,
    update: Uint8Array,
    origin: unknown = 'remote',
  ): Promise<void> {
    return (await this.#ready()).applyRemoteUpdate(name, update, origin);
  }

  /**
   * Drops documents from memory (all when no name is given): the log is the
   * truth. A held document stays, unless `includingHeld` (closing the store).
   */
  forget(name?: string, options: { includingHeld?: boolean } = {}): void {
    this.#engine?.forget(name, options);
  }

  /** Resolves when every update made so far is saved (or has failed). */
  async whenSaved(): Promise<void> {
    const engine = this.#engine ?? (await this.#loading?.catch(() => undefined));
    await engine?.whenSaved();
  }
}
