import type { SyncRefusalReason, SyncStatus } from '../../model/index.js';

// Every text <emr-sync-status> shows, in one place for translation.

const changes = (count: number) => (count === 1 ? '1 change' : `${count} changes`);

export const syncStatusMessages = {
  label: 'Chart sync',
  status: {
    offline: 'Offline',
    connecting: 'Connecting…',
    waiting: 'Sending changes',
    synced: 'Synced',
    refused: 'Sync refused',
  } satisfies Record<SyncStatus, string>,
  /** No source: the host has not connected the chart to a sync server. */
  none: 'Not shared',
  /** "3 changes waiting". */
  waiting: (count: number) => `${changes(count)} waiting`,
  /** Offline or refused: the changes are safe on the device. */
  keptHere: 'Saved on this device; they go out when the chart syncs again.',
  refusal: {
    unauthenticated: 'Your sign-in for sync has expired or is not valid.',
    forbidden: 'Your account may not share this patient’s chart.',
    rejected: 'The sync server refused a change from this device.',
  } satisfies Record<SyncRefusalReason, string>,
  signIn: 'Sign in again',
  peers: 'Also here',
  /** For the polite live region: a change of status worth saying. */
  announce: (status: string) => `Chart sync: ${status}`,
};
