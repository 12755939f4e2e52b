import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import { MESSAGE } from '../../../sync/server/protocol.js';
import { getJson, httpUrl, type TestServer } from './support.js';

// A hand-driven socket, as a hostile client would open one: it sends exactly
// the bytes a test gives it, and reports how the server closed it.

export interface RawClient {
  ws: WebSocket;
  /** Messages the server sent, in order. */
  received: Uint8Array[];
  closed: Promise<{ code: number; reason: string }>;
  send(bytes: Uint8Array | string): void;
}

export async function openRaw(url: string, document: string, token: string): Promise<RawClient> {
  const ws = new WebSocket(`${url}/${document}?token=${encodeURIComponent(token)}`);
  const received: Uint8Array[] = [];
  ws.on('message', (data) => received.push(new Uint8Array(data as Buffer)));
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return { ws, received, closed, send: (bytes) => ws.send(bytes) };
}

/** A y-websocket message: the type, then the payload as a var-length byte array. */
export function framed(type: number, ...parts: Array<number | Uint8Array>): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  for (const part of parts) {
    if (typeof part === 'number') encoding.writeVarUint(encoder, part);
    else encoding.writeVarUint8Array(encoder, part);
  }
  return encoding.toUint8Array(encoder);
}

/** A sync message carrying an update (sync step 2 or update: the server treats both as a write). */
export function updateFrame(update: Uint8Array): Uint8Array {
  return framed(MESSAGE.sync, 2, update);
}

/** An awareness update of one client with `json` as its state's text, written by hand. */
export function presenceFrame(clientId: number, clock: number, json: string): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, 1);
  encoding.writeVarUint(update, clientId);
  encoding.writeVarUint(update, clock);
  encoding.writeVarString(update, json);
  return framed(MESSAGE.awareness, encoding.toUint8Array(update));
}

/** The server is up and answering. */
export async function assertHealthy(t: TestServer): Promise<void> {
  const { status, body } = await getJson(httpUrl(t.server, '/health'));
  if (status !== 200 || body.status !== 'ok')
    throw new Error(`/health answered ${status} ${JSON.stringify(body)}`);
}

/** `[[[…"x"…]]]`: text that nests `depth` arrays. */
export function nestedJson(depth: number): string {
  return `${'['.repeat(depth)}"x"${']'.repeat(depth)}`;
}
