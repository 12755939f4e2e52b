import type { ParsedDocumentName } from '../../model/index.js';
import { canWrite } from './access-tokens.js';
import type { ClientConnection } from './client-connection.js';
import { CLOSE } from './close-codes.js';
import type { RoomListener, StoredBatch } from './fan-out.js';
import type { Inbound } from './protocol.js';
import { Replica } from './replica.js';
import { BatchRunner, type BatchOptions } from './room-batches.js';
import { RoomPresence } from './room-presence.js';
import { QueuedBytes, type Job } from './room-jobs.js';

// One document being shared: this process's copy of it (replica.ts), who is
// present (room-presence.ts), and the connections on it.
//
// Every write goes through one queue per document: judged and applied to
// the copy (apply-write.ts), stored with its audit record, and only then
// relayed. So whatever another client has received is on disk, and a copy
// that answers a sync step 1 is never ahead of the store. Writes that arrive
// together are stored in one batch, which is what keeps 200 co-editors
// cheap. A failure on one connection's behalf closes that connection; one
// that leaves the document in doubt drops the room, which reloads from the
// store.
//
// Several processes may share the store (fan-out.ts). The room then applies
// what the others stored in the store's order, and reads the store for
// whatever it missed. A write is judged and stored while the store holds the
// document's writes for this room, after the room has applied everything
// stored before it: a room that was behind judges against the shared state,
// never its own stale copy, and stores nothing twice. A store that cannot be
// reached refuses writes before any is applied: their senders are closed
// (1013) and resend when they come back, while reads of the document go on.

export interface RoomOptions extends BatchOptions {
  /** Compact the stored updates into one once there are more than this many. */
  compactAfter: number;
  /** Bytes of writes one connection may have queued, not yet stored; beyond, it is closed (1013). */
  maxQueuedBytes: number;
  /** The store failed: the room is unusable and must be dropped (it reloads from the store). */
  onFailure(room: Room): void;
}

export class Room implements RoomListener {
  readonly name: string;
  readonly parsed: ParsedDocumentName;
  readonly connections = new Set<ClientConnection>();
  readonly #replica: Replica;
  readonly #presence: RoomPresence;
  readonly #batches: BatchRunner;
  readonly #options: RoomOptions;
  readonly #loaded: Promise<void>;
  #jobs: Job[] = [];
  #draining: Promise<void> | undefined;
  #failed = false;
  readonly #queued: QueuedBytes;
  /** Read-only connections already logged for a dropped write (once each). */
  readonly #droppedLogged = new WeakSet<ClientConnection>();

