// The floor under the store's import: IndexedDB puts of the very rows the
// projection writes to `records`, with nothing else (no Yjs, no log, no
// history, no Dexie), into one object store indexed like storage/database.ts.
import { patientOf, resourceKey, type ChartUser, type FhirResource } from '../../../model/index.js';
import { readBundle } from '../../../model/bundle-reader.js';
import type { RecordRow } from '../../../storage/database.js';
import { documentOf, newRevision } from '../../../storage/new-revision.js';
import { recordRow } from '../../../storage/record-row.js';

export const RECORDS = 'records';

/** The indexes of the `records` table in storage/database.ts (version 2), as raw IndexedDB key paths. */
export const RECORD_INDEXES: ReadonlyArray<readonly [name: string, keyPath: string[]]> = [
  ['[patientId+lane+date]', ['patientId', 'lane', 'date']],
  ['[patientId+lane+code+date]', ['patientId', 'lane', 'code', 'date']],
  ['[patientId+date]', ['patientId', 'date']],
  ['[patientId+conflict]', ['patientId', 'conflict']],
];

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

/** A fresh database with one object store shaped like `records`. */
export function openRawRecords(name: string): Promise<IDBDatabase> {
  const req = indexedDB.open(name, 1);
  req.onupgradeneeded = () => {
    const store = req.result.createObjectStore(RECORDS, { keyPath: 'key' });
    for (const [index, keyPath] of RECORD_INDEXES) store.createIndex(index, keyPath);
  };
  return request(req);
}

/** Puts every row in one readwrite transaction; resolves when it has committed. */
export function putRows(db: IDBDatabase, rows: readonly RecordRow[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(RECORDS, 'readwrite');
    const store = tx.objectStore(RECORDS);
    for (const row of rows) store.put(row);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
  });
}

export async function deleteRaw(db: IDBDatabase | undefined, name: string): Promise<void> {
  db?.close();
  await request(indexedDB.deleteDatabase(name) as IDBRequest<unknown>);
}

/** Every resource readBundle finds in the texts; throws on a bundle with errors. */
export function resourcesOf(texts: readonly string[]): FhirResource[] {
  return texts.flatMap((text, i) => {
    const result = readBundle(text);
    if (!result.ok)
      throw new Error(
        `bundle ${i}: ${result.errorCount} errors; first: ${JSON.stringify(result.errors[0])}`,
      );
    return result.resources;
  });
}

/** The rows the projection writes for a first import of these resources: one head each, a revision made as storage/new-revision.ts makes it. */
export function projectedRows(resources: readonly FhirResource[], user: ChartUser): RecordRow[] {
  return resources.map((resource) => {
    const revision = newRevision(resource, [], user, 'imported');
    return recordRow(resourceKey(resource), patientOf(resource)!, documentOf(resource), [revision]);
  });
}
