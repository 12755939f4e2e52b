import type { Unsubscribe } from '../chart/chart-store.js';

// What the sync layer tells the interface about a chart's connection to the
// sync server. Types only: components show it without importing sync/.

/**
 * A user as presence shows them: this device's user, as announced to others,
 * and each of the others who have the chart open now.
 */
export interface PresenceUser {
  /** The user id their token names. */
  readonly id: string;
  readonly name: string;
  /** A CSS colour: their dot in a presence list and their cursor in a note. */
  readonly color: string;
}

/**
 * Why the server will not sync this chart; retrying would be refused again.
 * - `unauthenticated`: no valid token, even a freshly fetched one.
 * - `forbidden`: the token does not allow this patient (or this user's writes).
 * - `rejected`: the server refused what this device sent (a bad revision or document).
 */
export type SyncRefusalReason = 'unauthenticated' | 'forbidden' | 'rejected';

export interface SyncRefusal {
  readonly reason: SyncRefusalReason;
  /** The server's own words, for support; may be empty. */
  readonly message: string;
}

/**
 * - `offline`: not connected (no network, or the server is unreachable); retried in the background.
 * - `connecting`: a first connection, or a reconnection, under way.
 * - `waiting`: connected, with local changes the server has not confirmed yet.
 * - `synced`: connected, and the server has every local change.
 * - `refused`: the server refused the connection for good (see `refusal`).
 */
export type SyncStatus = 'offline' | 'connecting' | 'waiting' | 'synced' | 'refused';

export interface SyncState {
  readonly status: SyncStatus;
  /** Local changes the server has not confirmed: counted offline too (and after a reload, when the store's count is connected), 0 once synced. */
  readonly waiting: number;
  /** Set when `status` is `refused`. */
  readonly refusal?: SyncRefusal;
  /** Others who have the chart open now (never the signed-in user); empty while not connected. */
  readonly peers: readonly PresenceUser[];
}

/** Anything that reports a sync state: the sync layer's chart connection, or a stand-in in a story. */
export interface SyncStatusSource {
  readonly state: SyncState;
  /** Called on every change of state (not with the current one); returns the way to stop. */
  subscribe(listener: (state: SyncState) => void): Unsubscribe;
}
