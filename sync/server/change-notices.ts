import { parseDocumentName, type ParsedDocumentName } from '../../model/index.js';
import { changeNoticeMessage } from '../change-notice.js';
import type { ClientConnection } from './client-connection.js';

// Who is told when a chart's document changes: connections on the chart's
// core document that asked (sync/change-notice.ts), told of every other
// document of the same patient once its writes are stored. A document
// written to without pause (a note being typed) is announced at most once
// per interval, the last change always included. With several processes,
// a change stored by one reaches the watchers of all through a relay
// (broker.ts), each process keeping the interval for its own watchers.

/** Tells the other processes of changes stored here, and this one of theirs, per patient. */
export interface NoticeRelay {
  /** This process has watchers of the patient: call `onChanged` for each change another process stores. */
  follow(patientId: string, onChanged: (document: string) => void): void;
  unfollow(patientId: string): void;
  changed(patientId: string, document: string): void;
}

export interface ChangeNoticesOptions {
  /** The shortest time between two notices of one document (ms). */
  intervalMs: number;
  relay?: NoticeRelay;
}

export class ChangeNotices {
  readonly #intervalMs: number;
  readonly #relay: NoticeRelay | undefined;
  /** Patient id → the core connections that asked. */
  readonly #watchers = new Map<string, Set<ClientConnection>>();
  /** Document name → when it was last announced, and a trailing notice waiting for the interval's end. */
  readonly #recent = new Map<string, { at: number; trailing?: NodeJS.Timeout }>();

  constructor(options: ChangeNoticesOptions) {
    this.#intervalMs = options.intervalMs;
    this.#relay = options.relay;
  }

  /** A connection on a patient's core document asks to be told. */
  watch(patientId: string, connection: ClientConnection): void {
    let watchers = this.#watchers.get(patientId);
    if (!watchers) {
      this.#watchers.set(patientId, (watchers = new Set()));
      this.#relay?.follow(patientId, (name) => {
        const parsed = parseDocumentName(name);
        if (parsed?.patientId === patientId) this.#tell(name, parsed);
      });
    }
    watchers.add(connection);
  }

  /** The connection left. */
  forget(patientId: string, connection: ClientConnection): void {
    const watchers = this.#watchers.get(patientId);
    if (!watchers?.delete(connection) || watchers.size > 0) return;
    this.#watchers.delete(patientId);
    this.#relay?.unfollow(patientId);
  }

  /** Writes to a document were stored (by this process). */
  changed(name: string, parsed: ParsedDocumentName): void {
    if (parsed.kind === 'core') return;
    this.#relay?.changed(parsed.patientId, name);
    this.#tell(name, parsed);
  }

  #tell(name: string, parsed: ParsedDocumentName): void {
    if (parsed.kind === 'core' || !this.#watchers.has(parsed.patientId)) return;
    const recent = this.#recent.get(name);
    const now = Date.now();
    if (recent?.trailing) return; // the notice at the interval's end will say it
    if (recent && now - recent.at < this.#intervalMs) {
      recent.trailing = setTimeout(
        () => this.#announce(name, parsed.patientId),
        recent.at + this.#intervalMs - now,
      );
      recent.trailing.unref();
      return;
    }
    this.#announce(name, parsed.patientId);
  }

  /** Stops the notices waiting for their interval's end. */
  stop(): void {
    for (const recent of this.#recent.values()) clearTimeout(recent.trailing);
    this.#recent.clear();
  }

  #announce(name: string, patientId: string): void {
    const at = Date.now();
    this.#recent.set(name, { at });
    // Forgotten once the interval is over: the map holds only documents changing now.
    setTimeout(() => {
      if (this.#recent.get(name)?.at === at && !this.#recent.get(name)?.trailing)
        this.#recent.delete(name);
    }, this.#intervalMs).unref();
    const watchers = this.#watchers.get(patientId);
    if (!watchers) return;
    const message = changeNoticeMessage(name);
    for (const connection of watchers) connection.send(message);
  }
}
