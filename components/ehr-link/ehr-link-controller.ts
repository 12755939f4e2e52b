import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DeliveryStatus, DeliveryStatusSource } from '../../model/index.js';
import type { DeliveryProblem } from './ehr-link.events.js';

export interface EhrLinkHost extends ReactiveControllerHost {
  source?: DeliveryStatusSource;
}

/** What changed that is worth saying in the polite live region. */
export type EhrLinkAnnouncement =
  | { kind: 'link'; status: DeliveryStatus }
  | { kind: 'problem'; state: DeliveryProblem; count: number };

const PROBLEMS: readonly DeliveryProblem[] = ['conflict', 'not-accepted', 'refused'];

/**
 * Follows the host's delivery status source while it is connected, and again
 * when the source changes; `status` is undefined without a source. A change
 * of link after the first status, or a problem count that grows, is kept in
 * `announcement` for a polite live region; the waiting and sent counts are
 * not announced.
 */
export class EhrLinkController implements ReactiveController {
  status: DeliveryStatus | undefined;
  announcement: EhrLinkAnnouncement | undefined;
  readonly #host: EhrLinkHost;
  #source: DeliveryStatusSource | undefined;
  #stop: (() => void) | undefined;

  constructor(host: EhrLinkHost) {
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
    this.status = source?.status;
    this.announcement = undefined;
    // A source may call the listener at once with the status it already has: nothing to announce then.
    this.#stop = source?.subscribe((status) => {
      if (this.#source !== source) return;
      const before = this.status;
      if (status === before) return;
      if (before) this.announcement = announcementOf(before, status) ?? this.announcement;
      this.status = status;
      this.#host.requestUpdate();
    });
  }
}

function announcementOf(
  before: DeliveryStatus,
  now: DeliveryStatus,
): EhrLinkAnnouncement | undefined {
  if (now.link !== before.link) return { kind: 'link', status: now };
  const grown = PROBLEMS.find((state) => now.counts[state] > before.counts[state]);
  return grown && { kind: 'problem', state: grown, count: now.counts[grown] };
}
