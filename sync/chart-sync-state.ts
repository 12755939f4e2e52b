import type { PresenceUser, SyncRefusal, SyncState } from '../model/index.js';
import type { LinkPhase } from './document-link.js';

// A chart's sync state from its documents': the least advanced document
// decides (one document offline means the chart is not fully shared).

export interface StatusInput {
  phases: readonly LinkPhase[];
  waiting: number;
  peers: readonly PresenceUser[];
  refusal: SyncRefusal | undefined;
  /** The host disconnected, or the browser says it is offline. */
  offline: boolean;
  /** The first token is still being fetched, or its fetch failed. */
  token: 'fetching' | 'failed' | 'ready';
}

export function syncStatus({
  phases,
  waiting,
  peers,
  refusal,
  offline,
  token,
}: StatusInput): SyncState {
  if (refusal) return { status: 'refused', waiting, refusal, peers: [] };
  if (offline || token === 'failed' || phases.includes('offline'))
    return { status: 'offline', waiting, peers: [] };
  if (token === 'fetching' || phases.length === 0 || phases.some((p) => p !== 'synced'))
    return { status: 'connecting', waiting, peers };
  return { status: waiting > 0 ? 'waiting' : 'synced', waiting, peers };
}
