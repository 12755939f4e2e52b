import type { DeliveryState, ResourceKey } from '../model/index.js';

// The outbox: the revisions made on this device that the hospital's EHR
// (the system of record) has to receive, one row each, written in the
// transaction that saves the revision (outbox-queue.ts), so a change is saved
// and queued, or neither. The ehr/ layer drains it and writes back here what
// the EHR answered. A revision that came from a colleague's device through
// the sync server, or from the EHR itself (an import, a pull), never gets a
// row: only the device that made a change sends it.

// Where a revision stands with the EHR: `DeliveryState` (model/chart/delivery.ts).
export type { DeliveryState } from '../model/index.js';

/** What the EHR answered for a revision it holds: its own id and version, which later changes refer to. */
export interface DeliveryReceipt {
  /** The EHR's id of the resource: the kit's own for a record pulled from it, the EHR's choice for one the kit created. */
  id: string;
  versionId: string;
  lastUpdated?: string;
}

export interface OutboxRow {
  /** Queue order on this device: a record's revisions go in this order. */
  seq?: number;
  revisionId: string;
  key: ResourceKey;
  patientId: string;
  /** The chart document the revision is in. */
  doc: string;
  /** A record new to the chart (no parents): a create. */
  create: boolean;
  /** Revisions recorded together (a set of vital signs): sent as one transaction. */
  group?: string;
  state: DeliveryState;
  /** When the state was last set (ISO). */
  at: string;
  /** What the EHR said, for `conflict`, `not-accepted` and `refused`. */
  message?: string;
  receipt?: DeliveryReceipt;
}
