import * as Y from 'yjs';
import type { ParsedDocumentName } from '../../model/index.js';
import { canWrite } from './access-tokens.js';
import type { WriteCheck } from './apply-write.js';
import type { ChangeNotices } from './change-notices.js';
import type { ClientConnection } from './client-connection.js';
import { CLOSE, type CloseCode } from './close-codes.js';
import type { FanOut } from './fan-out.js';
import type { LogEntry } from './log.js';
import { syncStep1, syncStep2, updateMessage } from './protocol.js';
import type { Replica } from './replica.js';
import type { RoomPresence } from './room-presence.js';
import { bringsNothing, isEmptyUpdate, type Job } from './room-jobs.js';
import {
  StoreUnavailableError,
  type DocumentChanges,
  type StoredUpdate,
  type SyncStore,
} from './sync-store.js';

// What a room does with one batch of its queue. A batch with writes is
// judged and stored while the store holds the document for this room, after
// the room has applied what other processes stored before it; sends wait
// until the batch is stored. A batch without writes answers, and applies
// what other processes stored, reading the store for what was missed.

export interface BatchOptions {
  store: SyncStore;
  log: (entry: LogEntry) => void;
  checkWrite?: WriteCheck;
  /** Tells the chart's core connections that asked when this document's writes are stored. */
  notices?: ChangeNotices;
  /** The other processes sharing the store, when there are any. */
  fanOut?: FanOut;
}

/** The room a batch runs in, as the batch sees it. */
export interface BatchRoom {
  readonly name: string;
  readonly parsed: ParsedDocumentName;
  readonly connections: ReadonlySet<ClientConnection>;
  readonly replica: Replica;
  readonly presence: RoomPresence;
  /** Whether the room has failed: nothing more is done in it. */
  failed(): boolean;
  fail(stage: string, error: unknown): void;
  broadcast(message: Uint8Array): void;
  catchUp(): void;
}

/** Sends held back until a batch is stored, in the order their jobs came. */
type Outbox = Array<() => void>;

export class BatchRunner {
  readonly #room: BatchRoom;
  readonly #replica: Replica;
  readonly #options: BatchOptions;
  /** Connections closed for a refused write: their later writes may build on it, so they go too. */
  readonly #refused = new WeakSet<ClientConnection>();

  constructor(room: BatchRoom, options: BatchOptions) {
    this.#room = room;
    this.#replica = room.replica;
    this.#options = options;
  }

  async run(batch: Job[]): Promise<void> {
    // A client's sync step 2 with nothing in it (a reader's, or a device that holds nothing new) needs no store.
    if (batch.some((job) => job.kind === 'write' && !isEmptyUpdate(job.update)))
      await this.#write(batch);
    else await this.#read(batch);
  }

