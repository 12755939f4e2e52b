import * as Y from 'yjs';
import type { ClientConnection } from './client-connection.js';
import type { StoredBatch } from './fan-out.js';

// What a room's queue holds, and the small facts its drain needs about them.

export type Job =
  /** A connection joined: send it sync step 1 and who is present. */
  | { kind: 'greet'; connection: ClientConnection }
  /** A connection's sync step 1: answer with what it lacks. */
  | { kind: 'answer'; connection: ClientConnection; stateVector: Uint8Array }
  | { kind: 'write'; connection: ClientConnection; update: Uint8Array }
  /** Updates another process stored (fan-out.ts). */
  | { kind: 'stored-elsewhere'; batch: StoredBatch }
  /** Something may have been missed: read the store. */
  | { kind: 'catch-up' };

/** Bytes of each connection's writes waiting in the queue, against a bound. */
export class QueuedBytes {
  readonly #max: number;
  readonly #bytes = new Map<ClientConnection, number>();

  constructor(max: number) {
    this.#max = max;
  }

  /** Counts a write in; false, and nothing counted, when it would pass the bound. */
  add(connection: ClientConnection, bytes: number): boolean {
    const queued = (this.#bytes.get(connection) ?? 0) + bytes;
    if (queued > this.#max) return false;
    this.#bytes.set(connection, queued);
    return true;
  }

  /** A write left the queue. */
  release(connection: ClientConnection, bytes: number): void {
    const queued = this.#bytes.get(connection);
    if (queued !== undefined) this.#bytes.set(connection, queued - bytes);
  }

  forget(connection: ClientConnection): void {
    this.#bytes.delete(connection);
  }
}

/** An update with no structs and no deletions: what y-protocols writes for "nothing new". */
export function isEmptyUpdate(update: Uint8Array): boolean {
  return update.byteLength === 2 && update[0] === 0 && update[1] === 0;
}

/** Whether the document (as of `held`) has all an update brings; false for one that does not decode. */
export function bringsNothing(held: Y.Snapshot, update: Uint8Array): boolean {
  try {
    return Y.snapshotContainsUpdate(held, update);
  } catch {
    return false;
  }
}
