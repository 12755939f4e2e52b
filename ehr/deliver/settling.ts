import type { ResourceKey } from '../../model/index.js';
import {
  settleDeliveries,
  type DeliveryAnswer,
  type DexieChartStore,
  type OutboxEntry,
} from '../../storage/index.js';

/**
 * A round's answers, saved while the next round is sent. Until saved, the
 * changes they settle still wait in the outbox, so the drain asks here which
 * not to send again, which records' next change must wait for its receipt,
 * and which references name a record whose id in the EHR is not saved yet.
 * Saves go one after another, in the order the rounds went.
 */
export class Settling {
  readonly #store: DexieChartStore;
  readonly #revisions = new Set<string>();
  readonly #keys = new Set<ResourceKey>();
  readonly #created = new Set<ResourceKey>();
  #unsaved: DeliveryAnswer[] = [];
  #release: Array<() => void> = [];
  #saved: Promise<void> = Promise.resolve();
  #failure: unknown;

  constructor(store: DexieChartStore) {
    this.#store = store;
  }

  /** How many changes wait for their answers to be saved. */
  get size(): number {
    return this.#revisions.size;
  }

  holds(revisionId: string): boolean {
    return this.#revisions.has(revisionId);
  }

  /** Whether a change of this record waits for its answer to be saved. */
  touches(key: ResourceKey): boolean {
    return this.#keys.has(key);
  }

  /** Whether this record's creation waits for its answer (its id in the EHR) to be saved. */
  creates(key: ResourceKey): boolean {
    return this.#created.has(key);
  }

  /** What the EHR answered for `sent` (a change that stopped the link has none): saved on the next `flush()`. */
  answered(sent: readonly OutboxEntry[], answers: readonly DeliveryAnswer[]): void {
    const ids = sent.map(({ row }) => row.revisionId);
    const keys = sent.map(({ row }) => row.key);
    const created = sent.filter(({ row }) => row.create).map(({ row }) => row.key);
    ids.forEach((id) => this.#revisions.add(id));
    keys.forEach((key) => this.#keys.add(key));
    created.forEach((key) => this.#created.add(key));
    this.#unsaved.push(...answers);
    this.#release.push(() => {
      ids.forEach((id) => this.#revisions.delete(id));
      keys.forEach((key) => this.#keys.delete(key));
      created.forEach((key) => this.#created.delete(key));
    });
  }

  /** Starts saving what was answered, after the saves before it. */
  flush(): void {
    if (this.#release.length === 0) return;
    const answers = this.#unsaved;
    const release = this.#release;
    this.#unsaved = [];
    this.#release = [];
    this.#saved = this.#saved
      .then(() => settleDeliveries(this.#store, answers))
      .catch((error: unknown) => {
        this.#failure ??= error;
      })
      .finally(() => release.forEach((done) => done()));
  }

  /** Saves what is left and resolves once every answer is saved; throws the first save that failed. */
  async done(): Promise<void> {
    this.flush();
    await this.#saved;
    const failure = this.#failure;
    this.#failure = undefined;
    if (failure !== undefined) throw failure;
  }
}
