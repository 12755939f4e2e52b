// Pieces of store-import timed on their own, to say where its time goes:
// the raw puts (the suite's baseline), one pass of reads by key over rows
// that do not exist yet (the import makes such a pass in import-bundle's
// existence check and again in the projection's records.bulkGet; before
// fresh revisions skipped it, a third for history), and opening the 206
// documents the six bundles go to (each a log query and a catch-up query,
// one after the other). Prints medians of 5.
import { resourceKey } from '../../model/index.js';
import { importBundle, openChartStore } from '../../storage/index.js';
import { documentOf } from '../../storage/new-revision.js';
import { loadFixtureSet, summarise } from '../harness/index.js';
import {
  deleteRaw,
  openRawRecords,
  projectedRows,
  putRows,
  RECORDS,
  resourcesOf,
} from '../browser/support/raw-records.js';
import { BENCH_USER, benchDatabaseName, deleteDatabase } from '../browser/support/stores.js';

let texts: string[] = [];

export async function setup(): Promise<void> {
  texts = [...(await loadFixtureSet('synthea')).values()];
}

function getAll(db: IDBDatabase, keys: readonly string[], times: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(RECORDS, 'readonly');
    const store = tx.objectStore(RECORDS);
    for (let t = 0; t < times; t++) for (const key of keys) store.get(key);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}

export default async function run(): Promise<Record<string, string>> {
  const resources = resourcesOf(texts);
  const rows = projectedRows(resources, BENCH_USER);
  const keys = resources.map(resourceKey);
  const docs = [...new Set(resources.map((r) => documentOf(r)))];
  const times: Record<string, number[]> = { puts: [], getPass: [], docOpens: [], importAll: [] };
  for (let i = 0; i < 5; i++) {
    const rawName = benchDatabaseName('breakdown-raw');
    const raw = await openRawRecords(rawName);
    let t = performance.now();
    await putRows(raw, rows);
    times.puts!.push(performance.now() - t);
    await deleteRaw(raw, rawName);

    const emptyName = benchDatabaseName('breakdown-empty');
    const empty = await openRawRecords(emptyName);
    t = performance.now();
    await getAll(empty, keys, 1);
    times.getPass!.push(performance.now() - t);
    await deleteRaw(empty, emptyName);

    const storeName = benchDatabaseName('breakdown-docs');
    const store = await openChartStore({ databaseName: storeName, user: BENCH_USER });
    t = performance.now();
    for (const doc of docs) await store.documents.open(doc);
    times.docOpens!.push(performance.now() - t);
    await store.close();
    await deleteDatabase(storeName);

    const importName = benchDatabaseName('breakdown-import');
    const importing = await openChartStore({ databaseName: importName, user: BENCH_USER });
    t = performance.now();
    for (const text of texts) await importBundle(importing, text);
    times.importAll!.push(performance.now() - t);
    await importing.close();
    await deleteDatabase(importName);
  }
  const out: Record<string, string> = {
    resources: String(resources.length),
    documents: String(docs.length),
  };
  for (const [k, v] of Object.entries(times)) out[k] = `${summarise(v).median.toFixed(0)} ms`;
  console.log(JSON.stringify(out));
  return out;
}
