import type { ResourceKey } from './revision.js';

// Where the changes made on this device stand with the hospital's EHR (the
// system of record), in the shapes components read: the storage layer's
// outbox writes them, the ehr/ layer's delivery reports them, and elements
// show them through the `ChartStore` port and a `DeliveryStatusSource`.

/**
 * Where one change stands with the EHR:
 * - `waiting`: not sent yet, or sent without an answer (it is sent again);
 * - `sent`: the EHR holds it;
 * - `conflict`: the EHR's copy had changed since the version it was made
 *   from (412); the EHR's version now stands beside it in the chart, and a
 *   clinician's resolution is what goes next;
 * - `not-accepted`: the EHR refused its content (400, 422), with its message;
 * - `refused`: the user or the app may not write it (403);
 * - `local-only`: the hospital does not take this kind of change from the kit.
 */
export type DeliveryState =
  'waiting' | 'sent' | 'conflict' | 'not-accepted' | 'refused' | 'local-only';

/** Every delivery state, in the order a person reads them. */
export const DELIVERY_STATES: readonly DeliveryState[] = [
  'waiting',
  'sent',
  'conflict',
  'not-accepted',
  'refused',
  'local-only',
];

/** Where a record stands with the EHR: the state of its latest change made here. */
export interface RecordDelivery {
  state: DeliveryState;
  /** What the EHR said (for `conflict`, `not-accepted`, `refused`). */
  message?: string;
  /** When the state was set (ISO). */
  at: string;
}

/** Each record's delivery state, by resource key; records with no change made here are absent. */
export type RecordDeliveries = Partial<Record<ResourceKey, RecordDelivery>>;

/** How many of this device's changes are in each state. */
export type DeliveryCounts = Record<DeliveryState, number>;

/**
 * The link to the EHR: `idle` (nothing to send), `sending`, `unreachable`
 * (no network, or the EHR unavailable: tried again by itself),
 * `sign-in-needed` (the token was refused after a refresh: the host signs the
 * user in again), `stopped`.
 */
export type EhrLink = 'idle' | 'sending' | 'unreachable' | 'sign-in-needed' | 'stopped';

export interface DeliveryStatus {
  link: EhrLink;
  /** This device's changes by state (waiting, sent, conflict, not-accepted, refused, local-only). */
  counts: DeliveryCounts;
  /** Why the link is unreachable or needs a sign-in. */
  problem?: string;
}

/** Anything that reports the EHR link: the ehr/ layer's delivery controller, or a stand-in in a story. */
export interface DeliveryStatusSource {
  readonly status: DeliveryStatus;
  /** Called on changes of status (the delivery controller also calls it at once with the current one); returns the way to stop. */
  subscribe(listener: (status: DeliveryStatus) => void): () => void;
}
