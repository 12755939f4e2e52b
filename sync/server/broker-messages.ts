import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { StoredBatch } from './fan-out.js';

// What sync processes say to each other through the broker (broker.ts), in
// lib0's encoding as the y-websocket protocol is: a kind, the sending
// process's id, then the kind's fields.

export type BrokerMessage =
  | { kind: 'stored'; node: string; batch: StoredBatch }
  | { kind: 'presence'; node: string; update: Uint8Array }
  | { kind: 'presence-query'; node: string }
  | { kind: 'changed'; node: string; document: string };

const KIND = { stored: 0, presence: 1, 'presence-query': 2, changed: 3 } as const;

export function encodeBrokerMessage(message: BrokerMessage): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, KIND[message.kind]);
  encoding.writeVarString(encoder, message.node);
  switch (message.kind) {
    case 'stored': {
      const { first, last, updates, owners } = message.batch;
      encoding.writeVarUint(encoder, first);
      encoding.writeVarUint(encoder, last);
      encoding.writeVarUint(encoder, updates.length);
      for (const update of updates) encoding.writeVarUint8Array(encoder, update);
      encoding.writeVarUint(encoder, owners.length);
      for (const [clientId, userId] of owners) {
        encoding.writeVarUint(encoder, clientId);
        encoding.writeVarString(encoder, userId);
      }
      break;
    }
    case 'presence':
      encoding.writeVarUint8Array(encoder, message.update);
      break;
    case 'changed':
      encoding.writeVarString(encoder, message.document);
      break;
    case 'presence-query':
      break;
  }
  return encoding.toUint8Array(encoder);
}

/** Throws on a message that does not decode (none should: only sync processes publish). */
export function decodeBrokerMessage(bytes: Uint8Array): BrokerMessage {
  const decoder = decoding.createDecoder(bytes);
  const kind = decoding.readVarUint(decoder);
  const node = decoding.readVarString(decoder);
  switch (kind) {
    case KIND.stored: {
      const first = decoding.readVarUint(decoder);
      const last = decoding.readVarUint(decoder);
      const updates = Array.from({ length: decoding.readVarUint(decoder) }, () =>
        decoding.readVarUint8Array(decoder),
      );
      const owners = Array.from({ length: decoding.readVarUint(decoder) }, (): [number, string] => [
        decoding.readVarUint(decoder),
        decoding.readVarString(decoder),
      ]);
      return { kind: 'stored', node, batch: { first, last, updates, owners } };
    }
    case KIND.presence:
      return { kind: 'presence', node, update: decoding.readVarUint8Array(decoder) };
    case KIND['presence-query']:
      return { kind: 'presence-query', node };
    case KIND.changed:
      return { kind: 'changed', node, document: decoding.readVarString(decoder) };
    default:
      throw new Error(`unknown broker message kind ${kind}`);
  }
}
