import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { CHANGE_NOTICE } from '../change-notice.js';

// The y-websocket wire format: a message type, then a y-protocols sync or
// awareness message. Only the encoding lives here; what to do with a message
// is the room's business.

export const MESSAGE = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3 } as const;

/** A message the server cannot read: the connection is closed with 4400. */
export class ProtocolError extends Error {}

export type Inbound =
  | { type: 'sync-step1'; stateVector: Uint8Array }
  | { type: 'write'; update: Uint8Array }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'query-awareness' }
  | { type: 'auth' }
  /** Asks for notices of the chart's other documents changing (sync/change-notice.ts). */
  | { type: 'watch-changes' };

export function decodeMessage(message: Uint8Array): Inbound {
  try {
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MESSAGE.sync: {
        const step = decoding.readVarUint(decoder);
        const payload = decoding.readVarUint8Array(decoder);
        if (step === syncProtocol.messageYjsSyncStep1)
          return { type: 'sync-step1', stateVector: payload };
        if (step === syncProtocol.messageYjsSyncStep2 || step === syncProtocol.messageYjsUpdate)
          return { type: 'write', update: payload };
        throw new ProtocolError(`unknown sync message type ${step}`);
      }
      case MESSAGE.awareness:
        return { type: 'awareness', update: decoding.readVarUint8Array(decoder) };
      case MESSAGE.queryAwareness:
        return { type: 'query-awareness' };
      case MESSAGE.auth:
        return { type: 'auth' };
      case CHANGE_NOTICE:
        return { type: 'watch-changes' };
      default:
        throw new ProtocolError(`unknown message type ${type}`);
    }
  } catch (error) {
    if (error instanceof ProtocolError) throw error;
    throw new ProtocolError('truncated message');
  }
}

export function syncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE.sync);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

/** What `doc` has that a peer with `stateVector` lacks. Throws ProtocolError on a bad state vector. */
export function syncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE.sync);
  try {
    syncProtocol.writeSyncStep2(encoder, doc, stateVector);
  } catch {
    throw new ProtocolError('bad state vector');
  }
  return encoding.toUint8Array(encoder);
}

export function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE.sync);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

export function awarenessMessage(
  awareness: awarenessProtocol.Awareness,
  clients: number[],
): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE.awareness);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  return encoding.toUint8Array(encoder);
}
