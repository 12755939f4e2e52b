// How long to wait before asking again a server that said "too many
// requests" (429) or "unavailable" (503), or did not answer: what its
// Retry-After says (seconds, or an HTTP date), else an exponential backoff
// with jitter, so that many clients turned away at once do not return at once.

export interface BackoffOptions {
  /** The first wait without a Retry-After, in ms. */
  baseMs: number;
  /** No wait is longer, whatever the server asks. */
  maxMs: number;
}

export function retryDelay(
  attempt: number,
  retryAfter: string | null,
  { baseMs, maxMs }: BackoffOptions,
  now = Date.now(),
  random = Math.random,
): number {
  const asked = parseRetryAfter(retryAfter, now);
  if (asked !== undefined) return Math.min(asked, maxMs);
  const exponential = baseMs * 2 ** attempt;
  // "Full jitter" in [exponential / 2, exponential].
  return Math.min(maxMs, Math.round(exponential / 2 + (random() * exponential) / 2));
}

/** Retry-After in ms: delta-seconds or an HTTP date (RFC 9110 §10.2.3); undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
