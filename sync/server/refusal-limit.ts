// Refusals (of upgrades, and of the HTTP routes that take a token), counted
// per remote address. A token is checked with a signature verification,
// which costs; an address that keeps being refused (a client retrying a
// forged token, a scan) is answered 429 before any of that, until its minute
// is up. Addresses behind one NAT share a count, so
// the limit is set well above what a ward's expired tokens make at a shift
// change.

export interface RefusalLimitOptions {
  /** Refusals one address may have in a window before it is throttled. Default 60. */
  perWindow?: number;
  /** Window length, ms. Default 60 s. */
  windowMs?: number;
  /** Addresses remembered at once; the oldest window is forgotten first. Default 10,000. */
  maxAddresses?: number;
}

export class RefusalLimit {
  readonly #perWindow: number;
  readonly #windowMs: number;
  readonly #maxAddresses: number;
  /** Per address: refusals in its current window and when that window started (insertion order = age). */
  readonly #windows = new Map<string, { count: number; since: number }>();
  refused = 0;
  throttled = 0;

  constructor(options: RefusalLimitOptions = {}) {
    this.#perWindow = options.perWindow ?? 60;
    this.#windowMs = options.windowMs ?? 60_000;
    this.#maxAddresses = options.maxAddresses ?? 10_000;
  }

  /** Seconds until the address may try again, or 0 when it may now. Counts a throttled attempt. */
  retryAfter(address: string, now = Date.now()): number {
    const window = this.#current(address, now);
    if (!window || window.count < this.#perWindow) return 0;
    this.throttled++;
    return Math.max(1, Math.ceil((window.since + this.#windowMs - now) / 1000));
  }

  record(address: string, now = Date.now()): void {
    this.refused++;
    const window = this.#current(address, now);
    if (window) {
      window.count++;
      return;
    }
    if (this.#windows.size >= this.#maxAddresses)
      this.#windows.delete(this.#windows.keys().next().value!);
    this.#windows.set(address, { count: 1, since: now });
  }

  #current(address: string, now: number): { count: number; since: number } | undefined {
    const window = this.#windows.get(address);
    if (window && now - window.since >= this.#windowMs) {
      this.#windows.delete(address);
      return undefined;
    }
    return window;
  }
}
