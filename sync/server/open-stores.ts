import { RedisBroker } from './broker.js';
import { LevelStore } from './level-store.js';
import type { LogEntry } from './log.js';
import { PostgresStore, type PostgresStoreOptions } from './postgres-store.js';
import type { SyncStore } from './sync-store.js';

// Where a sync process keeps its documents, and how it hears of the other
// processes': the embedded store alone (one process), PostgreSQL alone (one
// process on a database server), or PostgreSQL with Redis (several).

export interface StoreChoice {
  dataDir?: string;
  store?: SyncStore;
  syncWrites?: boolean;
  postgres?: string | PostgresStoreOptions;
  redis?: string;
}

export interface OpenedStores {
  store: SyncStore;
  broker: RedisBroker | undefined;
  /** Whether the server opened the store (and so closes it). */
  ownStore: boolean;
}

export async function openStores(
  options: StoreChoice,
  log: (entry: LogEntry) => void,
): Promise<OpenedStores> {
  if (options.redis && !options.postgres && !options.store) {
    throw new Error('a Redis broker needs a store the processes share: give postgres too');
  }
  let store: SyncStore;
  let ownStore = true;
  if (options.store) {
    store = options.store;
    ownStore = false;
  } else if (options.postgres) {
    const postgres =
      typeof options.postgres === 'string' ? { url: options.postgres } : options.postgres;
    store = await PostgresStore.open({
      ...postgres,
      onError: (error) => log({ event: 'store-connection-lost', error: error.message }),
    });
  } else if (options.dataDir) {
    store = await LevelStore.open(options.dataDir, { syncWrites: options.syncWrites });
  } else {
    throw new Error('startSyncServer needs a dataDir, postgres, or a store');
  }
  let broker: RedisBroker | undefined;
  if (options.redis) {
    try {
      broker = await RedisBroker.connect({ url: options.redis, log });
    } catch (error) {
      if (ownStore) await store.close();
      throw error;
    }
  }
  return { store, broker, ownStore };
}