  /** A batch with writes: judged and stored while the store holds the document for this room, after what others stored. */
  async #write(batch: Job[]): Promise<void> {
    const stored: StoredUpdate[] = [];
    const outbox: Outbox = [];
    let before = this.#replica.seq;
    let seq: number;
    try {
      seq = await this.#options.store.write(this.#room.name, before, (missed) => {
        this.#applyStored(missed);
        before = this.#replica.seq;
        for (const job of batch) {
          this.#run(job, stored, outbox);
          if (this.#room.failed()) break;
        }
        return this.#room.failed() ? [] : stored;
      });
    } catch (error) {
      if (error instanceof StoreUnavailableError) return this.#refuseWrites(batch, error);
      this.#room.fail('append', error);
      return;
    }
    if (this.#room.failed()) return;
    this.#replica.wrote(seq, stored.length);
    for (const send of outbox) send();
    if (stored.length === 0) return;
    this.#options.fanOut?.stored(this.#room.name, {
      first: before + 1,
      last: seq,
      updates: stored.map(({ update }) => update),
      owners: stored.flatMap(({ audit, claims = [] }) =>
        claims.map((id): [number, string] => [id, audit.userId]),
      ),
    });
    this.#options.notices?.changed(this.#room.name, this.#room.parsed);
  }

  /** A batch without writes: answers, and what other processes stored. */
  async #read(batch: Job[]): Promise<void> {
    const outbox: Outbox = [];
    for (const job of batch) {
      if (
        job.kind === 'catch-up' ||
        (job.kind === 'stored-elsewhere' && this.#replica.missesSome(job.batch))
      ) {
        // Something was missed: the store has it.
        let missed: DocumentChanges;
        try {
          missed = await this.#options.store.readSince(this.#room.name, this.#replica.seq);
        } catch (error) {
          this.#options.log({
            event: 'catch-up-failed',
            document: this.#room.name,
            error: String(error).slice(0, 500),
          });
          continue;
        }
        if (this.#room.failed()) return;
        this.#applyStored(missed);
      } else this.#run(job, [], outbox);
      if (this.#room.failed()) return;
    }
    for (const send of outbox) send();
  }

  #run(job: Job, stored: StoredUpdate[], outbox: Outbox): void {
    if (job.kind === 'catch-up') return;
    if (job.kind === 'stored-elsewhere') {
      // Held already (told twice, or read from the store meanwhile); one with a gap waits for a read of the store.
      if (job.batch.last <= this.#replica.seq) return;
      if (this.#replica.missesSome(job.batch)) return void this.#room.catchUp();
      return this.#relayStored(() => this.#replica.applyBatch(job.batch));
    }
    try {
      if (job.kind === 'write') this.#apply(job.connection, job.update, stored, outbox);
      else if (this.#room.connections.has(job.connection)) this.#answer(job, outbox);
    } catch (error) {
      // The server's own fault, on this connection's behalf; the document was not touched (apply-write.ts guards its one change).
      this.#options.log({
        event: 'connection-failed',
        stage: job.kind,
        error: String(error).slice(0, 500),
        user: job.connection.principal.userId,
        document: this.#room.name,
      });
      job.connection.close(CLOSE.internalError, 'server error');
    }
  }

  /** What other processes stored: applied, and relayed to this room's connections. */
  #applyStored(changes: DocumentChanges): void {
    this.#relayStored(() => this.#replica.applyStored(changes));
  }

  #relayStored(apply: () => Uint8Array[]): void {
    let changes: Uint8Array[];
    try {
      changes = apply();
    } catch (error) {
      this.#room.fail('apply-stored', error);
      return;
    }
    for (const change of changes) this.#room.broadcast(updateMessage(change));
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
      document: this.#room.name,
      error: error.message.slice(0, 500),
    });
    const outbox: Outbox = [];
    // Read only now: it walks the whole document.
    const held = Y.snapshot(this.#replica.doc);
    for (const job of batch) {
      if (job.kind !== 'write' || bringsNothing(held, job.update)) this.#run(job, [], outbox);
      else if (!this.#refused.has(job.connection)) {
        this.#refused.add(job.connection);
        this.#options.log({
          event: 'write-refused',
          reason: 'store unavailable',
          user: job.connection.principal.userId,
          document: this.#room.name,
        });
        job.connection.close(CLOSE.tryAgainLater, 'the store is unavailable; try again later');
      }
    }
    for (const send of outbox) send();
  }

  #apply(
    connection: ClientConnection,
    update: Uint8Array,
    stored: StoredUpdate[],
    outbox: Outbox,
  ): void {
    if (this.#refused.has(connection)) return;
    const outcome = this.#replica.write(connection.principal, update, this.#options.checkWrite);
    switch (outcome.kind) {
      case 'refused':
        return this.#refuse(connection, outcome.code, outcome.reason);
      case 'broken':
        // The document may hold half of it. Drop the room; it reloads what was stored.
        this.#refuse(connection, CLOSE.badMessage, 'update does not apply');
        return this.#room.fail('apply', outcome.error);
      case 'applied': {
        stored.push(outcome.stored);
        for (const change of outcome.relay) {
          const message = updateMessage(change);
          outbox.push(() => {
            for (const other of this.#room.connections)
              if (other !== connection) other.send(message);
          });
        }
      }
    }
  }

  #refuse(connection: ClientConnection, code: CloseCode, reason: string): void {
    this.#options.log({
      event: 'write-refused',
      reason,
      user: connection.principal.userId,
      document: this.#room.name,
    });
    this.#refused.add(connection);
    connection.close(code, reason);
  }

  #answer(job: Extract<Job, { kind: 'greet' | 'answer' }>, outbox: Outbox): void {
    const { connection } = job;
    const { doc } = this.#replica;
    if (job.kind === 'answer') {
      let reply: Uint8Array;
      try {
        reply = syncStep2(doc, job.stateVector);
      } catch {
        connection.close(CLOSE.badMessage, 'bad state vector');
        return;
      }
      outbox.push(() => connection.send(reply));
      return;
    }
    // A read-only client's step 2 would be dropped anyway: it is not asked for one.
    const step1 = canWrite(connection.principal) ? syncStep1(doc) : undefined;
    const present = this.#room.presence.anyone ? this.#room.presence.everyone() : undefined;
    outbox.push(() => {
      if (step1) connection.send(step1);
      if (present) connection.send(present);
    });
  }
}
