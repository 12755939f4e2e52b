import type { ChartDatabase, SentRow } from './database.js';

// What of a document this device has that the sync server is not known to
// hold, kept across reloads so that a chart opened offline still says how
// many changes are waiting. A state vector (client id → clock) says how much
// of each writer's changes a copy holds; the server's grows as the sync
// layer learns of it (`markSent`), this device's with every local change.
// A change that only deletes advances no clock, so times say the rest: a
// confirmation covers the changes made before the probe it answers
// (`changeTime`), and none made after it.

export type StateVector = ReadonlyMap<number, number>;

/** The larger clock of each client: what two copies hold between them. */
export function mergeStates(a: StateVector, b: StateVector): Map<number, number> {
  const merged = new Map(a);
  for (const [client, clock] of b) merged.set(client, Math.max(clock, merged.get(client) ?? 0));
  return merged;
}

/** Whether `holder` has every change `of` has. */
export function covers(holder: StateVector, of: StateVector): boolean {
  for (const [client, clock] of of) if ((holder.get(client) ?? 0) < clock) return false;
  return true;
}

/** Local changes made to documents, by name: how many, the document's state after the last, and when the last was made. */
export type LocalChanges = ReadonlyMap<
  string,
  { patientId: string; count: number; state: StateVector; at: number }
>;

/** Whether the server holds every local change of a document: their state, and the last of them by time. */
function allSent(row: Pick<SentRow, 'server' | 'local' | 'changedAt' | 'confirmedAt'>): boolean {
  return (
    covers(row.server, row.local) && (row.confirmedAt ?? -Infinity) >= (row.changedAt ?? -Infinity)
  );
}

/**
 * Counts local changes as unsent, inside the transaction that saves them (it
 * must include `db.sent`). The sync layer may have learnt that the server
 * holds them before this save: then they are not counted.
 */
export async function countUnsent(db: ChartDatabase, changes: LocalChanges): Promise<void> {
  if (changes.size === 0) return;
  const names = [...changes.keys()];
  const rows = await db.sent.bulkGet(names);
  await db.sent.bulkPut(
    names.map((name, i): SentRow => {
      const { patientId, count, state, at } = changes.get(name)!;
      const row = rows[i];
      const counted = {
        name,
        patientId,
        local: mergeStates(row?.local ?? new Map(), state),
        server: row?.server ?? new Map<number, number>(),
        changedAt: Math.max(row?.changedAt ?? -Infinity, at),
        ...(row?.confirmedAt !== undefined && { confirmedAt: row.confirmedAt }),
      };
      return { ...counted, unsent: allSent(counted) ? 0 : (row?.unsent ?? 0) + count };
    }),
  );
}

/**
 * The server holds at least `server`, and every change made before `at` (the
 * time its probe was sent): once it holds every local change, none is
 * unsent. Kept even before the first local change is saved, which the
 * server's answer may overtake.
 */
export async function markSent(
  db: ChartDatabase,
  name: string,
  patientId: string,
  server: StateVector,
  at: number,
): Promise<void> {
  await db.transaction('rw', db.sent, async () => {
    const row: SentRow = (await db.sent.get(name)) ?? {
      name,
      patientId,
      unsent: 0,
      local: new Map(),
      server: new Map(),
    };
    const confirmed = {
      ...row,
      server: mergeStates(row.server, server),
      confirmedAt: Math.max(row.confirmedAt ?? -Infinity, at),
    };
    await db.sent.put({ ...confirmed, unsent: allSent(confirmed) ? 0 : row.unsent });
  });
}

/** Unsent local changes of a patient's documents, by document name; documents with none are left out. */
export async function unsentChanges(
  db: ChartDatabase,
  patientId: string,
): Promise<Record<string, number>> {
  const rows = await db.sent.where('patientId').equals(patientId).toArray();
  return Object.fromEntries(
    rows.filter((row) => row.unsent > 0).map((row) => [row.name, row.unsent]),
  );
}
