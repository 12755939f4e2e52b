import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ChartStore } from '../../model/index.js';

/** An element that reads the chart store: a list reads a patient's chart, a viewer one record. */
export interface GraceHost extends ReactiveControllerHost {
  readonly store?: ChartStore;
}

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
 * pending state at once. The grace starts once the element has something
 * to read (`subject`: its patient, or a viewer's record key).
 */
export class PendingGrace implements ReactiveController {
  readonly #host: GraceHost;
  readonly #subject: () => string | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #over = false;

  constructor(host: GraceHost, subject: () => string | undefined) {
    this.#host = host;
    this.#subject = subject;
    host.addController(this);
  }

  /** True while the pending state is held back. */
  get holding(): boolean {
    return !this.#over && this.#host.store?.firstAnswersSoon === true;
  }

  hostUpdate(): void {
    if (this.#timer !== undefined || !this.holding || !this.#subject()) return;
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
