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
import type { FanOut, RoomListener, StoredBatch } from './fan-out.js';
import {
  StoreUnavailableError,
  type DocumentChanges,
  type StoredUpdate,
  type SyncStore,
} from './store.js';
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
//
// Several processes may share the store (fan-out.ts). The room then knows
// the last sequence number it holds, applies what the others stored in that
// order, and reads the store for whatever it missed. A write is judged and
// stored while the store holds the document's writes for this room, after
// the room has applied everything stored before it: a room that was behind
// judges against the shared state, never its own stale copy, and stores
// nothing twice. A store that cannot be reached refuses writes before any
// is applied: their senders are closed (1013) and resend when they come
// back, while reads of the document go on.

/** A connection, as a room sees it. */
export interface Peer {
  readonly principal: Principal;
  send(message: Uint8Array): void;
  close(code: CloseCode, reason: string): void;
}

/** Why a write is refused, or nothing when it may go in. */
export type WriteCheck = (write: {
  doc: Y.Doc;
  document: ParsedDocumentName;
  principal: Principal;
  update: Uint8Array;
}) => { code: CloseCode; reason: string } | undefined;

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
  /** The other processes sharing the store, when there are any. */
  fanOut?: FanOut;
  /** The store failed: the room is unusable and must be dropped (it reloads from the store). */
  onFailure(room: Room): void;
}

type Job =
  | { kind: 'greet'; peer: Peer }
  | { kind: 'answer'; peer: Peer; stateVector: Uint8Array }
  | { kind: 'write'; peer: Peer; update: Uint8Array }
  | { kind: 'stored-elsewhere'; batch: StoredBatch }
  | { kind: 'catch-up' };

const LOADED = Symbol('loaded from the store');
/** The origin of changes another process stored, or its connections' presence. */
const ELSEWHERE = Symbol('another process');

