import type { CloseCode } from './close-codes.js';
import type { Principal } from './access-tokens.js';

/**
 * A client's connection to one document, as the document's room and the
 * change notices see it: who it is (from the token), and a way to send to it
 * or close it. socket-connection.ts is the one over a WebSocket.
 */
export interface ClientConnection {
  readonly principal: Principal;
  send(message: Uint8Array): void;
  close(code: CloseCode, reason: string): void;
}
