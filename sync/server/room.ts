import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { ParsedDocumentName } from '../../model/index.js';
import { auditRecord } from './audit.js';
import type { ChangeNotices } from './change-notices.js';
import { CLOSE, type CloseCode } from './close-codes.js';
import type { LogEntry } from './log.js';
import { ClientOwners } from './client-owners.js';
import { readIncoming } from './incoming-update.js';
import { checkPresence } from './presence-check.js';
import { awarenessMessage, syncStep1, syncStep2, updateMessage, type Inbound } from './protocol.js';
import type { StoredUpdate, SyncStore } from './store.js';
import { canWrite, type Principal } from './tokens.js';

// One document being shared: its Y.Doc, presence, and the connections on it.
//
// Every write goes through one queue per document: applied to the Y.Doc,
// stored with its audit record, and only then relayed. So whatever another
// client has received is on disk, and a replica that answers a sync step 1
// is never ahead of the store. Writes that arrive together are stored in one
// batch, which is what keeps 200 co-editors cheap.
//
// A write is read in full and checked before the document applies it
// (incoming-update.ts, client-owners.ts, the chart's revision check), so a
// refused write changes nothing. What is stored for a write is what its
// sender added, audited under the sender: structs held back for a missing
// dependency are the sender's, even when another user's later write is what
// lets them in. A failure on one connection's behalf closes that connection;
// one that leaves the document in doubt drops the room, which reloads from
// the store.

/** A connection, as a room sees it. */
export interface Peer {
  readonly principal: Principal;
  send(message: Uint8Array): void;
  close(code: CloseCode, reason: string): void;
}

/** Why a write is refused, or nothing when it may go in. */
export type WriteCheck = (write: { doc: Y.Doc; document: ParsedDocumentName; principal: Principal; update: Uint8Array }) =>
  { code: CloseCode; reason: string } | undefined;

export interface RoomOptions {
  store: SyncStore;
  log: (entry: LogEntry) => void;
  /** Compact the stored updates into one once there are more than this many. */
  compactAfter: number;
  /** Bytes of writes one connection may have queued, not yet stored; beyond, it is closed (1013). */
  maxQueuedBytes: number;
  checkWrite?: WriteCheck;
  /** Tells the chart's core connections that asked when this document's writes are stored. */
  notices?: ChangeNotices;
  /** The store failed: the room is unusable and must be dropped (it reloads from the store). */
  onFailure(room: Room): void;
}

type Job =
  | { kind: 'greet'; peer: Peer }
  | { kind: 'answer'; peer: Peer; stateVector: Uint8Array }
  | { kind: 'write'; peer: Peer; update: Uint8Array };

const LOADED = Symbol('loaded from the store');

export class Room {
  readonly name: string;
  readonly parsed: ParsedDocumentName;
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  /** Each connection with the awareness client ids it controls. */
  readonly peers = new Map<Peer, Set<number>>();
  readonly #options: RoomOptions;
  readonly #loaded: Promise<void>;
  #jobs: Job[] = [];
  #draining: Promise<void> | undefined;
  #storedCount = 0;
  #failed = false;
  #owners = new ClientOwners();
  /** Bytes of each connection's writes waiting in the queue. */
  readonly #queuedBytes = new Map<Peer, number>();
  /** Updates the doc emitted while a job was applied. */
  #captured: Uint8Array[] = [];
  /** Read-only connections already logged for a dropped write (once each). */
  readonly #droppedLogged = new WeakSet<Peer>();
  /** Connections closed for a refused write: their later writes may build on it, so they go too. */
  readonly #refused = new WeakSet<Peer>();

