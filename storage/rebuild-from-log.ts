import * as Y from 'yjs';
import { parseRevision, type Revision } from '../model/index.js';
import type { ChartDatabase } from './database.js';
import { REVISIONS } from './document-shapes.js';
import { projectRevisions } from './project-revisions.js';

/** Clears the projections and derives them again from every document in the log, inside the caller's transaction. */
export async function rebuildFromLog(db: ChartDatabase): Promise<void> {
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
}
