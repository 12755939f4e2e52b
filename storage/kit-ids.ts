import type { FhirResource } from '../model/index.js';
import type { ChartDatabase } from './database.js';

// A record the kit created in the EHR has the EHR's id there (a conditional
// create lets the server name it), and the kit's id here. When the EHR's
// copy comes back (a pull, a read after a conflict), it is named by the
// kit's id again, from the receipt of its creation: the same record, not a
// second one.

/** The resources, those the kit created in the EHR named by the kit's id. */
export async function underKitIds<R extends FhirResource>(
  db: ChartDatabase,
  resources: readonly R[],
): Promise<R[]> {
  if ((await db.outbox.count()) === 0) return [...resources];
  const created = await db.outbox
    .filter(
      (row) => row.create && row.receipt !== undefined && !row.key.endsWith(`/${row.receipt.id}`),
    )
    .toArray();
  if (created.length === 0) return [...resources];
  const byEhrId = new Map(
    created.map((row) => {
      const type = row.key.slice(0, row.key.indexOf('/'));
      return [`${type}/${row.receipt!.id}`, row.key.slice(type.length + 1)];
    }),
  );
  return resources.map((resource) => {
    const kitId = byEhrId.get(`${resource.resourceType}/${resource.id}`);
    return kitId === undefined ? resource : { ...resource, id: kitId };
  });
}
