import { parseDocumentName } from '../model/index.js';
import type { DocumentLink } from './document-link.js';

// A browser opens about 255 WebSockets in all (measured in Chromium: the
// 255th fails), and a chart has a document per day of observations: a long
// stay would run out, and every other chart and tab with it. So the core
// document, notes and the newest days stay connected; older days are
// visited in turn — connected until each side has what the other has and
// the server has confirmed this device's changes, then closed — every round
// after a rest, and at once when one holds a change of this device's or the
// server says another device changed it.

export interface DayVisitsOptions {
  /** Days of observations kept connected: the newest ones the chart has. */
  liveDays: number;
  /** The rest between two rounds of visits (ms). */
  restMs: number;
  /** Visits under way at once. */
  concurrency: number;
  /** How long a visit may take before it is given up until the next round (ms). */
  visitTimeoutMs: number;
  /** The documents linked now. */
  links(): readonly DocumentLink[];
  /** Whether documents may be connected now (online, not refused, not closed). */
  online(): boolean;
}

/** The observation days past the newest `liveDays`, among `names`. */
export function restingDays(names: Iterable<string>, liveDays: number): Set<string> {
  const days = [...names]
    .map((name) => ({ name, day: parseDocumentName(name)?.day }))
    .filter((d): d is { name: string; day: string } => d.day !== undefined)
    .sort((a, b) => (a.day < b.day ? 1 : a.day > b.day ? -1 : 0));
  return new Set(days.slice(Math.max(0, liveDays)).map((d) => d.name));
}

export class DayVisits {
  readonly #options: DayVisitsOptions;
  readonly #visiting = new Set<DocumentLink>();
  /** When each resting document was last brought up to date. */
  readonly #visited = new WeakMap<DocumentLink, number>();
  /** Visits that failed in a row, and the time before which a document is not tried again. */
  readonly #failures = new WeakMap<DocumentLink, { count: number; notBefore: number }>();
  /** Changed on another device since their last visit began. */
  readonly #changedElsewhere = new WeakSet<DocumentLink>();
  #resting = new Set<string>();
  #wake: (() => void) | undefined;
  #stopped = false;

  constructor(options: DayVisitsOptions) {
    this.#options = options;
    void this.#run();
  }

  /** Whether a document rests between visits rather than staying connected. */
  rests(name: string): boolean {
    return this.#resting.has(name);
  }

  /** A document is being linked: sorts them all again into connected and resting (a newer day sends the oldest live one to rest). */
  rebalance(names: Iterable<string>): void {
    this.#resting = restingDays(names, this.#options.liveDays);
    const online = this.#options.online();
    for (const link of this.#options.links()) {
      if (this.#visiting.has(link)) continue;
      if (this.rests(link.name)) {
        if (link.phase !== 'offline' && link.phase !== 'stopped') link.disconnect();
      } else if (online && link.phase === 'offline') {
        link.connect();
      }
    }
    this.wake();
  }

  /** The server says another device changed a document: if it rests, it is visited now. */
  changedElsewhere(name: string): void {
    const link = this.#options.links().find((candidate) => candidate.name === name);
    if (!link || !this.rests(name)) return;
    this.#changedElsewhere.add(link);
    this.wake();
  }

  /** Something may be due now: a change made here, the network back. */
  wake(): void {
    this.#wake?.();
  }

  stop(): void {
    this.#stopped = true;
    this.wake();
  }

  async #run(): Promise<void> {
    await Promise.resolve(); // after the connection that owns it is built
    while (!this.#stopped) {
      if (!this.#options.online()) {
        await this.#sleep(this.#options.restMs); // woken when the chart goes online
        continue;
      }
      const due = this.#due();
      const free = this.#options.concurrency - this.#visiting.size;
      if (due.length === 0 || free <= 0) {
        await this.#sleep(
          due.length === 0 ? Math.max(50, this.#nextDueIn()) : this.#options.visitTimeoutMs,
        );
        continue;
      }
      for (const link of due.slice(0, free)) void this.#visit(link).finally(() => this.wake());
      await this.#sleep(this.#options.visitTimeoutMs);
    }
  }

  /** Resting documents to visit now: those changed here or elsewhere first, then the least recently visited. */
  #due(): DocumentLink[] {
    const now = Date.now();
    const changed = (link: DocumentLink) =>
      link.waiting > 0 || this.#changedElsewhere.has(link) ? 1 : 0;
    return (
      this.#options
        .links()
        // A refused one too: the refusal of a whole chart stops all visits (`online`); one for an expired token does not.
        .filter(
          (link) =>
            this.rests(link.name) &&
            !this.#visiting.has(link) &&
            now >= (this.#failures.get(link)?.notBefore ?? 0),
        )
        .filter(
          (link) =>
            changed(link) === 1 || now - (this.#visited.get(link) ?? 0) >= this.#options.restMs,
        )
        .sort(
          (a, b) =>
            changed(b) - changed(a) || (this.#visited.get(a) ?? 0) - (this.#visited.get(b) ?? 0),
        )
    );
  }

  /** How long until a resting document is due (a round's rest at most). */
  #nextDueIn(): number {
    const now = Date.now();
    let soonest = this.#options.restMs;
    for (const link of this.#options.links()) {
      if (!this.rests(link.name) || this.#visiting.has(link)) continue;
      const changed = link.waiting > 0 || this.#changedElsewhere.has(link);
      const due = Math.max(
        this.#failures.get(link)?.notBefore ?? 0,
        changed ? 0 : (this.#visited.get(link) ?? 0) + this.#options.restMs,
      );
      soonest = Math.min(soonest, Math.max(0, due - now));
    }
    return soonest;
  }

  async #visit(link: DocumentLink): Promise<void> {
    this.#visiting.add(link);
    // The server stored the change before it told of it: this visit fetches it. One told of during the visit gets another.
    const toldOfChange = this.#changedElsewhere.delete(link);
    try {
      if (await link.catchUp(this.#options.visitTimeoutMs)) {
        this.#visited.set(link, Date.now());
        this.#failures.delete(link);
      } else {
        // Not again at once (a server that refuses this document would be asked in a loop): 1 s, 2 s, 4 s… up to a round's rest.
        const count = (this.#failures.get(link)?.count ?? 0) + 1;
        this.#failures.set(link, {
          count,
          notBefore: Date.now() + Math.min(this.#options.restMs, 1000 * 2 ** (count - 1)),
        });
        if (toldOfChange) this.#changedElsewhere.add(link); // still to fetch, once the backoff allows
      }
    } finally {
      this.#visiting.delete(link);
      if (this.rests(link.name)) link.disconnect();
    }
  }

  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.#wake = done;
    });
  }
}
