import { Awareness } from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import type { PresenceUser } from '../model/index.js';
import { ConfirmedChanges } from './confirmed-changes.js';
import { throttleAwareness } from './throttle-awareness.js';

// One chart document shared through the sync server: a y-websocket provider
// over the Y.Doc the store holds (the store saves every update, whatever its
// origin, so nothing received or typed offline is lost), its presence, and
// the count of local changes the server has not confirmed.

/**
 * - `connecting`: a first attempt, or one the host asked for, under way.
 * - `offline`: disconnected, or the last attempt failed (y-websocket retries with backoff).
 * - `connected`: the socket is open, the first exchange not done.
 * - `synced`: both sides have what the other had at connection time.
 * - `stopped`: the server refused it for good (a 44xx close); only `connect()` tries again.
 */
export type LinkPhase = 'connecting' | 'offline' | 'connected' | 'synced' | 'stopped';

export interface DocumentLinkOptions {
  serverUrl: string;
  name: string;
  doc: Y.Doc;
  token: string;
  /** Published in this document's awareness as the `user` field (y-prosemirror reads name and color). */
  user: PresenceUser;
  connect: boolean;
  awarenessIntervalMs: number;
  WebSocketPolyfill?: typeof WebSocket;
  /**
   * Keeps what the server is known to hold (an encoded state vector), so the
   * count of waiting changes outlives a reload: the store's `markSent`. `at`:
   * when the probe was sent; the server holds every change made before.
   */
  markSent?(stateVector: Uint8Array, at: number): Promise<void>;
  /** The phase, the waiting count or the awareness changed. */
  onChange(): void;
  /** The server closed with a 44xx code: y-websocket does not retry. */
  onRefused(link: DocumentLink, code: number, reason: string): void;
}

export class DocumentLink {
  readonly name: string;
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  readonly awareness: Awareness;
  readonly #changes: ConfirmedChanges;
  readonly #stopThrottle: () => void;
  readonly #onChange: () => void;
  /** Checks of `catchUp` under way, run on every change. */
  readonly #watchers = new Set<() => void>();
  #phase: LinkPhase;
  /** An attempt failed since the last connection: retries show as offline, not connecting. */
  #failed = false;
  #tokenInUse: string | undefined;

  constructor(options: DocumentLinkOptions) {
    this.name = options.name;
    this.doc = options.doc;
    this.#onChange = () => {
      options.onChange();
      for (const check of [...this.#watchers]) check();
    };
    this.awareness = new Awareness(options.doc);
    this.awareness.setLocalStateField('user', options.user);
    this.provider = new WebsocketProvider(options.serverUrl, options.name, options.doc, {
      connect: false,
      awareness: this.awareness,
      params: { token: options.token },
      // Tabs sync through the server (which confirms), never around it.
      disableBc: true,
      ...(options.WebSocketPolyfill && { WebSocketPolyfill: options.WebSocketPolyfill }),
    });
    this.#stopThrottle = throttleAwareness(this.provider, options.awarenessIntervalMs);
    const markSent = options.markSent;
    const sent =
      markSent &&
      new LatestWins(({ state, at }: { state: Uint8Array; at: number }) => markSent(state, at));
    this.#changes = new ConfirmedChanges(this.provider, this.#onChange, (state, at) =>
      sent?.write({ state, at }),
    );
    this.#phase = 'offline';
    this.provider.on('status', ({ status }) => {
      // y-websocket reads its params as it opens a socket, just before it says 'connecting'.
      if (status === 'connecting') this.#tokenInUse = this.provider.params.token;
      if (status === 'connected') {
        this.#failed = false;
        this.#set('connected');
      } else if (status === 'connecting' && !this.#failed) this.#set('connecting');
    });
    this.provider.on('sync', (synced) =>
      this.#set(synced ? 'synced' : this.provider.wsconnected ? 'connected' : this.#phase),
    );
    this.provider.on('connection-close', (event) => {
      // `null`: closed here (disconnect()), not a failure.
      if (event) this.#failed = true;
      if (this.#phase !== 'stopped') this.#set('offline');
    });
    this.provider.on('closed', ({ code, reason }) => {
      this.#set('stopped');
      options.onRefused(this, code, reason);
    });
    this.awareness.on('change', this.#onChange);
    if (options.connect) this.connect();
  }

  get phase(): LinkPhase {
    return this.#phase;
  }

  /** Local changes the server has not confirmed. */
  get waiting(): number {
    return this.#changes.waiting;
  }

  /** Whether the server has confirmed what this device had when it connected: from then on `waiting` is this document's whole count. */
  get confirmedOnce(): boolean {
    return this.#changes.answers > 0;
  }

  /**
   * Connects (or stays connected) until each side has what the other has and
   * the server has confirmed every local change: true then; false if the
   * server refuses or `timeoutMs` passes first.
   */
  catchUp(timeoutMs: number): Promise<boolean> {
    const answersBefore = this.#changes.answers;
    return new Promise((resolve) => {
      const check = () => {
        if (this.#phase === 'stopped') finish(false);
        else if (
          this.#phase === 'synced' &&
          this.#changes.answers > answersBefore &&
          this.waiting === 0
        )
          finish(true);
      };
      const finish = (caughtUp: boolean) => {
        clearTimeout(timer);
        this.#watchers.delete(check);
        resolve(caughtUp);
      };
      const timer = setTimeout(() => finish(false), timeoutMs);
      this.#watchers.add(check);
      if (this.provider.wsconnected) this.#changes.confirm();
      else this.connect();
    });
  }

  /** The token of the latest connection attempt (a newer one may be waiting for the next). */
  get tokenInUse(): string | undefined {
    return this.#tokenInUse;
  }

  /** Used from the next connection on (y-websocket reads its params when it connects). */
  setToken(token: string): void {
    this.provider.params = { ...this.provider.params, token };
  }

  connect(): void {
    this.#failed = false;
    if (!this.provider.wsconnected) this.#set('connecting');
    this.provider.connect();
  }

  disconnect(): void {
    this.provider.disconnect();
    this.#set('offline');
  }

  /** Leaves the document (others see this user go); the Y.Doc stays the store's. */
  destroy(): void {
    this.#stopThrottle();
    this.#changes.destroy();
    this.awareness.off('change', this.#onChange);
    this.provider.destroy();
    this.awareness.destroy();
  }

  #set(phase: LinkPhase): void {
    if (phase === this.#phase) return;
    this.#phase = phase;
    this.#onChange();
  }
}

/**
 * Writes one value at a time; of the values that come meanwhile, only the
 * latest is written next: each state the server is known to hold includes
 * the ones before it.
 */
class LatestWins<T> {
  readonly #write: (value: T) => Promise<void>;
  #next: T | undefined;
  #writing = false;

  constructor(write: (value: T) => Promise<void>) {
    this.#write = write;
  }

  write(value: T): void {
    this.#next = value;
    if (!this.#writing) void this.#drain();
  }

  async #drain(): Promise<void> {
    this.#writing = true;
    while (this.#next) {
      const value = this.#next;
      this.#next = undefined;
      // A failed write leaves the count higher than it is, never lower: the next confirmation corrects it.
      await this.#write(value).catch(() => undefined);
    }
    this.#writing = false;
  }
}
