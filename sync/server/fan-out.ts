// How one sync process tells the others sharing its store what its rooms
// did, and hears what theirs did (broker.ts does it through Redis). A
// process alone on its store has none.

/** Updates a process stored in one document, numbered first..last in the store. */
export interface StoredBatch {
  first: number;
  last: number;
  /** The stored updates, in order (last - first + 1 of them), or none when the batch is told by its numbers alone. */
  updates: Uint8Array[];
  /** Client ids the batch claimed, with their owners. */
  owners: Array<[number, string]>;
}

/** What a room hears from the other processes. */
export interface RoomListener {
  readonly name: string;
  /** Another process stored these updates. */
  stored(batch: StoredBatch): void;
  /** Presence of another process's connections (an awareness update, already vouched for by that process). */
  presence(update: Uint8Array): void;
  /** The presence this process's connections publish now, for a process that just opened the document. */
  localPresence(): Uint8Array | undefined;
  /** Messages may have been missed (the broker reconnected, or a check found the room behind): read the store. */
  catchUp(): void;
}

export interface FanOut {
  /** Starts hearing about a document; resolves once subscribed (at once when the broker is down: its return brings a catch-up). */
  open(room: RoomListener): Promise<void>;
  close(room: RoomListener): void;
  /** Tells the others of a stored batch. Never throws: a lost message is caught up from the store. */
  stored(document: string, batch: StoredBatch): void;
  /** Tells the others of presence changed by this process's connections. */
  presence(document: string, update: Uint8Array): void;
}
