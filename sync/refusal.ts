import type { SyncRefusal } from '../model/index.js';
import { CLOSE } from './server/close-codes.js';

// What a 44xx close from the server means to the client. Every such close is
// final for y-websocket; one for the token (most often: it expired) is worth
// one more try with a newly fetched token.

export type CloseMeaning =
  { retryWithNewToken: true } | { retryWithNewToken: false; refusal: SyncRefusal };

export function meaningOf(code: number, reason: string): CloseMeaning {
  if (code === CLOSE.unauthenticated) return { retryWithNewToken: true };
  return {
    retryWithNewToken: false,
    refusal: { reason: code === CLOSE.forbidden ? 'forbidden' : 'rejected', message: reason },
  };
}
