import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SyncState, SyncStatusSource } from '../../model/index.js';

export interface SyncStatusHost extends ReactiveControllerHost {
  source?: SyncStatusSource;
}

/**
 * Follows the host's sync status source while it is connected, and again
 * when the source changes; `state` is undefined without a source. A change
 * of status after the first render is kept in `announcement` for a polite
 * live region (changes of the waiting count or of presence are not).
 */
export class SyncStatusController implements ReactiveController {
  state: SyncState | undefined;
  announcement = '';
  readonly #host: SyncStatusHost;
  #source: SyncStatusSource | undefined;
  #stop: (() => void) | undefined;

  constructor(host: SyncStatusHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    this.#follow();
  }

  hostUpdate(): void {
    this.#follow();
  }

  hostDisconnected(): void {
    this.#stop?.();
    this.#stop = undefined;
    this.#source = undefined;
  }

  #follow(): void {
    const source = this.#host.source;
    if (source === this.#source && (this.#stop || !source)) return;
    this.#stop?.();
    this.#source = source;
    this.state = source?.state;
    this.announcement = '';
    this.#stop = source?.subscribe((state) => {
      if (this.#source !== source) return;
      if (state.status !== this.state?.status) this.announcement = state.status;
      this.state = state;
      this.#host.requestUpdate();
    });
  }
}
