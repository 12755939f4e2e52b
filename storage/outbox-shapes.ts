import type { DeliveryState, ResourceKey } from '../model/index.js';

// The outbox: the revisions made on this device that the hospital's EHR
// (the system of record) has to receive, one row each, written in the
// transaction that saves the revision (outbox-queue.ts), so a change is saved
// and queued, or neither. The ehr/ layer drains it; what the EHR answered is
// written into the chart document beside the revision, so it syncs, and
// settles the row (delivery-outcomes.ts). A revision from the EHR itself (an
// import, a pull) never gets a row. One that came from a colleague's device
// is kept as `elsewhere`: its own device sends it, and only if that device
// never does is it taken over here.

// Where a revision stands with the EHR: `DeliveryState` (model/chart/delivery.ts).
export type { DeliveryState } from '../model/index.js';

/**
 * A row's state: where a change stands with the EHR, or `elsewhere`: a
 * colleague's change that arrived through the sync server and that the EHR
 * has not answered for yet. Its own device sends it; this one takes it over
 * (it becomes `waiting`) only when told to, after a time the host sets, and
 * drops the row once an outcome arrives from anywhere.
 */
export type OutboxState = DeliveryState | 'elsewhere';

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
  state: OutboxState;
  /** A colleague's change, queued here to take its delivery over if its own device never does. */
  madeElsewhere?: true;
  /** When the state was last set (ISO). */
  at: string;
  /** What the EHR said, for `conflict`, `not-accepted` and `refused`. */
  message?: string;
  receipt?: DeliveryReceipt;
}