export class Room implements RoomListener {
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
  /** The last sequence number of the store's updates this room holds. */
  #seq = 0;
  /** Presence client ids published by other processes' connections. */
  readonly #elsewhere = new Set<number>();
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
      if (origin === ELSEWHERE) {
        for (const id of [...added, ...updated]) this.#elsewhere.add(id);
      }
      for (const id of removed) this.#elsewhere.delete(id);
      const message = awarenessMessage(this.awareness, changed);
      for (const peer of this.peers.keys()) peer.send(message);
      // This process's connections' own presence (set, or removed as they leave) goes to the others; theirs and timeouts do not.
      if (controlled || origin === null)
        this.#options.fanOut?.presence(
          this.name,
          awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed),
        );
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
    if (controlled.size > 0)
      awarenessProtocol.removeAwarenessStates(this.awareness, [...controlled], null);
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
      ownedByOther: (clientId) =>
        this.#elsewhere.has(clientId) ||
        [...this.peers.values()].some((ids) => ids !== own && ids.has(clientId)),
      clockOf: (clientId) => this.awareness.meta.get(clientId)?.clock,
    });
    if (checked) awarenessProtocol.applyAwarenessUpdate(this.awareness, checked, peer);
  }

  /** The last sequence number of the store's updates this room holds. */
  get seq(): number {
    return this.#seq;
  }

  /** Updates another process stored (fan-out.ts), applied in their order. */
  stored(batch: StoredBatch): void {
    this.#enqueue({ kind: 'stored-elsewhere', batch });
  }

  catchUp(): void {
    this.#enqueue({ kind: 'catch-up' });
  }

  presence(update: Uint8Array): void {
    try {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, update, ELSEWHERE);
    } catch (error) {
      this.#options.log({
        event: 'presence-failed',
        document: this.name,
        error: String(error).slice(0, 500),
      });
    }
  }

  localPresence(): Uint8Array | undefined {
    const own = [...this.peers.values()].flatMap((ids) => [...ids]);
    return own.length > 0
      ? awarenessProtocol.encodeAwarenessUpdate(this.awareness, own)
      : undefined;
  }

  /** Waits until every queued write is stored, compacts, and frees the document. */
  async unload(): Promise<void> {
    await this.#settled();
    if (!this.#failed && this.#storedCount > 1) {
      await this.#compact().catch((error: unknown) =>
        this.#options.log({
          event: 'compaction-failed',
          document: this.name,
          error: String(error),
        }),
      );
    }
    this.#options.fanOut?.close(this);
    this.awareness.destroy();
    this.doc.destroy();
  }

  async #load(): Promise<void> {
    // Heard before read: whatever is stored after the read is told after it.
    await this.#options.fanOut?.open(this);
    const { updates, owners, seq } = await this.#options.store.readSince(this.name, 0);
    this.#owners = new ClientOwners(owners);
    if (updates.length > 0)
      Y.applyUpdate(this.doc, Y.mergeUpdates(updates.map(({ update }) => update)), LOADED);
    this.#seq = seq;
    this.#storedCount = updates.length;
    if (this.#storedCount > this.#options.compactAfter) await this.#compact();
  }

  #enqueueWrite(peer: Peer, update: Uint8Array): void {
    const queued = (this.#queuedBytes.get(peer) ?? 0) + update.byteLength;
    if (queued > this.#options.maxQueuedBytes) {
      this.#options.log({
        event: 'connection-closed',
        reason: 'too many writes waiting to be stored',
        user: peer.principal.userId,
        document: this.name,
      });
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
      for (const job of batch)
        if (job.kind === 'write') this.#unqueue(job.peer, job.update.byteLength);
      // A client's sync step 2 with nothing in it (a reader's, or a device that holds nothing new) needs no store.
      if (batch.some((job) => job.kind === 'write' && !isEmptyUpdate(job.update)))
        await this.#write(batch);
      else await this.#read(batch);
      if (this.#failed) return;
      if (this.#storedCount > this.#options.compactAfter) {
        try {
          await this.#compact();
        } catch (error) {
          this.#options.log({
            event: 'compaction-failed',
            document: this.name,
            error: String(error),
          });
        }
      }
    }
  }

  /** A batch with writes: judged and stored while the store holds the document for this room, after what others stored. */
  async #write(batch: Job[]): Promise<void> {
    const stored: StoredUpdate[] = [];
    // Sends wait until the batch is stored, in the order their jobs came.
    const outbox: Array<() => void> = [];
    const from = this.#seq;
    let before = from;
    let seq: number;
    try {
      seq = await this.#options.store.write(this.name, from, (missed) => {
        this.#applyElsewhere(missed);
        before = this.#seq;
        for (const job of batch) {
          this.#run(job, stored, outbox);
          if (this.#failed) break;
        }
        return this.#failed ? [] : stored;
      });
    } catch (error) {
      if (error instanceof StoreUnavailableError) return this.#refuseWrites(batch, error);
      this.#fail('append', error);
      return;
    }
    if (this.#failed) return;
    this.#seq = seq;
    this.#storedCount += stored.length;
    for (const send of outbox) send();
    if (stored.length === 0) return;
    this.#options.fanOut?.stored(this.name, {
      first: before + 1,
      last: seq,
      updates: stored.map(({ update }) => update),
      owners: stored.flatMap(({ audit, claims = [] }) =>
        claims.map((id): [number, string] => [id, audit.userId]),
      ),
    });
    this.#options.notices?.changed(this.name, this.parsed);
  }

  /** A batch without writes: answers, and what other processes stored. */
  async #read(batch: Job[]): Promise<void> {
    const outbox: Array<() => void> = [];
    for (const job of batch) {
      if (
        job.kind === 'catch-up' ||
        (job.kind === 'stored-elsewhere' &&
          job.batch.last > this.#seq &&
          (job.batch.first > this.#seq + 1 ||
            job.batch.updates.length !== job.batch.last - job.batch.first + 1))
      ) {
        // Something was missed: the store has it.
        let missed: DocumentChanges;
        try {
          missed = await this.#options.store.readSince(this.name, this.#seq);
        } catch (error) {
          this.#options.log({
            event: 'catch-up-failed',
            document: this.name,
            error: String(error).slice(0, 500),
          });
          continue;
        }
        if (this.#failed) return;
        this.#applyElsewhere(missed);
        continue;
      }
      this.#run(job, [], outbox);
      if (this.#failed) return;
    }
    for (const send of outbox) send();
  }

  #run(job: Job, stored: StoredUpdate[], outbox: Array<() => void>): void {
    if (job.kind === 'catch-up') return;
    if (job.kind === 'stored-elsewhere') {
      const { batch } = job;
      // Held already (told twice, or read from the store meanwhile); one with a gap waits for a read of the store.
      if (batch.last <= this.#seq) return;
      if (batch.first > this.#seq + 1 || batch.updates.length !== batch.last - batch.first + 1)
        return void this.catchUp();
      const fresh = batch.updates.slice(this.#seq + 1 - batch.first);
      this.#applyElsewhere({
        updates: fresh.map((update, i) => ({ seq: batch.last - fresh.length + 1 + i, update })),
        owners: new Map(batch.owners),
        seq: batch.last,
      });
      return;
    }
    try {
      if (job.kind === 'write') this.#apply(job.peer, job.update, stored, outbox);
      else if (this.peers.has(job.peer)) this.#answer(job, outbox);
    } catch (error) {
      // The server's own fault, on this connection's behalf; the document was not touched (#apply guards its one change).
      this.#options.log({
        event: 'connection-failed',
        stage: job.kind,
        error: String(error).slice(0, 500),
        user: job.peer.principal.userId,
        document: this.name,
      });
      job.peer.close(CLOSE.internalError, 'server error');
    }
  }

  /** What other processes stored: applied, relayed to this room's connections, and counted as held. */
  #applyElsewhere(changes: DocumentChanges): void {
    if (changes.seq <= this.#seq) return;
    const updates = changes.updates.filter(({ seq }) => seq > this.#seq);
    this.#owners.learn(changes.owners);
    this.#captured = [];
    try {
      for (const { update } of updates) Y.applyUpdate(this.doc, update, ELSEWHERE);
    } catch (error) {
      this.#fail('apply-stored', error);
      return;
    }
    const effective = this.#captured;
    this.#captured = [];
    this.#seq = changes.seq;
    this.#storedCount += updates.length;
    for (const change of effective) {
      const message = updateMessage(change);
      for (const peer of this.peers.keys()) peer.send(message);
    }
  }

  /**
   * The store could not be reached, and nothing of the batch was applied:
   * a write that brings something goes, its sender closed to resend later;
   * one that brings nothing the document lacks (a reconnecting reader's) is
   * taken as it would be, and the rest is answered.
   */
  #refuseWrites(batch: Job[], error: Error): void {
    this.#options.log({
      event: 'store-unavailable',
      document: this.name,
      error: error.message.slice(0, 500),
    });
    const outbox: Array<() => void> = [];
    // Read only now: it walks the whole document.
    const held = Y.snapshot(this.doc);
    for (const job of batch) {
      if (job.kind !== 'write' || bringsNothing(held, job.update)) this.#run(job, [], outbox);
      else if (!this.#refused.has(job.peer)) {
        this.#refused.add(job.peer);
        this.#options.log({
          event: 'write-refused',
          reason: 'store unavailable',
          user: job.peer.principal.userId,
          document: this.name,
        });
        job.peer.close(CLOSE.tryAgainLater, 'the store is unavailable; try again later');
      }
    }
    for (const send of outbox) send();
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
    if (ownership.taken)
      return this.#refuse(
        peer,
        CLOSE.forbidden,
        `client id ${ownership.taken.clientId} belongs to another user`,
      );
    const refusal = this.#options.checkWrite?.({
      doc: this.doc,
      document: this.parsed,
      principal,
      update,
    });
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
    const heldBack =
      this.doc.store.pendingStructs !== pendingStructs || this.doc.store.pendingDs !== pendingDs;
    if (effective.length === 0 && !heldBack) return;
    this.#owners.claim(ownership.claims, principal.userId);
    stored.push({
      update: fresh,
      audit: auditRecord(this.name, this.parsed.patientId, principal, fresh),
      claims: ownership.claims,
    });
    for (const change of effective) {
      const message = updateMessage(change);
      outbox.push(() => {
        for (const other of this.peers.keys()) if (other !== peer) other.send(message);
      });
    }
  }

  #refuse(peer: Peer, code: CloseCode, reason: string): void {
    this.#options.log({
      event: 'write-refused',
      reason,
      user: peer.principal.userId,
      document: this.name,
    });
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
    this.#options.log({
      event: 'write-dropped',
      reason: `role ${peer.principal.role} is read-only`,
      user: peer.principal.userId,
      document: this.name,
    });
  }

  async #compact(): Promise<void> {
    // The document holds every update up to #seq (and perhaps more): those are replaced, later ones stay.
    await this.#options.store.replaceUpdates(this.name, Y.encodeStateAsUpdate(this.doc), this.#seq);
    this.#storedCount = 1;
  }

  #fail(stage: string, error: unknown): void {
    if (this.#failed) return;
    this.#failed = true;
    this.#jobs = [];
    this.#options.log({ event: 'store-failed', stage, document: this.name, error: String(error) });
    // What the clients hold that the store lacks comes back when they reconnect and resync.
    for (const peer of [...this.peers.keys()])
      peer.close(CLOSE.internalError, 'document could not be saved');
    this.#options.onFailure(this);
  }
}

/** An update with no structs and no deletions: what y-protocols writes for "nothing new". */
function isEmptyUpdate(update: Uint8Array): boolean {
  return update.byteLength === 2 && update[0] === 0 && update[1] === 0;
}

function bringsNothing(held: Y.Snapshot, update: Uint8Array): boolean {
  try {
    return Y.snapshotContainsUpdate(held, update);
  } catch {
    return false;
  }
}

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}
