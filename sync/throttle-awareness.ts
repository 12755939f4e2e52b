import type { WebsocketProvider } from 'y-websocket';

// Presence changes (a cursor moving with every key) go out at most once per
// interval: the first at once, the ones that follow together at the end of
// the interval, each client's latest state. The provider's own sender is kept
// and fed the clients that changed; leaving (disconnect) is sent at once by
// the provider itself, not through here.

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

/** Throttles what `provider` sends of its awareness; returns the way to stop the timer. */
export function throttleAwareness(provider: WebsocketProvider, intervalMs: number): () => void {
  const send = provider._awarenessUpdateHandler;
  const changed = new Set<number>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastSent = -Infinity;

  const flush = () => {
    timer = undefined;
    if (changed.size === 0) return;
    lastSent = Date.now();
    const clients = [...changed];
    changed.clear();
    send({ added: [], updated: clients, removed: [] }, null);
  };
  const throttled = ({ added, updated, removed }: AwarenessChange, _origin: unknown) => {
    for (const client of [...added, ...updated, ...removed]) changed.add(client);
    if (timer !== undefined) return;
    const wait = lastSent + intervalMs - Date.now();
    if (wait <= 0) flush();
    else timer = setTimeout(flush, wait);
  };

  provider.awareness.off('update', send);
  provider.awareness.on('update', throttled);
  // The provider unsubscribes this field on destroy.
  provider._awarenessUpdateHandler = throttled;
  return () => clearTimeout(timer);
}
