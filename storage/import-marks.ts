import type { DexieChartStore } from './dexie-chart-store.js';
import type { MetaRow } from './database.js';
import { storeInternals } from './store-internals.js';

// What a resumable import (a pull from the hospital's FHIR server) has
// completed, kept on the device beside the chart: saved in the transaction
// that saves the revisions it describes, so the two never disagree. Keys
// live in their own part of the store's meta table.

export interface ImportMark {
  key: string;
  /** Structured-cloneable. */
  value: unknown;
}

const PREFIX = 'import-mark!';

export function markRow({ key, value }: ImportMark): MetaRow {
  return { key: PREFIX + key, value };
}

/** The value last saved under `key` with an import, or undefined. */
export async function readImportMark(store: DexieChartStore, key: string): Promise<unknown> {
  const { db, run } = store[storeInternals]();
  return run(async () => (await db.meta.get(PREFIX + key))?.value);
}

/**
 * Says that the patients' charts are on their way to this device
 * (`chartPresence` answers `importing` while none of it is stored) until the
 * function returned is called with whether it was saved: a pull that fetches
 * for a while before its first write.
 */
export function announceImport(
  store: DexieChartStore,
  patientIds: readonly string[],
): (saved: boolean) => void {
  return store[storeInternals]().beginImport(patientIds);
}
