import type { ChartStoreOptions } from './dexie-chart-store.js';
import { DexieChartStore } from './dexie-chart-store.js';
import { ChartDatabase } from './database.js';
import { blockedError, toChartStoreError, versionChangeError } from './database-errors.js';
import { rebuildProjectionsIfStale } from './rebuild-projections.js';

// Opening the local chart store: the database looked at before it is
// opened (a newer release's is never touched), made or upgraded, and its
// projections rebuilt when they are another release's.

/** How long an upgrade waits for older connections to close before it reports 'blocked'. */
const BLOCKED_GRACE_MS = 2_000;

/**
 * Opens the local chart store: Dexie (IndexedDB) for the log and the
 * projections, Yjs documents for the revisions. Rejects with a
 * ChartStoreError ('unavailable', 'blocked', 'version-change') that a
 * component can show.
 */
export async function openChartStore(options: ChartStoreOptions): Promise<DexieChartStore> {
  const name = options.databaseName ?? 'emr-kit';
  const db = new ChartDatabase(name, {
    // A live query's rows are handed over as read (frozen), not deep-copied
    // for each subscriber: the queries build new records around them and
    // nothing in the kit changes a row it read. (The copies were ~5% of the
    // vitals grid's first render, ~58 ms of the ICU stay's 24-hour query.)
    cache: 'immutable',
    ...(options.indexedDB
      ? { indexedDB: options.indexedDB, IDBKeyRange: options.IDBKeyRange }
      : {}),
  });
  const store = new DexieChartStore(db, options);
  // IndexedDB's number for the schema this code declares (Dexie's times ten).
  const declared = Math.round(db.verno * 10);
  let upgradedElsewhere = false;
  let blockedTimer: ReturnType<typeof setTimeout> | undefined;
  db.on('versionchange', () => {
    upgradedElsewhere = true;
  });
  try {
    // Dexie 4 opens a database of a higher version than it declares, and adds
    // to it any table or index of its own that is missing there: another
    // release's database would be changed under it. Look before opening.
    const installed = await installedVersion(options.indexedDB ?? globalThis.indexedDB, name);
    if (installed > declared) throw versionChangeError();
    // A device with no database has no chart to show: its first work is an
    // import or a sync, both writes. Fetch the write side while the database
    // is made.
    if (installed === 0) void store.documents.load().catch(() => undefined);
    await Promise.race([
      db.open(),
      // Dexie would wait for as long as an older tab keeps the database open.
      // IndexedDB also reports an upgrade blocked while a connection that is
      // letting go finishes its last transaction: give it a moment.
      new Promise<never>((_, reject) =>
        db.on('blocked', () => {
          blockedTimer ??= setTimeout(() => {
            if (!db.isOpen()) reject(blockedError()); // else the upgrade has begun
          }, BLOCKED_GRACE_MS);
        }),
      ),
    ]);
    // Upgraded by another tab between the look and the open.
    if (db.backendDB().version > declared) throw versionChangeError();
    await rebuildProjectionsIfStale(db);
  } catch (error) {
    db.close();
    throw toChartStoreError(error, upgradedElsewhere);
  } finally {
    clearTimeout(blockedTimer);
  }
  return store;
}

/** IndexedDB's version of a database, 0 when it does not exist or the browser does not say (opening it would create it). */
async function installedVersion(factory: IDBFactory | undefined, name: string): Promise<number> {
  try {
    return (await factory?.databases?.())?.find((info) => info.name === name)?.version ?? 0;
  } catch {
    return 0; // opening says why IndexedDB cannot be used
  }
}
