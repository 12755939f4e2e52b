import type { ResourceKey } from '../model/index.js';

// The outbox: the revisions made on this device that the hospital's EHR
// (the system of record) has to receive, one row each, written in the
// transaction that saves the revision (outbox-queue.ts), so a change is saved
// and queued, or neither. The ehr/ layer drains it and writes back here what
// the EHR answered. A revision that came from a colleague's device through
// the sync server, or from the EHR itself (an import, a pull), never gets a
// row: only the device that made a change sends it.

/**
 * Where one revision stands with the EHR:
 * - `waiting`: not sent yet, or sent without an answer (it is sent again);
 * - `sent`: the EHR holds it (see `receipt`);
 * - `conflict`: the EHR's copy had changed since the version it was made
 *   from (412); the EHR's version now stands beside it in the chart, and a
 *   clinician's resolution is what goes next;
 * - `not-accepted`: the EHR refused its content (400, 422), with its message;
 * - `refused`: the user or the app may not write it (403);
 * - `local-only`: the hospital does not take this kind of change from the kit.
 */
export type DeliveryState =
  'waiting' | 'sent' | 'conflict' | 'not-accepted' | 'refused' | 'local-only';

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
