/**
 * Runs some work once, right after a page's first rows are on screen: once
 * every query subscribed so far has given its first value (or failed, or
 * been stopped) and a frame has been painted since. A query subscribed by
 * what those values rendered is waited for too. A tab in the background
 * paints no frames: then at the latest `latestMs` after the first quiet
 * moment. Used to fetch what a chart needs next (the store, the write side)
 * before the network can go, without delaying its first rows.
 */
export class AfterFirstValues {
  readonly #work: () => void;
  readonly #latestMs: number;
  /** Queries subscribed whose first value has not come yet. */
  #awaiting = 0;
  #requested = false;
  #done = false;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(work: () => void, latestMs: number) {
    this.#work = work;
    this.#latestMs = latestMs;
  }

  /** A query subscribed: call what this returns once its first value has come (later calls do nothing). */
  awaitFirstValue(): () => void {
    this.#awaiting++;
    let came = false;
    return () => {
      if (came) return;
      came = true;
      this.#awaiting--;
      this.#whenQuiet();
    };
  }

  /** Runs the work at the next quiet moment if no query is awaited now (a page with nothing on screen yet). */
  whenNoneAwaited(): void {
    this.#whenQuiet();
  }

  #whenQuiet(): void {
    if (this.#done || this.#requested || this.#awaiting > 0) return;
    this.#requested = true;
    if (!this.#timer) {
      this.#timer = setTimeout(() => this.#run(), this.#latestMs);
      (this.#timer as { unref?: () => void }).unref?.(); // in Node, no reason to stay up
    }
    if (typeof requestAnimationFrame !== 'function') return;
    requestAnimationFrame(() =>
      setTimeout(() => {
        if (this.#awaiting === 0) this.#run();
        else this.#requested = false; // the next quiet moment asks again
      }),
    );
  }

  #run(): void {
    if (this.#done) return;
    this.#done = true;
    clearTimeout(this.#timer);
    this.#work();
  }
}
