import type { ChartDatabase } from './database.js';
import { versionChangeError } from './database-errors.js';
import { PROJECTION_VERSION, PROJECTION_VERSION_KEY as KEY } from './schema-versions.js';
import { loadWriteSide } from './write-side-loader.js';

/**
 * The projections are derived from the log. A crash cannot leave them behind
 * it (both are written in one transaction), but a new version of the kit may
 * derive them differently: then they are rebuilt from the log, once. Refuses
 * ('version-change') projections a newer release derived.
 */
export async function rebuildProjectionsIfStale(db: ChartDatabase): Promise<boolean> {
  const stored = await db.meta.get(KEY);
  if (stored?.value === PROJECTION_VERSION) return false;
  // A newer release derived them (and reads them in another tab, perhaps):
  // rebuilding them the old way would undo that, at every open of either.
  if (typeof stored?.value === 'number' && stored.value > PROJECTION_VERSION)
    throw versionChangeError();
  // A new database has nothing to derive: it only records the version, and
  // a first visit does not wait for the write side.
  const empty = await db.transaction('rw', [db.documents, db.meta], async () => {
    if ((await db.documents.count()) > 0) return false;
    await db.meta.put({ key: KEY, value: PROJECTION_VERSION });
    return true;
  });
  if (empty) return false;
  // Loaded before the transaction, which a wait on anything but IndexedDB would end.
  const { rebuildFromLog } = await loadWriteSide();
  await db.transaction(
    'rw',
    [db.updates, db.documents, db.records, db.history, db.laneDays, db.meta],
    async () => {
      await rebuildFromLog(db);
      await db.meta.put({ key: KEY, value: PROJECTION_VERSION });
    },
  );
  return true;
}
