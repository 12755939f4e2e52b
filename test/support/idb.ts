import { Dexie, type EntityTable } from 'dexie';
import { isChartStoreError, type ChartStoreError } from '../../model/index.js';
import type {
  DocumentRow,
  HistoryRow,
  MetaRow,
  RecordRow,
  UpdateRow,
} from '../../storage/database.js';
import { ChartDatabase } from '../../storage/index.js';

// What another tab, an older release of the kit or the browser itself does
// to a chart database, for tests that the store copes with it.

/** The ChartStoreError a promise rejects with (anything else fails the test). */
export async function rejection(promise: Promise<unknown>): Promise<ChartStoreError> {
  try {
    await promise;
  } catch (error) {
    if (isChartStoreError(error)) return error;
    throw error;
  }
  throw new Error('expected a ChartStoreError, the promise resolved');
}

/** IndexedDB's version number for Dexie's `version(n)`. */
export const nativeVersion = (dexieVersion: number) => Math.round(dexieVersion * 10);

/** The store's schema version, as IndexedDB sees it. */
export async function installedVersion(name: string): Promise<number | undefined> {
  return (await indexedDB.databases()).find((info) => info.name === name)?.version;
}

/**
 * A raw IndexedDB connection, as another tab running other code holds it: it
 * never closes by itself on `versionchange`. Like any open, it waits while
 * other connections are open (`blocked`).
 */
export function openRaw(
  name: string,
  version?: number,
  upgrade?: (db: IDBDatabase, request: IDBOpenDBRequest) => void,
): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = version === undefined ? indexedDB.open(name) : indexedDB.open(name, version);
    request.onupgradeneeded = () => upgrade?.(request.result, request);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** A history row as version 1 of the schema kept it: no patientId. */
export type HistoryRowV1 = Omit<HistoryRow, 'patientId'>;

/** The chart database as the first release declared it (storage/database.ts, version 1). */
export class ChartDatabaseV1 extends Dexie {
  updates!: EntityTable<UpdateRow, 'seq'>;
  documents!: EntityTable<DocumentRow, 'name'>;
  records!: EntityTable<RecordRow, 'key'>;
  history!: EntityTable<HistoryRowV1, 'revisionId'>;
  meta!: EntityTable<MetaRow, 'key'>;

  constructor(name: string) {
    super(name);
    this.version(1).stores({
      updates: '++seq, [doc+seq]',
      documents: 'name, patientId',
      records:
        'key, [patientId+lane+date], [patientId+lane+code+date], [patientId+date], [patientId+conflict]',
      history: 'revisionId, key, *parents',
      meta: 'key',
    });
  }
}

/** The chart database as releases before the per-day counts declared it (storage/database.ts, versions 1 to 3). */
export class ChartDatabaseV3 extends Dexie {
  updates!: EntityTable<UpdateRow, 'seq'>;
  documents!: EntityTable<DocumentRow, 'name'>;
  records!: EntityTable<RecordRow, 'key'>;
  history!: EntityTable<HistoryRow, 'revisionId'>;
  meta!: EntityTable<MetaRow, 'key'>;

  constructor(name: string) {
    super(name);
    this.version(3).stores({
      updates: '++seq, [doc+seq]',
      documents: 'name, patientId',
      records:
        'key, [patientId+lane+date], [patientId+lane+code+date], [patientId+date], [patientId+conflict]',
      history: 'revisionId, key, *parents, [patientId+at]',
      meta: 'key',
      sent: 'name, patientId',
    });
  }
}

/** Row counts of the log and the projections, read through a connection of its own. */
export async function tableCounts(
  name: string,
): Promise<{ updates: number; documents: number; records: number; history: number }> {
  const db = new ChartDatabase(name);
  try {
    const [updates, documents, records, history] = await Promise.all([
      db.updates.count(),
      db.documents.count(),
      db.records.count(),
      db.history.count(),
    ]);
    return { updates, documents, records, history };
  } finally {
    db.close();
  }
}
