import * as awarenessProtocol from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { ClientConnection } from './client-connection.js';
import type { LogEntry } from './log.js';
import { checkPresence } from './presence-check.js';
import { awarenessMessage } from './protocol.js';

// Who is on one document (y-protocols awareness): each connection's presence,
// checked against its token (presence-check.ts) and relayed to the room's
// connections, and the presence other processes sharing the store publish.
// A connection changes only the awareness client ids it controls; when it
// leaves, they go with it.

/** The origin of presence another process published. */
const ELSEWHERE = Symbol('another process');

export interface RoomPresenceOptions {
  document: string;
  /** Sends a message to every connection of the room. */
  broadcast(message: Uint8Array): void;
  /** Tells the other processes of presence this process's connections changed. */
  publish?(update: Uint8Array): void;
  log(entry: LogEntry): void;
}

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

export class RoomPresence {
  readonly awareness: awarenessProtocol.Awareness;
  /** Each connection with the awareness client ids it controls. */
  readonly #controlled = new Map<ClientConnection, Set<number>>();
  /** Client ids published by other processes' connections. */
  readonly #elsewhere = new Set<number>();
  readonly #options: RoomPresenceOptions;

  constructor(doc: Y.Doc, options: RoomPresenceOptions) {
    this.#options = options;
    this.awareness = new awarenessProtocol.Awareness(doc);
    // Presence is the server's only state of its own: without this it would publish a local state.
    this.awareness.setLocalState(null);
    this.awareness.on('update', ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
      const changed = [...added, ...updated, ...removed];
      const controlled = this.#controlled.get(origin as ClientConnection);
      if (controlled) {
        for (const id of added) controlled.add(id);
        for (const id of removed) controlled.delete(id);
      }
      if (origin === ELSEWHERE) {
        for (const id of [...added, ...updated]) this.#elsewhere.add(id);
      }
      for (const id of removed) this.#elsewhere.delete(id);
      options.broadcast(awarenessMessage(this.awareness, changed));
      // This process's connections' own presence (set, or removed as they leave) goes to the others; theirs and timeouts do not.
      if (controlled || origin === null)
        options.publish?.(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
    });
  }

  join(connection: ClientConnection): void {
    this.#controlled.set(connection, new Set());
  }

  /** Removes the presence a connection published. */
  leave(connection: ClientConnection): void {
    const controlled = this.#controlled.get(connection);
    this.#controlled.delete(connection);
    if (controlled && controlled.size > 0)
      awarenessProtocol.removeAwarenessStates(this.awareness, [...controlled], null);
  }

  /** A connection's own presence, as far as its token vouches for it. Throws ProtocolError for one it cannot take. */
  apply(connection: ClientConnection, update: Uint8Array): void {
    const own = this.#controlled.get(connection);
    if (!own) return;
    const checked = checkPresence(update, {
      principal: connection.principal,
      own,
      ownedByOther: (clientId) =>
        this.#elsewhere.has(clientId) ||
        [...this.#controlled.values()].some((ids) => ids !== own && ids.has(clientId)),
      clockOf: (clientId) => this.awareness.meta.get(clientId)?.clock,
    });
    if (checked) awarenessProtocol.applyAwarenessUpdate(this.awareness, checked, connection);
  }

  /** Presence of another process's connections, already vouched for by that process. */
  fromElsewhere(update: Uint8Array): void {
    try {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, update, ELSEWHERE);
    } catch (error) {
      this.#options.log({
        event: 'presence-failed',
        document: this.#options.document,
        error: String(error).slice(0, 500),
      });
    }
  }

  /** The presence this process's connections publish now, if any. */
  local(): Uint8Array | undefined {
    const own = [...this.#controlled.values()].flatMap((ids) => [...ids]);
    return own.length > 0
      ? awarenessProtocol.encodeAwarenessUpdate(this.awareness, own)
      : undefined;
  }

  /** Everyone present, as one message (an empty one when no one is). */
  everyone(): Uint8Array {
    return awarenessMessage(this.awareness, [...this.awareness.getStates().keys()]);
  }

  /** Whether anyone is present. */
  get anyone(): boolean {
    return this.awareness.getStates().size > 0;
  }

  destroy(): void {
    this.awareness.destroy();
  }
}
