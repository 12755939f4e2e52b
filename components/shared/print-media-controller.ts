import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Whether the page is being printed, for an element that draws something
 * for paper it does not keep on screen (all the rows of a virtual list).
 * The print events come when a person prints; the print media query also
 * changes when print is emulated, as in tests. An update requested in
 * `beforeprint` renders before the browser lays the page out for paper.
 */
export class PrintMediaController implements ReactiveController {
  printing = false;
  readonly #host: ReactiveControllerHost;
  #query: MediaQueryList | undefined;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    this.#query = matchMedia('print');
    this.#query.addEventListener('change', this.#follow);
    addEventListener('beforeprint', this.#start);
    addEventListener('afterprint', this.#follow);
    this.#set(this.#query.matches);
  }

  hostDisconnected(): void {
    this.#query?.removeEventListener('change', this.#follow);
    removeEventListener('beforeprint', this.#start);
    removeEventListener('afterprint', this.#follow);
  }

  /** `beforeprint` comes before the media query has changed. */
  readonly #start = () => this.#set(true);
  readonly #follow = () => this.#set(this.#query?.matches ?? false);

  #set(printing: boolean): void {
    if (printing === this.printing) return;
    this.printing = printing;
    this.#host.requestUpdate();
  }
}
