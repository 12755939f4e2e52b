import type { ChartDatabase } from './database.js';
import type { OutboxRow } from './outbox-shapes.js';

// Rows by revision id, many at once. Each is one index lookup, all sent
// together: `anyOf` over many ids walks a cursor from one to the next,
// a round trip to IndexedDB each, which a round of 200 answers feels.

/** The outbox rows of these revisions, for those that have one. */
export async function outboxRowsOf(
  db: ChartDatabase,
  revisionIds: readonly string[],
): Promise<OutboxRow[]> {
  const rows = await Promise.all(revisionIds.map((id) => db.outbox.get({ revisionId: id })));
  return rows.filter((row): row is OutboxRow => row !== undefined);
}

/** Which of these revisions the EHR has answered for (a `deliveries` row, by any device). */
export async function answeredRevisions(
  db: ChartDatabase,
  revisionIds: readonly string[],
): Promise<string[]> {
  const rows = await db.deliveries.bulkGet([...revisionIds]);
  return rows.flatMap((row) => (row ? [row.revisionId] : []));
}
