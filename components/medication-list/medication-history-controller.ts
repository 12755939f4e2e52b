import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type {
  ChartRecord,
  ChartStore,
  Medication,
  ResourceKey,
  Revision,
} from '../../model/index.js';
import { historyEntries, type HistoryEntry } from './medication-history.js';

export type HistoryState =
  | { status: 'pending' }
  | { status: 'ready'; entries: HistoryEntry[] }
  | { status: 'error'; message: string };

interface OpenHistory {
  /** The heads the history was read for: a new head reads it again. */
  heads: string;
  state: HistoryState;
}

export interface HistoryHost extends ReactiveControllerHost {
  store?: ChartStore;
}

const headsOf = (record: ChartRecord) => record.heads.map((h) => h.revisionId).join(' ');

/** The revision histories the clinician has opened, read from the store and kept up to date while open. */
export class MedicationHistoryController implements ReactiveController {
  readonly #host: HistoryHost;
  readonly #open = new Map<ResourceKey, OpenHistory>();

  constructor(host: HistoryHost) {
    this.#host = host;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#open.clear();
  }

  isOpen(key: ResourceKey): boolean {
    return this.#open.has(key);
  }

  state(key: ResourceKey): HistoryState | undefined {
    return this.#open.get(key)?.state;
  }

  toggle(record: ChartRecord<Medication>): void {
    if (this.#open.delete(record.key)) this.#host.requestUpdate();
    else this.#load(record);
  }

  /** Reads again the open histories whose record has changed (call with every new list). */
  refresh(records: ReadonlyArray<ChartRecord<Medication>>): void {
    for (const record of records) {
      const open = this.#open.get(record.key);
      if (open && open.heads !== headsOf(record)) this.#load(record);
    }
  }

  #load(record: ChartRecord<Medication>): void {
    const store = this.#host.store;
    const open: OpenHistory = { heads: headsOf(record), state: { status: 'pending' } };
    this.#open.set(record.key, open);
    this.#host.requestUpdate();
    if (!store) return;
    const settle = (state: HistoryState) => {
      if (this.#open.get(record.key) !== open) return; // closed, or read again since
      open.state = state;
      this.#host.requestUpdate();
    };
    store.history(record.key).then(
      (revisions) =>
        settle({
          status: 'ready',
          entries: historyEntries(revisions as Array<Revision<Medication>>),
        }),
      (error: unknown) =>
        settle({
          status: 'error',
          message: error instanceof Error ? error.message : String(error),
        }),
    );
  }
}
