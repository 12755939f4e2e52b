import { readTokenClaims } from './token-claims.js';

// Keeps a fresh sync token: fetches the next one before the current one
// expires (a fifth of its remaining life early, at most a minute), and on
// demand when the server refused one as expired. Fetches in flight are
// shared, so many documents refused at once cause one fetch.

/** The longest timer a browser keeps (about 24.8 days). */
const MAX_DELAY_MS = 2 ** 31 - 1;
const MAX_MARGIN_MS = 60_000;
/** After a failed early fetch (offline, say), the next try. */
const RETRY_MS = 5_000;

export class TokenKeeper {
  readonly #fetch: () => Promise<string>;
  readonly #onToken: (token: string) => void;
  #current: string | undefined;
  #fetching: Promise<string> | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #stopped = false;

  /** `onToken` hears every new token, fetched early or on demand. */
  constructor(fetch: () => Promise<string>, onToken: (token: string) => void) {
    this.#fetch = fetch;
    this.#onToken = onToken;
  }

  get current(): string | undefined {
    return this.#current;
  }

  /** A newly fetched token (one fetch for callers that ask at the same time). */
  refresh(): Promise<string> {
    this.#fetching ??= this.#fetch().then(
      (token) => {
        this.#fetching = undefined;
        if (this.#stopped) return token;
        this.#current = token;
        this.#schedule(token);
        this.#onToken(token);
        return token;
      },
      (error: unknown) => {
        this.#fetching = undefined;
        if (!this.#stopped) this.#setTimer(RETRY_MS);
        throw error;
      },
    );
    return this.#fetching;
  }

  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#timer);
  }

  #schedule(token: string): void {
    const { expiresAt } = readTokenClaims(token);
    clearTimeout(this.#timer);
    if (expiresAt === undefined) return; // a token that never expires, or not a JWT: refreshed only when refused
    const remaining = expiresAt - Date.now();
    this.#setTimer(remaining - Math.min(MAX_MARGIN_MS, remaining / 5));
  }

  #setTimer(delay: number): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(
      () => void this.refresh().catch(() => undefined),
      Math.min(MAX_DELAY_MS, Math.max(0, delay)),
    );
  }
}
