import * as Y from 'yjs';
import { parseRevision, type Revision } from '../model/index.js';
import { REVISIONS } from './chart-documents.js';
import { PROJECTION_VERSION, type ChartDatabase } from './database.js';
import { versionChangeError } from './errors.js';
import { projectRevisions } from './project-revisions.js';

const KEY = 'projectionVersion';

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
  if (typeof stored?.value === 'number' && stored.value > PROJECTION_VERSION) throw versionChangeError();
  await db.transaction('rw', [db.updates, db.documents, db.records, db.history, db.laneDays, db.meta], async () => {
    await Promise.all([db.records.clear(), db.history.clear(), db.laneDays.clear()]);
    for (const { name, patientId } of await db.documents.toArray()) {
      const rows = await db.updates.where('[doc+seq]').between([name, 0], [name, Infinity]).toArray();
      const doc = new Y.Doc({ guid: name, gc: false });
      Y.applyUpdate(doc, Y.mergeUpdates(rows.map((row) => row.update)));
      const revisions: Revision[] = [];
      for (const encoded of doc.getArray<string>(REVISIONS).toArray()) {
        // As when it arrived: an invalid revision, one for another patient, or one the revision rule refuses stays in the log unshown.
        const checked = parseRevision(encoded, patientId);
        if (checked.ok) revisions.push(checked.revision);
      }
      doc.destroy();
      await projectRevisions(db, [{ doc: name, patientId, revisions }]);
    }
    await db.meta.put({ key: KEY, value: PROJECTION_VERSION });
  });
  return true;
}
