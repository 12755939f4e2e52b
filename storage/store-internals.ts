import type { ChartUser } from '../model/index.js';
import type { ChartDocuments } from './chart-documents.js';
import type { ChartDatabase } from './database.js';

/**
 * What storage/'s own functions that are not store methods (importBundle)
 * need of a store. Reached through this symbol, which storage/index.ts does
 * not export: not part of the public API.
 */
export const storeInternals = Symbol('emr-kit store internals');

export interface StoreInternals {
  db: ChartDatabase;
  documents: ChartDocuments;
  user: ChartUser;
  /** Runs work as a store method does: store errors come out as ChartStoreErrors. */
  run<T>(work: () => Promise<T>): Promise<T>;
  /** Throws 'read-only' unless the user may write. */
  assertWriter(): void;
  /** The patients' charts are being imported (chartPresence says `importing`) until the function returned is called. */
  beginImport(patientIds: readonly string[]): (saved: boolean) => void;
}
