import type { SyncState, Unsubscribe } from '../model/index.js';
import { Throttle } from './throttle.js';

// A chart's sync state for its subscribers: recomputed at most once per
// interval however often its inputs change (presence changes with every
// keystroke of a co-editor), and told only when it reads differently.

export class SyncStateFeed {
  readonly #compute: () => SyncState;
  readonly #publish: Throttle;
  readonly #listeners = new Set<(state: SyncState) => void>();
  #state: SyncState;

  constructor(intervalMs: number, compute: () => SyncState) {
    this.#compute = compute;
    this.#publish = new Throttle(intervalMs, () => this.#emit());
    this.#state = compute();
  }

  get state(): SyncState {
    return this.#state;
  }

  subscribe(listener: (state: SyncState) => void): Unsubscribe {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Something the state is computed from changed. */
  changed(): void {
    this.#publish.request();
  }

  stop(): void {
    this.#publish.cancel();
    this.#listeners.clear();
  }

  #emit(): void {
    const next = this.#compute();
    if (sameState(next, this.#state)) return;
    this.#state = next;
    for (const listener of [...this.#listeners]) listener(next);
  }
}

function sameState(a: SyncState, b: SyncState): boolean {
  return (
    a.status === b.status &&
    a.waiting === b.waiting &&
    a.refusal === b.refusal &&
    a.peers.length === b.peers.length &&
    a.peers.every(
      (p, i) =>
        p.id === b.peers[i]!.id && p.name === b.peers[i]!.name && p.color === b.peers[i]!.color,
    )
  );
}
