import { WebSocket, type RawData } from 'ws';
import type { ParsedDocumentName } from '../../model/index.js';
import { CLOSE, type CloseCode } from './close-codes.js';
import type { LogEntry } from './log.js';
import { decodeMessage, ProtocolError } from './protocol.js';
import type { ClientConnection } from './client-connection.js';
import type { Room } from './room.js';
import type { Rooms } from './rooms.js';
import type { Principal } from './access-tokens.js';

// One admitted client on one document, over its WebSocket. Messages that arrive while the
// document loads wait here, in order, up to a bound.
//
// Whatever a client sends, the worst that can come of it is this client's
// socket closed: a message the server cannot take closes it with 4400, and
// any other error while handling it (the server's own fault) with 1011. No
// error from one connection reaches the process.

export interface SocketConnectionContext {
  rooms: Rooms;
  log: (entry: LogEntry) => void;
  /** A client that leaves more than this many bytes unread is dropped: it reconnects and catches up from the stored document. */
  maxBufferedBytes: number;
  /** Bytes a connection may have waiting for its document to load, or for the room's queue. */
  maxQueuedBytes: number;
  /** Called once, when the connection is gone. */
  onGone(connection: SocketConnection): void;
}

export class SocketConnection implements ClientConnection {
  readonly principal: Principal;
  readonly document: string;
  readonly remote: string | undefined;
  /** Answered the last ping; a connection that misses one is dead. */
  alive = true;
  readonly #ws: WebSocket;
  readonly #context: SocketConnectionContext;
  #room: Room | undefined;
  #waiting: Uint8Array[] | undefined = [];
  #waitingBytes = 0;
  #gone = false;
  readonly #expiry: NodeJS.Timeout;

  constructor(
    ws: WebSocket,
    admitted: {
      principal: Principal;
      document: string;
      parsed: ParsedDocumentName;
      remote: string | undefined;
    },
    context: SocketConnectionContext,
  ) {
    this.#ws = ws;
    this.principal = admitted.principal;
    this.document = admitted.document;
    this.remote = admitted.remote;
    this.#context = context;
    ws.binaryType = 'nodebuffer';
    ws.on('message', (data: RawData, isBinary: boolean) => {
      try {
        this.#onMessage(data, isBinary);
      } catch (error) {
        this.#fault('message', error);
      }
    });
    ws.on('pong', () => {
      this.alive = true;
    });
    ws.on('error', (error: Error & { code?: string }) => {
      context.log({
        event: 'connection-error',
        reason:
          error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH' ? 'message too large' : error.message,
        remote: this.remote,
        user: this.principal.userId,
        document: this.document,
      });
    });
    ws.on('close', () => this.#leave());
    // A token is good until it expires, connected or not: then the client must come back with a new one.
    this.#expiry = setTimeout(
      () => {
        context.log({
          event: 'connection-closed',
          reason: 'token expired',
          remote: this.remote,
          user: this.principal.userId,
          document: this.document,
        });
        this.close(CLOSE.unauthenticated, 'token expired');
      },
      Math.max(0, Math.min(this.principal.expiresAt - Date.now(), 2 ** 31 - 1)),
    );
    this.#expiry.unref();
    context.rooms.join(admitted.document, admitted.parsed, this).then(
      (room) => {
        this.#room = room;
        if (this.#gone) {
          context.rooms.leave(room, this);
          return;
        }
        const waiting = this.#waiting ?? [];
        this.#waiting = undefined;
        for (const message of waiting) this.#handle(message);
      },
      (error: unknown) => this.#fault('join', error),
    );
  }

  send(message: Uint8Array): void {
    if (this.#ws.readyState !== WebSocket.OPEN) return;
    // Unread messages would pile up in the server's memory: everything they
    // carry is stored, so the client loses nothing by syncing again later.
    // (What is already waiting counts, not this message: a large document's
    // first sync is one large message.)
    if (this.#ws.bufferedAmount > this.#context.maxBufferedBytes) {
      this.#context.log({
        event: 'connection-closed',
        reason: 'client too slow to read',
        remote: this.remote,
        user: this.principal.userId,
        document: this.document,
      });
      this.terminate();
      return;
    }
    this.#ws.send(message, (error) => {
      if (error) this.#ws.terminate();
    });
  }

  /** Closes with a code; the connection leaves its document at once, whether or not the client answers. */
  close(code: CloseCode, reason: string): void {
    this.#leave();
    if (this.#ws.readyState === WebSocket.OPEN || this.#ws.readyState === WebSocket.CONNECTING)
      this.#ws.close(code, closeReason(reason));
  }

  terminate(): void {
    this.#leave();
    this.#ws.terminate();
  }

  ping(): void {
    this.alive = false;
    if (this.#ws.readyState === WebSocket.OPEN) this.#ws.ping();
  }

  get closed(): boolean {
    return this.#ws.readyState === WebSocket.CLOSED;
  }

  /** Resolves when the socket has closed (the client answered the close, or it was terminated). */
  whenClosed(): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve) => this.#ws.once('close', () => resolve()));
  }

  #onMessage(data: RawData, isBinary: boolean): void {
    if (this.#gone) return;
    if (!isBinary) {
      this.#refuse('text message; the protocol is binary');
      return;
    }
    const message = toBytes(data);
    if (!this.#waiting) return this.#handle(message);
    this.#waitingBytes += message.byteLength;
    if (this.#waitingBytes > this.#context.maxQueuedBytes) {
      this.#context.log({
        event: 'connection-closed',
        reason: 'too much sent while the document loads',
        remote: this.remote,
        user: this.principal.userId,
        document: this.document,
      });
      this.close(CLOSE.tryAgainLater, 'too much sent while the document loads');
      return;
    }
    this.#waiting.push(message);
  }

  #handle(message: Uint8Array): void {
    if (this.#gone || !this.#room) return;
    try {
      this.#room.receive(this, decodeMessage(message));
    } catch (error) {
      if (error instanceof ProtocolError) this.#refuse(error.message);
      else this.#fault('message', error);
    }
  }

  /** The server failed on this connection's behalf: it alone goes, told to come back (1011). */
  #fault(stage: string, error: unknown): void {
    this.#context.log({
      event: 'connection-failed',
      stage,
      error: String(error).slice(0, 500),
      remote: this.remote,
      user: this.principal.userId,
      document: this.document,
    });
    this.close(CLOSE.internalError, 'server error');
  }

  #refuse(reason: string): void {
    this.#context.log({
      event: 'message-refused',
      reason,
      remote: this.remote,
      user: this.principal.userId,
      document: this.document,
    });
    this.close(CLOSE.badMessage, reason);
  }

  #leave(): void {
    if (this.#gone) return;
    this.#gone = true;
    clearTimeout(this.#expiry);
    try {
      if (this.#room) this.#context.rooms.leave(this.#room, this);
    } catch (error) {
      this.#context.log({
        event: 'connection-failed',
        stage: 'leave',
        error: String(error).slice(0, 500),
        remote: this.remote,
        user: this.principal.userId,
        document: this.document,
      });
    }
    this.#context.onGone(this);
  }
}

/** A close reason is at most 123 bytes of UTF-8. */
function closeReason(reason: string): string {
  let text = reason;
  while (Buffer.byteLength(text) > 123) text = text.slice(0, -1);
  return text;
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
