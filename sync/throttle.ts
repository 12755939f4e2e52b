// Runs `work` at most once per interval: the first request at once, those
// that follow once, together, at the end of the interval.
export class Throttle {
  readonly #intervalMs: number;
  readonly #work: () => void;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #last = -Infinity;

  constructor(intervalMs: number, work: () => void) {
    this.#intervalMs = intervalMs;
    this.#work = work;
  }

  request(): void {
    if (this.#timer !== undefined) return;
    const wait = this.#last + this.#intervalMs - Date.now();
    if (wait <= 0) this.#run();
    else this.#timer = setTimeout(() => this.#run(), wait);
  }

  cancel(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #run(): void {
    this.#timer = undefined;
    this.#last = Date.now();
    this.#work();
  }
}
