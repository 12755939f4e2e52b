import { Dexie } from 'dexie';
import type { ResourceKey } from '../model/index.js';
import type { ChartDatabase } from './database.js';
import type { DeliveryState, OutboxRow } from './outbox-shapes.js';

// What the outbox (outbox-shapes.ts) says to a person: where each record
// stands with the hospital's EHR, and how many changes are in each state.
// Read by the store's live queries.

/** Where a record stands with the EHR: the state of its latest change made here. */
export interface RecordDelivery {
  state: DeliveryState;
  /** What the EHR said (for `conflict`, `not-accepted`, `refused`). */
  message?: string;
  /** When the state was set (ISO). */
  at: string;
}

/** How many of this device's changes are in each state. */
export type DeliveryCounts = Record<DeliveryState, number>;

const STATES: readonly DeliveryState[] = [
  'waiting',
  'sent',
  'conflict',
  'not-accepted',
  'refused',
  'local-only',
];

/** Each record's delivery state, for a patient: the latest change made here decides it. */
export async function deliveryStatesOf(
  db: ChartDatabase,
  patientId: string,
): Promise<Partial<Record<ResourceKey, RecordDelivery>>> {
  const rows = await db.outbox
    .where('[patientId+key]')
    .between([patientId, Dexie.minKey], [patientId, Dexie.maxKey])
    .toArray();
  const latest = new Map<ResourceKey, OutboxRow>();
  for (const row of rows) if ((latest.get(row.key)?.seq ?? -1) < row.seq!) latest.set(row.key, row);
  return Object.fromEntries(
    [...latest].map(([key, { state, message, at }]) => [
      key,
      { state, at, ...(message !== undefined && { message }) },
    ]),
  );
}

/** How many of this device's changes are in each state, every patient. */
export async function deliveryCountsOf(db: ChartDatabase): Promise<DeliveryCounts> {
  const counts = await Promise.all(
    STATES.map((state) =>
      db.outbox.where('[state+seq]').between([state, Dexie.minKey], [state, Dexie.maxKey]).count(),
    ),
  );
  return Object.fromEntries(STATES.map((state, i) => [state, counts[i]!])) as DeliveryCounts;
}
