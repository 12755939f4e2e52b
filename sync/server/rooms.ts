import type { ParsedDocumentName } from '../../model/index.js';
import type { ClientConnection } from './client-connection.js';
import { Room, type RoomOptions } from './room.js';

// The documents in memory. A document is loaded when its first connection
// arrives and, once its last one leaves, stored, compacted and dropped, so
// memory follows the open documents, not every document ever opened.

export class Rooms {
  readonly #rooms = new Map<string, Room>();
  readonly #unloading = new Map<string, Promise<void>>();
  readonly #options: Omit<RoomOptions, 'onFailure'>;

  constructor(options: Omit<RoomOptions, 'onFailure'>) {
    this.#options = options;
  }

  get size(): number {
    return this.#rooms.size;
  }

  /** The room of a document, loading it (after any unload of it still under way). */
  async join(
    name: string,
    parsed: ParsedDocumentName,
    connection: ClientConnection,
  ): Promise<Room> {
    while (this.#unloading.has(name)) await this.#unloading.get(name);
    let room = this.#rooms.get(name);
    if (!room) {
      room = new Room(name, parsed, {
        ...this.#options,
        onFailure: (failed) => this.#drop(failed),
      });
      this.#rooms.set(name, room);
      this.#options.log({ event: 'document-loaded', document: name });
    }
    room.add(connection);
    return room;
  }

  leave(room: Room, connection: ClientConnection): void {
    room.remove(connection);
    if (room.connections.size === 0) this.#drop(room);
  }

  /**
   * Has every open document that the store holds more of read it: a process
   * that stored an update and died before telling the others, or a message
   * the broker lost, leaves no one behind for longer than the interval.
   */
  async catchUp(): Promise<void> {
    const open = [...this.#rooms.values()];
    if (open.length === 0) return;
    const stored = await this.#options.store.lastSeqs(open.map((room) => room.name));
    for (const room of open) if ((stored.get(room.name) ?? 0) > room.seq) room.catchUp();
  }

  /** Resolves once every document being unloaded is stored and freed. */
  async settled(): Promise<void> {
    while (this.#unloading.size > 0) await Promise.all(this.#unloading.values());
  }

  #drop(room: Room): void {
    if (this.#rooms.get(room.name) !== room) return;
    this.#rooms.delete(room.name);
    const unloading = room
      .unload()
      .then(() => this.#options.log({ event: 'document-unloaded', document: room.name }))
      .catch((error: unknown) =>
        this.#options.log({ event: 'unload-failed', document: room.name, error: String(error) }),
      )
      .finally(() => this.#unloading.delete(room.name));
    this.#unloading.set(room.name, unloading);
  }
}
