import type { Revision } from '../model/index.js';
import type { ChartDatabase, RecordRow } from './database.js';
import { isImported } from './imported-revision.js';

/**
 * For each record, the imported revisions nearest its heads, walking back
 * through history past revisions made on a device (changes, resolutions):
 * what a newer import replaces. A head that is itself imported is its own
 * base; a change made here on top of an import is not replaced, so the new
 * import stands beside it as a conflict. One read of history per generation
 * walked, for every record at once.
 */
export async function importedBases(
  db: ChartDatabase,
  rows: readonly RecordRow[],
): Promise<Revision[][]> {
  const bases = rows.map((): Revision[] => []);
  const seen = rows.map(() => new Set<string>());
  let frontier: Array<{ id: string; row: number }> = [];
  const visit = (revision: Revision, row: number) => {
    if (isImported(revision)) bases[row]!.push(revision);
    else for (const id of revision.parents) if (!seen[row]!.has(id)) frontier.push({ id, row });
    seen[row]!.add(revision.revisionId);
  };
  rows.forEach((row, i) => row.heads.forEach((head) => visit(head, i)));
  while (frontier.length > 0) {
    const step = frontier;
    frontier = [];
    const found = await db.history.bulkGet([...new Set(step.map(({ id }) => id))]);
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
    ...new Map(list.map((revision) => [revision.revisionId, revision])).values(),
  ]);
}
