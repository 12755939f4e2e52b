// Trouble for the demo EHR's clients to meet, around a FHIR engine that stays
// real: refusals queued for the next matching requests (429 and 503 with
// Retry-After, 500), a delay before every answer, and the server dying —
// connections cut, nothing listening — after a number of requests, until it
// is brought back on the same port. With a log of every request and how it
// was answered, so a test can count what a client did.

export interface FaultRule {
  status: number;
  /** Seconds, sent as Retry-After. */
  retryAfter?: number;
  /** The OperationOutcome's text (default `Injected fault: <status>`): a refusal in the server's words. */
  message?: string;
  /** How many matching requests get this answer (default 1). */
  times?: number;
  /** Which requests: method and path with query, e.g. `/fhir/Observation?patient=...`. Default: any. */
  match?: (method: string, path: string) => boolean;
}

export interface LoggedRequest {
  method: string;
  /** Path and query as sent, e.g. `/fhir/Observation?_count=5`. */
  path: string;
  /** The status answered; 0 when the server died instead of answering. */
  status: number;
}

export type FaultDecision =
  | { kind: 'answer' }
  | { kind: 'refuse'; status: number; retryAfter?: number; message?: string }
  | { kind: 'die' };

/** How the server is killed and brought back; given by the server that owns the faults. */
export interface Lifecycle {
  die(): void;
  revive(): Promise<void>;
}

export class Faults {
  /** Milliseconds to wait before handling each request. */
  delayMs = 0;
  readonly #rules: Array<Required<Pick<FaultRule, 'status' | 'times'>> & FaultRule> = [];
  #dieIn: number | undefined;
  #dead = false;
  #lifecycle: Lifecycle | undefined;

  /** Queues a refusal for the next `times` requests that match. */
  fail(rule: FaultRule): this {
    this.#rules.push({ ...rule, times: rule.times ?? 1 });
    return this;
  }

  /** The server answers `n` more requests, then dies on the next one (its connection cut, no answer) and stays down until `revive()`. */
  dieAfter(n: number): this {
    this.#dieIn = n;
    return this;
  }

  /** Dies now: open connections are cut and the port stops listening. */
  die(): void {
    this.#dieIn = undefined;
    this.#dead = true;
    this.#lifecycle?.die();
  }

  /** Listens again on the same port, with the same data. */
  async revive(): Promise<void> {
    this.#dead = false;
    await this.#lifecycle?.revive();
  }

  get dead(): boolean {
    return this.#dead;
  }

  /** Forgets queued refusals, a pending death and the delay. */
  reset(): void {
    this.#rules.length = 0;
    this.#dieIn = undefined;
    this.delayMs = 0;
  }

  bind(lifecycle: Lifecycle): void {
    this.#lifecycle = lifecycle;
  }

  /** What to do with a request that just arrived. */
  decide(method: string, path: string): FaultDecision {
    if (this.#dead) return { kind: 'die' };
    if (this.#dieIn !== undefined) {
      if (this.#dieIn <= 0) return { kind: 'die' };
      this.#dieIn--;
    }
    const index = this.#rules.findIndex((r) => !r.match || r.match(method, path));
    const rule = this.#rules[index];
    if (!rule) return { kind: 'answer' };
    if (--rule.times <= 0) this.#rules.splice(index, 1);
    return {
      kind: 'refuse',
      status: rule.status,
      ...(rule.retryAfter !== undefined && { retryAfter: rule.retryAfter }),
      ...(rule.message !== undefined && { message: rule.message }),
    };
  }
}
