import { Dexie } from 'dexie';
import {
  DELIVERY_STATES,
  type DeliveryCounts,
  type DeliveryState,
  type RecordDeliveries,
  type RecordDelivery,
  type ResourceKey,
} from '../model/index.js';
import type { ChartDatabase } from './database.js';
import type { OutboxRow } from './outbox-shapes.js';

// What the outbox (outbox-shapes.ts) says to a person: where each record
// stands with the hospital's EHR, and how many changes are in each state.
// Read by the store's live queries.

/** Each record's delivery state, for a patient: the latest change made (or taken over) here decides it. */
export async function deliveryStatesOf(
  db: ChartDatabase,
  patientId: string,
): Promise<RecordDeliveries> {
  const rows = await db.outbox
    .where('[patientId+key]')
    .between([patientId, Dexie.minKey], [patientId, Dexie.maxKey])
    .toArray();
  const latest = new Map<ResourceKey, OutboxRow & { state: DeliveryState }>();
  for (const row of rows)
    if (row.state !== 'elsewhere' && (latest.get(row.key)?.seq ?? -1) < row.seq!)
      latest.set(row.key, row as OutboxRow & { state: DeliveryState });
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
    DELIVERY_STATES.map((state) =>
      db.outbox.where('[state+seq]').between([state, Dexie.minKey], [state, Dexie.maxKey]).count(),
    ),
  );
  return Object.fromEntries(
    DELIVERY_STATES.map((state, i) => [state, counts[i]!]),
  ) as DeliveryCounts;
}

// The shapes live in model/ (the port components read); re-exported for storage's users.
export type { DeliveryCounts, RecordDelivery };
