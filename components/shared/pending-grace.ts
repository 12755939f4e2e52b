import type { ReactiveController } from 'lit';
import type { ChartQueryHost } from './live-query-controller.js';

/**
 * How long an element whose store answers first from the device waits for
 * those answers before it paints its pending state. Below the time a
 * pending state is read as a wait, and about what a later visit's first
 * answers take; a frame with the pending state painted, laid out and then
 * replaced costs the first screen 10–25 ms (bench/README.md).
 */
export const PENDING_GRACE_MS = 200;

/**
 * Whether a feature element holds back its pending state: its store says
 * its first answers come at once (`ChartStore.firstAnswersSoon`), and
 * PENDING_GRACE_MS has not run out since it was first given the store.
 * The element then renders nothing in place of the pending state, so that
 * the first frame it paints has its rows; once the grace runs out it is
 * updated and shows the pending state as ever. Only the first answers are
 * waited for: after the grace, a store or patient given later shows its
 * pending state at once.
 */
export class PendingGrace implements ReactiveController {
  readonly #host: ChartQueryHost;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #over = false;

  constructor(host: ChartQueryHost) {
    this.#host = host;
    host.addController(this);
  }

  /** True while the pending state is held back. */
  get holding(): boolean {
    return !this.#over && this.#host.store?.firstAnswersSoon === true;
  }

  hostUpdate(): void {
    if (this.#timer !== undefined || !this.holding || !this.#host.patientId) return;
    this.#timer = setTimeout(() => {
      this.#over = true;
      this.#host.requestUpdate();
    }, PENDING_GRACE_MS);
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
    this.#over = true;
  }
}
