import type { Revision } from '../model/index.js';
import type { ChartDatabase, RecordRow } from './database.js';
import { isImported } from './imported-revision.js';

/** A base of a record: a version the EHR holds, with its version there when the kit sent it (`delivered`). */
export interface ImportedBase {
  revision: Revision;
  /** The EHR's version of a change this device sent it (its receipt); absent for a version imported from it. */
  delivered?: string;
}

/**
 * For each record, the versions the EHR holds nearest its heads — imported
 * from it, or sent to it from this device and confirmed — walking back
 * through history past other revisions made on a device (changes,
 * resolutions): what a newer import replaces. A head that is itself such a
 * version is its own base; a change made here on top of one and not yet
 * confirmed is not replaced, so the new import stands beside it as a
 * conflict. One read of history per generation walked, for every record at
 * once.
 */
export async function importedBases(
  db: ChartDatabase,
  rows: readonly RecordRow[],
): Promise<ImportedBase[][]> {
  const bases = rows.map((): ImportedBase[] => []);
  const seen = rows.map(() => new Set<string>());
  let frontier: Array<{ id: string; row: number }> = [];
  let delivered = await deliveredVersions(
    db,
    rows.flatMap((row) => row.heads.map((head) => head.revisionId)),
  );
  const visit = (revision: Revision, row: number) => {
    const version = delivered.get(revision.revisionId);
    if (isImported(revision)) bases[row]!.push({ revision });
    else if (version !== undefined) bases[row]!.push({ revision, delivered: version });
    else for (const id of revision.parents) if (!seen[row]!.has(id)) frontier.push({ id, row });
    seen[row]!.add(revision.revisionId);
  };
  rows.forEach((row, i) => row.heads.forEach((head) => visit(head, i)));
  while (frontier.length > 0) {
    const step = frontier;
    frontier = [];
    const ids = [...new Set(step.map(({ id }) => id))];
    delivered = await deliveredVersions(db, ids);
    const found = await db.history.bulkGet(ids);
    const byId = new Map(
      found.flatMap((revision) => (revision ? [[revision.revisionId, revision] as const] : [])),
    );
    for (const { id, row } of step) {
      const revision = byId.get(id);
      if (revision && !seen[row]!.has(id)) {
        const { patientId: _patientId, ...withoutPatient } = revision;
        visit(withoutPatient, row);
      }
    }
  }
  return bases.map((list) => [
    ...new Map(list.map((base) => [base.revision.revisionId, base])).values(),
  ]);
}

/** The EHR's version of each of these revisions that this device sent it and it confirmed. */
async function deliveredVersions(
  db: ChartDatabase,
  revisionIds: readonly string[],
): Promise<Map<string, string>> {
  if (revisionIds.length === 0 || (await db.outbox.count()) === 0) return new Map();
  const rows = await db.outbox
    .where('revisionId')
    .anyOf([...revisionIds])
    .toArray();
  return new Map(
    rows.flatMap((row) =>
      row.state === 'sent' && row.receipt ? [[row.revisionId, row.receipt.versionId] as const] : [],
    ),
  );
}
