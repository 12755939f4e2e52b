import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { jsonDeeperThan } from './json-depth.js';
import { ProtocolError } from './protocol.js';
import type { Principal } from './access-tokens.js';

// What a connection may say in a document's presence (awareness).
//
// Clients show presence as "who else has this chart open" and label note
// cursors with it, so a clinician must be able to trust the name they see.
// The client writes its own state, but the server is the one that knows who
// signed in: it sets `user.id` and `user.name` in every state from the token.
// A connection changes only its own states: stock y-websocket clients echo
// the states they receive, and an echo (or a forged update) about another
// connection's client is left out, never applied.

/** Larger than any real presence (a name, a colour, a cursor), far below what would burden every peer. */
export const MAX_PRESENCE_STATE_BYTES = 16 * 1024;
/** Awareness clients one connection may publish: one per document in a stock client. */
export const MAX_PRESENCE_CLIENTS = 8;
/** A cursor is nested four deep (state, cursor, anchor, item): far more is an attack on whatever reads it next. */
export const MAX_PRESENCE_DEPTH = 16;

const utf8 = new TextDecoder('utf-8', { fatal: true });

interface PresenceEntry {
  clientId: number;
  clock: number;
  state: Record<string, unknown> | null;
}

export interface PresenceWriter {
  principal: Principal;
  /** Client ids this connection publishes already. */
  own: ReadonlySet<number>;
  /** Whether another connection of the room publishes this client id. */
  ownedByOther(clientId: number): boolean;
  /** The clock the room holds for a client id, if it has seen it. */
  clockOf(clientId: number): number | undefined;
}

/**
 * The awareness update to apply for `writer`: its own states, each with the
 * token's user, and nothing about other connections' clients; undefined when
 * nothing is left. Throws ProtocolError for an update that is not awareness,
 * a state too large, or too many clients.
 */
export function checkPresence(update: Uint8Array, writer: PresenceWriter): Uint8Array | undefined {
  const kept = readEntries(update).filter(({ clientId, clock }) => {
    if (writer.own.has(clientId)) return true;
    if (writer.ownedByOther(clientId)) return false;
    // An echo of a client that has left: the room has it already, and it is not this connection's.
    return clock > (writer.clockOf(clientId) ?? -1);
  });
  const clients = new Set([
    ...writer.own,
    ...kept.filter((e) => e.state !== null).map((e) => e.clientId),
  ]);
  if (clients.size > MAX_PRESENCE_CLIENTS)
    throw new ProtocolError(
      `presence for more than ${MAX_PRESENCE_CLIENTS} clients on one connection`,
    );
  if (kept.length === 0) return undefined;
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, kept.length);
  for (const { clientId, clock, state } of kept) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(
      encoder,
      JSON.stringify(state && withSignedInUser(state, writer.principal)),
    );
  }
  return encoding.toUint8Array(encoder);
}

function readEntries(update: Uint8Array): PresenceEntry[] {
  const entries: PresenceEntry[] = [];
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const json = decoding.readVarUint8Array(decoder); // a var string is its UTF-8 bytes
      if (json.length > MAX_PRESENCE_STATE_BYTES)
        throw new ProtocolError(`presence state over ${MAX_PRESENCE_STATE_BYTES / 1024} KiB`);
      if (jsonDeeperThan(json, MAX_PRESENCE_DEPTH))
        throw new ProtocolError(`presence state nested over ${MAX_PRESENCE_DEPTH} levels`);
      const state: unknown = JSON.parse(utf8.decode(json));
      if (state !== null && (typeof state !== 'object' || Array.isArray(state)))
        throw new ProtocolError('presence state is not an object');
      entries.push({ clientId, clock, state: state as Record<string, unknown> | null });
    }
  } catch (error) {
    if (error instanceof ProtocolError) throw error;
    throw new ProtocolError('bad awareness update');
  }
  return entries;
}

function withSignedInUser(
  state: Record<string, unknown>,
  principal: Principal,
): Record<string, unknown> {
  const claimed =
    state.user !== null && typeof state.user === 'object' && !Array.isArray(state.user)
      ? state.user
      : {};
  return {
    ...state,
    user: { ...claimed, id: principal.userId, name: principal.name || principal.userId },
  };
}
