import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The time now, updated every `interval` ms while the host is connected: for what turns true with time alone (an overdue set). */
export class ClockController implements ReactiveController {
  now = Date.now();
  readonly #host: ReactiveControllerHost;
  readonly #interval: number;
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(host: ReactiveControllerHost, interval = 60_000) {
    this.#host = host;
    this.#interval = interval;
    host.addController(this);
  }

  hostConnected(): void {
    this.now = Date.now();
    this.#timer = setInterval(() => {
      this.now = Date.now();
      this.#host.requestUpdate();
    }, this.#interval);
  }

  hostDisconnected(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }
}
