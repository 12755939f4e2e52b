import { isEnteredInError, isWorkingCopy, type Revision } from '../model/index.js';
import type { ChartDatabase } from './database.js';

// How a revision made in the kit reaches the EHR: as a new record, as a
// change of one it holds, or not at all. A working copy (a note's draft) is
// never sent, so the first revision sent of a record whose earlier
// revisions were all working copies is its creation there (a signed note),
// and a working copy discarded (entered-in-error) is not sent at all.

export type DeliveryKind = 'create' | 'update' | 'none';

/** Each revision's kind, by revision id; call inside a transaction that has written them to `history`. */
export async function deliveryKinds(
  db: ChartDatabase,
  revisions: readonly Revision[],
): Promise<Map<string, DeliveryKind>> {
  const parentIds = [...new Set(revisions.flatMap((revision) => revision.parents))];
  const parents = new Map(
    (await db.history.bulkGet(parentIds)).flatMap((row) => (row ? [[row.revisionId, row]] : [])),
  );
  // A parent not on this device is taken for one the EHR may hold.
  const sentBefore = (id: string) => {
    const parent = parents.get(id);
    return parent === undefined || !isWorkingCopy(parent.resource);
  };
  return new Map(
    revisions.map((revision): [string, DeliveryKind] => {
      const { resource, parents: ids } = revision;
      if (isWorkingCopy(resource)) return [revision.revisionId, 'none'];
      if (ids.some(sentBefore)) return [revision.revisionId, 'update'];
      if (ids.length > 0 && isEnteredInError(resource)) return [revision.revisionId, 'none'];
      return [revision.revisionId, 'create'];
    }),
  );
}