  constructor(name: string, parsed: ParsedDocumentName, options: RoomOptions) {
    this.name = name;
    this.parsed = parsed;
    this.#options = options;
    this.#queued = new QueuedBytes(options.maxQueuedBytes);
    this.#replica = new Replica(name, parsed, options.store);
    this.#presence = new RoomPresence(this.#replica.doc, {
      document: name,
      broadcast: (message) => this.#broadcast(message),
      publish: options.fanOut && ((update) => options.fanOut?.presence(name, update)),
      log: options.log,
    });
    this.#batches = new BatchRunner(
      {
        name,
        parsed,
        connections: this.connections,
        replica: this.#replica,
        presence: this.#presence,
        failed: () => this.#failed,
        fail: (stage, error) => this.#fail(stage, error),
        broadcast: (message) => this.#broadcast(message),
        catchUp: () => this.catchUp(),
      },
      options,
    );
    this.#loaded = this.#load();
    this.#loaded.catch((error: unknown) => this.#fail('load', error));
  }

  add(connection: ClientConnection): void {
    this.connections.add(connection);
    this.#presence.join(connection);
    this.#enqueue({ kind: 'greet', connection });
  }

  /** Removes a connection and the presence it published. */
  remove(connection: ClientConnection): void {
    if (!this.connections.delete(connection)) return;
    this.#queued.forget(connection);
    this.#options.notices?.forget(this.parsed.patientId, connection);
    this.#presence.leave(connection);
  }

  /** One decoded message from a connection of this room. Throws ProtocolError for a message it cannot take. */
  receive(connection: ClientConnection, message: Inbound): void {
    switch (message.type) {
      case 'sync-step1':
        this.#enqueue({ kind: 'answer', connection, stateVector: message.stateVector });
        return;
      case 'write':
        if (canWrite(connection.principal)) this.#enqueueWrite(connection, message.update);
        else this.#dropReadOnly(connection);
        return;
      case 'awareness':
        this.#presence.apply(connection, message.update);
        return;
      case 'query-awareness':
        connection.send(this.#presence.everyone());
        return;
      case 'auth':
        // Servers send auth messages; a client's is meaningless and ignored.
        return;
      case 'watch-changes':
        // Asked on the core document, for the chart's other documents; anywhere else it means nothing.
        if (this.parsed.kind === 'core')
          this.#options.notices?.watch(this.parsed.patientId, connection);
        return;
    }
  }

  /** The last sequence number of the store's updates this room holds. */
  get seq(): number {
    return this.#replica.seq;
  }

  /** Updates another process stored (fan-out.ts), applied in their order. */
  stored(batch: StoredBatch): void {
    this.#enqueue({ kind: 'stored-elsewhere', batch });
  }

  catchUp(): void {
    this.#enqueue({ kind: 'catch-up' });
  }

  presence(update: Uint8Array): void {
    this.#presence.fromElsewhere(update);
  }

  localPresence(): Uint8Array | undefined {
    return this.#presence.local();
  }

  /** Waits until every queued write is stored, compacts, and frees the document. */
  async unload(): Promise<void> {
    await this.#loaded.catch(() => undefined);
    while (this.#draining) await this.#draining;
    if (!this.#failed && this.#replica.storedCount > 1) await this.#compact();
    this.#options.fanOut?.close(this);
    this.#presence.destroy();
    this.#replica.destroy();
  }

  async #load(): Promise<void> {
    // Heard before read: whatever is stored after the read is told after it.
    await this.#options.fanOut?.open(this);
    await this.#replica.load();
    if (this.#replica.storedCount > this.#options.compactAfter) await this.#replica.compact();
  }

  #enqueueWrite(connection: ClientConnection, update: Uint8Array): void {
    if (!this.#queued.add(connection, update.byteLength)) {
      this.#options.log({
        event: 'connection-closed',
        reason: 'too many writes waiting to be stored',
        user: connection.principal.userId,
        document: this.name,
      });
      connection.close(CLOSE.tryAgainLater, 'too many writes waiting to be stored');
      return;
    }
    this.#enqueue({ kind: 'write', connection, update });
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

  async #drain(): Promise<void> {
    await this.#loaded;
    while (this.#jobs.length > 0 && !this.#failed) {
      const batch = this.#jobs;
      this.#jobs = [];
      for (const job of batch)
        if (job.kind === 'write') this.#queued.release(job.connection, job.update.byteLength);
      await this.#batches.run(batch);
      if (this.#failed) return;
      if (this.#replica.storedCount > this.#options.compactAfter) await this.#compact();
    }
  }

  #dropReadOnly(connection: ClientConnection): void {
    if (this.#droppedLogged.has(connection)) return;
    this.#droppedLogged.add(connection);
    this.#options.log({
      event: 'write-dropped',
      reason: `role ${connection.principal.role} is read-only`,
      user: connection.principal.userId,
      document: this.name,
    });
  }

  /** Compacts; a failure is logged, and the updates stay as they were. */
  async #compact(): Promise<void> {
    try {
      await this.#replica.compact();
    } catch (error) {
      this.#options.log({ event: 'compaction-failed', document: this.name, error: String(error) });
    }
  }

  #broadcast(message: Uint8Array): void {
    for (const connection of this.connections) connection.send(message);
  }

  #fail(stage: string, error: unknown): void {
    if (this.#failed) return;
    this.#failed = true;
    this.#jobs = [];
    this.#options.log({ event: 'store-failed', stage, document: this.name, error: String(error) });
    // What the clients hold that the store lacks comes back when they reconnect and resync.
    for (const connection of [...this.connections])
      connection.close(CLOSE.internalError, 'document could not be saved');
    this.#options.onFailure(this);
  }
}
