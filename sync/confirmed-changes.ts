import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { messageSync, type WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { changeTime } from '../model/index.js';

// Counts a document's local changes until the server has them.
//
// The y-websocket protocol has no acknowledgement, but a server answers every
// sync step 1 with a step 2, in order with the writes before it (this kit's
// server answers only after those writes are stored). So after local changes
// go out, a step 1 is sent as a probe: its answer confirms every change made
// before it, and the whole state the document had when it was sent. One probe
// at a time; changes made meanwhile get the next one. One goes out after
// every connection too: it confirms what this device made before (offline,
// or before a reload), which the handshake sent.

/** A step 1 sent, waiting for its answer. */
interface Probe {
  /** Local changes made when it was sent; -1 for the provider's own step 1, whose answer confirms nothing. */
  made: number;
  /** The document's state vector when it was sent. */
  state?: Uint8Array;
  /** When it was sent (`changeTime`): its answer confirms every change made before. */
  at?: number;
}

export class ConfirmedChanges {
  readonly #provider: WebsocketProvider;
  readonly #onChange: () => void;
  readonly #onConfirmed: (stateVector: Uint8Array, at: number) => void;
  /** Local changes made, and how many of the first of them the server has confirmed. */
  #made = 0;
  #confirmed = 0;
  /** Step 1s sent on this connection, in order. */
  #asked: Probe[] = [];
  #askAgain = false;
  #answers = 0;

  /** `onConfirmed`: the server holds at least this state of the document (an encoded state vector), and every change made before `at`. */
  constructor(
    provider: WebsocketProvider,
    onChange: () => void,
    onConfirmed: (stateVector: Uint8Array, at: number) => void = () => undefined,
  ) {
    this.#provider = provider;
    this.#onChange = onChange;
    this.#onConfirmed = onConfirmed;
    // Registered after the provider's own listener: a change is on its way before it is counted.
    provider.doc.on('update', this.#onUpdate);
    provider.on('status', this.#onStatus);
    provider.on('sync', this.#onSync);
    const handle = provider.messageHandlers[messageSync]!;
    provider.messageHandlers[messageSync] = (encoder, decoder, ...rest) => {
      const answer =
        decoding.peekVarUint(decoder) === syncProtocol.messageYjsSyncStep2
          ? this.#asked.shift()
          : undefined;
      handle(encoder, decoder, ...rest);
      if (answer !== undefined) this.#answered(answer);
    };
  }

  /** Local changes the server has not confirmed. */
  get waiting(): number {
    return this.#made - this.#confirmed;
  }

  /** Probes the server has answered: one or more, and `waiting` also covers what was made before this session. */
  get answers(): number {
    return this.#answers;
  }

  /** Sends a probe now (when connected and synced), so that `answers` grows once the server holds all there is here. */
  confirm(): void {
    if (this.#provider.synced) this.#probe();
  }

  destroy(): void {
    this.#provider.doc.off('update', this.#onUpdate);
    this.#provider.off('status', this.#onStatus);
    this.#provider.off('sync', this.#onSync);
  }

  readonly #onUpdate = (
    _update: Uint8Array,
    origin: unknown,
    _doc: Y.Doc,
    transaction: Y.Transaction,
  ) => {
    // Changes applied from elsewhere (the server, the log other tabs wrote) are not this device's to send.
    if (origin === this.#provider || !transaction.local) return;
    this.#made++;
    if (this.#provider.synced) this.#probe();
    this.#onChange();
  };

  readonly #onStatus = ({ status }: { status: string }) => {
    // The provider sends its own step 1 as it connects: its answer confirms nothing yet.
    this.#asked = status === 'connected' ? [{ made: -1 }] : [];
    this.#askAgain = false;
  };

  readonly #onSync = (synced: boolean) => {
    // The handshake sent what the server lacked (changes made offline, or before a reload): confirm it.
    if (synced) this.#probe();
  };

  #probe(): void {
    if (this.#asked.some((probe) => probe.made >= 0)) {
      this.#askAgain = true;
      return;
    }
    const ws = this.#provider.ws;
    if (!this.#provider.wsconnected || !ws || ws.readyState !== ws.OPEN) return;
    // A sync step 1 is the document's state vector: the one the answer confirms.
    const state = Y.encodeStateVector(this.#provider.doc);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, messageSync);
    encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep1);
    encoding.writeVarUint8Array(encoder, state);
    ws.send(encoding.toUint8Array(encoder));
    this.#asked.push({ made: this.#made, state, at: changeTime() });
  }

  #answered({ made, state, at }: Probe): void {
    if (made < 0 || !state || at === undefined) return;
    this.#answers++;
    this.#onConfirmed(state, at);
    this.#confirmed = Math.max(this.#confirmed, made);
    // Every answer is news: the count, or what a visit waits for.
    this.#onChange();
    if (this.#askAgain && this.waiting > 0) {
      this.#askAgain = false;
      this.#probe();
    }
  }
}