  constructor(name: string, parsed: ParsedDocumentName, options: RoomOptions) {
    this.name = name;
    this.parsed = parsed;
    this.#options = options;
    // Presence is the server's only state of its own: without this it would publish a local state.
    this.awareness.setLocalState(null);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== LOADED) this.#captured.push(update);
    });
    this.awareness.on('update', ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
      const changed = [...added, ...updated, ...removed];
      const controlled = this.peers.get(origin as Peer);
      if (controlled) {
        for (const id of added) controlled.add(id);
        for (const id of removed) controlled.delete(id);
      }
      const message = awarenessMessage(this.awareness, changed);
      for (const peer of this.peers.keys()) peer.send(message);
    });
    this.#loaded = this.#load();
    this.#loaded.catch((error: unknown) => this.#fail('load', error));
  }

  add(peer: Peer): void {
    this.peers.set(peer, new Set());
    this.#enqueue({ kind: 'greet', peer });
  }

  /** Removes a connection and the presence it published. */
  remove(peer: Peer): void {
    const controlled = this.peers.get(peer);
    if (!controlled) return;
    this.peers.delete(peer);
    this.#queuedBytes.delete(peer);
    this.#options.notices?.forget(this.parsed.patientId, peer);
    if (controlled.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...controlled], null);
  }

  /** One decoded message from a connection of this room. Throws ProtocolError for a message it cannot take. */
  receive(peer: Peer, message: Inbound): void {
    switch (message.type) {
      case 'sync-step1':
        this.#enqueue({ kind: 'answer', peer, stateVector: message.stateVector });
        return;
      case 'write':
        if (canWrite(peer.principal)) this.#enqueueWrite(peer, message.update);
        else this.#dropReadOnly(peer);
        return;
      case 'awareness':
        this.#applyPresence(peer, message.update);
        return;
      case 'query-awareness':
        peer.send(awarenessMessage(this.awareness, [...this.awareness.getStates().keys()]));
        return;
      case 'auth':
        // Servers send auth messages; a client's is meaningless and ignored.
        return;
      case 'watch-changes':
        // Asked on the core document, for the chart's other documents; anywhere else it means nothing.
        if (this.parsed.kind === 'core') this.#options.notices?.watch(this.parsed.patientId, peer);
        return;
    }
  }

  #applyPresence(peer: Peer, update: Uint8Array): void {
    const own = this.peers.get(peer);
    if (!own) return;
    const checked = checkPresence(update, {
      principal: peer.principal,
      own,
      ownedByOther: (clientId) => [...this.peers.values()].some((ids) => ids !== own && ids.has(clientId)),
      clockOf: (clientId) => this.awareness.meta.get(clientId)?.clock,
    });
    if (checked) awarenessProtocol.applyAwarenessUpdate(this.awareness, checked, peer);
  }

  /** Waits until every queued write is stored, compacts, and frees the document. */
  async unload(): Promise<void> {
    await this.#settled();
    if (!this.#failed && this.#storedCount > 1) {
      await this.#compact().catch((error: unknown) => this.#options.log({ event: 'compaction-failed', document: this.name, error: String(error) }));
    }
    this.awareness.destroy();
    this.doc.destroy();
  }

  async #load(): Promise<void> {
    const [updates, owners] = await Promise.all([this.#options.store.loadUpdates(this.name), this.#options.store.loadClientOwners(this.name)]);
    this.#owners = new ClientOwners(owners);
    if (updates.length > 0) Y.applyUpdate(this.doc, Y.mergeUpdates(updates), LOADED);
    this.#storedCount = updates.length;
    if (this.#storedCount > this.#options.compactAfter) await this.#compact();
  }

  #enqueueWrite(peer: Peer, update: Uint8Array): void {
    const queued = (this.#queuedBytes.get(peer) ?? 0) + update.byteLength;
    if (queued > this.#options.maxQueuedBytes) {
      this.#options.log({ event: 'connection-closed', reason: 'too many writes waiting to be stored', user: peer.principal.userId, document: this.name });
      peer.close(CLOSE.tryAgainLater, 'too many writes waiting to be stored');
      return;
    }
    this.#queuedBytes.set(peer, queued);
    this.#enqueue({ kind: 'write', peer, update });
  }

  #enqueue(job: Job): void {
    if (this.#failed) return;
    this.#jobs.push(job);
    this.#draining ??= this.#drain()
      .catch((error: unknown) => this.#fail('drain', error))
      .finally(() => {
        this.#draining = undefined;
      });
  }

  async #settled(): Promise<void> {
    await this.#loaded.catch(() => undefined);
    while (this.#draining) await this.#draining;
  }

  async #drain(): Promise<void> {
    await this.#loaded;
    while (this.#jobs.length > 0 && !this.#failed) {
      const batch = this.#jobs;
      this.#jobs = [];
      const stored: StoredUpdate[] = [];
      // Sends wait until the batch is stored, in the order their jobs came.
      const outbox: Array<() => void> = [];
      for (const job of batch) {
        if (job.kind === 'write') this.#unqueue(job.peer, job.update.byteLength);
        try {
          if (job.kind === 'write') this.#apply(job.peer, job.update, stored, outbox);
          else if (this.peers.has(job.peer)) this.#answer(job, outbox);
        } catch (error) {
          // The server's own fault, on this connection's behalf; the document was not touched (#apply guards its one change).
          this.#options.log({ event: 'connection-failed', stage: job.kind, error: String(error).slice(0, 500), user: job.peer.principal.userId, document: this.name });
          job.peer.close(CLOSE.internalError, 'server error');
        }
        if (this.#failed) return;
      }
      if (stored.length > 0) {
        try {
          await this.#options.store.appendUpdates(this.name, stored);
        } catch (error) {
          this.#fail('append', error);
          return;
        }
        this.#storedCount += stored.length;
      }
      for (const send of outbox) send();
      if (stored.length > 0) this.#options.notices?.changed(this.name, this.parsed);
      if (this.#storedCount > this.#options.compactAfter) {
        try {
          await this.#compact();
        } catch (error) {
          this.#options.log({ event: 'compaction-failed', document: this.name, error: String(error) });
        }
      }
    }
  }

  #apply(peer: Peer, update: Uint8Array, stored: StoredUpdate[], outbox: Array<() => void>): void {
    const { principal } = peer;
    if (this.#refused.has(peer)) return;
    const incoming = readIncoming(this.doc, update);
    if (!incoming.ok) return this.#refuse(peer, CLOSE.badMessage, incoming.reason);
    const { fresh, novel, deletes } = incoming.update;
    // Nothing new (a reconnecting client resending what the server has): nothing to store or relay.
    if (novel.length === 0 && !deletes) return;
    const ownership = this.#owners.check(novel, principal.userId);
    if (ownership.taken) return this.#refuse(peer, CLOSE.forbidden, `client id ${ownership.taken.clientId} belongs to another user`);
    const refusal = this.#options.checkWrite?.({ doc: this.doc, document: this.parsed, principal, update });
    if (refusal) return this.#refuse(peer, refusal.code, refusal.reason);

    const { pendingStructs, pendingDs } = this.doc.store;
    this.#captured = [];
    try {
      Y.applyUpdate(this.doc, update, peer);
    } catch (error) {
      // It decoded, yet failed part-way: the document may hold half of it. Drop the room; it reloads what was stored.
      this.#refuse(peer, CLOSE.badMessage, 'update does not apply');
      this.#fail('apply', error);
      return;
    }
    const effective = this.#captured;
    this.#captured = [];
    const heldBack = this.doc.store.pendingStructs !== pendingStructs || this.doc.store.pendingDs !== pendingDs;
    if (effective.length === 0 && !heldBack) return;
    this.#owners.claim(ownership.claims, principal.userId);
    stored.push({ update: fresh, audit: auditRecord(this.name, this.parsed.patientId, principal, fresh), claims: ownership.claims });
    for (const change of effective) {
      const message = updateMessage(change);
      outbox.push(() => {
        for (const other of this.peers.keys()) if (other !== peer) other.send(message);
      });
    }
  }

  #refuse(peer: Peer, code: CloseCode, reason: string): void {
    this.#options.log({ event: 'write-refused', reason, user: peer.principal.userId, document: this.name });
    this.#refused.add(peer);
    peer.close(code, reason);
  }

  #unqueue(peer: Peer, bytes: number): void {
    const queued = this.#queuedBytes.get(peer);
    if (queued !== undefined) this.#queuedBytes.set(peer, queued - bytes);
  }

  #answer(job: Extract<Job, { kind: 'greet' | 'answer' }>, outbox: Array<() => void>): void {
    const { peer } = job;
    if (job.kind === 'answer') {
      let reply: Uint8Array;
      try {
        reply = syncStep2(this.doc, job.stateVector);
      } catch {
        peer.close(CLOSE.badMessage, 'bad state vector');
        return;
      }
      outbox.push(() => peer.send(reply));
      return;
    }
    // A read-only client's step 2 would be dropped anyway: it is not asked for one.
    const step1 = canWrite(peer.principal) ? syncStep1(this.doc) : undefined;
    const present = [...this.awareness.getStates().keys()];
    const awareness = present.length > 0 ? awarenessMessage(this.awareness, present) : undefined;
    outbox.push(() => {
      if (step1) peer.send(step1);
      if (awareness) peer.send(awareness);
    });
  }

  #dropReadOnly(peer: Peer): void {
    if (this.#droppedLogged.has(peer)) return;
    this.#droppedLogged.add(peer);
    this.#options.log({ event: 'write-dropped', reason: `role ${peer.principal.role} is read-only`, user: peer.principal.userId, document: this.name });
  }

  async #compact(): Promise<void> {
    await this.#options.store.replaceUpdates(this.name, Y.encodeStateAsUpdate(this.doc));
    this.#storedCount = 1;
  }

  #fail(stage: string, error: unknown): void {
    if (this.#failed) return;
    this.#failed = true;
    this.#jobs = [];
    this.#options.log({ event: 'store-failed', stage, document: this.name, error: String(error) });
    // What the clients hold that the store lacks comes back when they reconnect and resync.
    for (const peer of [...this.peers.keys()]) peer.close(CLOSE.internalError, 'document could not be saved');
    this.#options.onFailure(this);
  }
}

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}
