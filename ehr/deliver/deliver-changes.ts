import type { DeliveryStatus, EhrLink, Unsubscribe } from '../../model/index.js';
import {
  takeOverDeliveries,
  waitingChanges,
  whileDrainingAlone,
  type DeliveryCounts,
  type DexieChartStore,
  type OutboxEntry,
} from '../../storage/index.js';
import { EhrError } from '../errors.js';
import { FhirHttp, type FhirAuth, type FhirConnection } from '../http/fhir-http.js';
import { retryDelay, type BackoffOptions } from '../http/retry-delay.js';
import { allows, type DeliveryAllowance } from './allowance.js';
import { KIT_RECORD_SYSTEM } from './interactions.js';
import { referencedKeys } from './outgoing-references.js';
import { lookUpRound, sendUnit, type SendContext } from './send-change.js';
import { Settling } from './settling.js';

// Giving the changes made on this device back to the hospital's EHR.
//
// How it fits together:
// - storage/ queues each revision made here in the outbox, in the
//   transaction that saves it (storage/outbox-queue.ts); revisions that came
//   from colleagues (sync) or from the EHR (a pull) are never queued;
// - this controller watches the outbox and drains it: in rounds, each round
//   sending the oldest waiting change of every record at once (a record's
//   changes go in the order they were made), with the user's token, through
//   FhirHttp (bounded in flight, Retry-After, one refresh on 401); a round's
//   answers are saved while the next round goes (settling.ts);
// - send-change.ts sends one change as one conditional interaction and
//   writes the EHR's answer back to the outbox: a receipt, a conflict, a
//   refusal; the store's `deliveryStates(patientId)` shows each record's;
// - when the EHR cannot be reached, the link waits and tries again (backoff,
//   or at once when the browser comes back online); when the user must sign
//   in again, it stops until `signedIn()`;
// - every answer is written into the chart document and syncs, so every
//   device knows what the EHR holds; with `takeOverAfterMs`, a colleague's
//   change the EHR has not answered for in that time is sent from here.

export interface DeliveryOptions extends FhirConnection {
  /** What the hospital takes back, by resource type; every other change stays local (labelled `local-only`). */
  allow: DeliveryAllowance;
  /** The identifier system under which records the kit creates are named (conditional creates); `urn:emr-kit:record` when absent. */
  identifierSystem?: string;
  /** Waits between tries while the EHR cannot be reached (0.5 s doubling to 60 s when absent). */
  retry?: BackoffOptions;
  /**
   * Only these patients' changes are sent (a SMART token for one patient
   * cannot write another's chart); every patient's when absent. The counts
   * in the status stay the device's, every patient's.
   */
  patients?: readonly string[];
  /** Changes read from the outbox per round (200 when absent). */
  roundSize?: number;
  /**
   * Take over the delivery of colleagues' changes that the EHR has not
   * answered for this long (ms) after they arrived here: their device may
   * never come back. Safe, since every interaction is idempotent (a
   * conditional create finds the record a first create made; an update the
   * EHR already holds is recognised, not shown as a conflict). Never when
   * absent. The user must be one who may change the chart.
   */
  takeOverAfterMs?: number;
}

// The link's status (`EhrLink`, `DeliveryStatus`) is declared in model/chart/delivery.ts,
// where components read it through `DeliveryStatusSource`.
export type { DeliveryStatus, EhrLink };

export interface DeliveryController {
  readonly status: DeliveryStatus;
  /** Called with the status now and on every change; returns how to stop listening. */
  subscribe(listener: (status: DeliveryStatus) => void): Unsubscribe;
  /** Sends what is waiting now; resolves once nothing is left or the link cannot go on. */
  drain(): Promise<void>;
  /** The user signed in again: new authorisation (or the same, renewed), and sending resumes. */
  signedIn(auth?: FhirAuth): void;
  stop(): void;
}

const DEFAULT_RETRY: BackoffOptions = { baseMs: 500, maxMs: 60_000 };
const NO_COUNTS: DeliveryCounts = {
  waiting: 0,
  sent: 0,
  conflict: 0,
  'not-accepted': 0,
  refused: 0,
  'local-only': 0,
};

/**
 * Starts giving the changes made on this device back to the hospital's EHR,
 * now and whenever one is made, until `stop()`. Changes made before (in an
 * earlier session, or offline) are sent first.
 */
export function deliverChanges(
  store: DexieChartStore,
  options: DeliveryOptions,
): DeliveryController {
  return new Delivery(store, options);
}

class Delivery implements DeliveryController {
  #status: DeliveryStatus = { link: 'idle', counts: NO_COUNTS };
  readonly #listeners = new Set<(status: DeliveryStatus) => void>();
  readonly #store: DexieChartStore;
  readonly #options: DeliveryOptions;
  #context: SendContext;
  #draining: Promise<void> | undefined;
  #again = false;
  #failures = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #takeOverTimer: ReturnType<typeof setInterval> | undefined;
  readonly #unwatch: Unsubscribe;
  readonly #online = () => this.#wake();

  constructor(store: DexieChartStore, options: DeliveryOptions) {
    this.#store = store;
    this.#options = options;
    this.#context = this.#contextFor(options.auth);
    this.#unwatch = store.deliveryCounts().subscribe({
      next: (counts) => {
        this.#set({ counts });
        if (counts.waiting > 0) this.#wake();
      },
      error: (error) => this.#set({ link: 'stopped', problem: error.message }),
    });
    globalThis.addEventListener?.('online', this.#online);
    const after = options.takeOverAfterMs;
    if (after !== undefined) {
      const every = Math.min(Math.max(after / 2, 100), 60_000);
      this.#takeOverTimer = setInterval(() => void this.#takeOver(after), every);
    }
  }

  get status(): DeliveryStatus {
    return this.#status;
  }

  subscribe(listener: (status: DeliveryStatus) => void): Unsubscribe {
    this.#listeners.add(listener);
    listener(this.#status);
    return () => this.#listeners.delete(listener);
  }

  drain(): Promise<void> {
    if (this.#status.link === 'stopped' || this.#status.link === 'sign-in-needed')
      return Promise.resolve();
    // Asked while a drain runs: a change may have come after its last read of the outbox.
    this.#again = true;
    if (!this.#draining) {
      clearTimeout(this.#timer);
      this.#draining = this.#run().finally(() => {
        this.#draining = undefined;
        if (this.#again && this.#status.link === 'idle') void this.drain();
      });
    }
    return this.#draining;
  }

  signedIn(auth?: FhirAuth): void {
    if (this.#status.link === 'stopped') return;
    if (auth) this.#context = this.#contextFor(auth);
    this.#set({ link: 'idle', problem: undefined });
    this.#wake();
  }

  stop(): void {
    clearTimeout(this.#timer);
    clearInterval(this.#takeOverTimer);
    this.#unwatch();
    globalThis.removeEventListener?.('online', this.#online);
    this.#set({ link: 'stopped', problem: undefined });
  }

  #contextFor(auth: FhirAuth | undefined): SendContext {
    return {
      store: this.#store,
      http: new FhirHttp({ ...this.#options, auth }),
      allow: this.#options.allow,
      identifierSystem: this.#options.identifierSystem ?? KIT_RECORD_SYSTEM,
    };
  }

  #wake(): void {
    void this.drain();
  }

  /** Queues here the colleagues' changes unanswered for `after` ms; they drain with this device's own. */
  async #takeOver(after: number): Promise<void> {
    if (this.#status.link === 'stopped') return;
    try {
      const taken = await takeOverDeliveries(
        this.#store,
        new Date(Date.now() - after).toISOString(),
        this.#options.patients,
      );
      if (taken > 0) this.#wake();
    } catch (error) {
      // A user who may not change the chart cannot answer for a change in it.
      clearInterval(this.#takeOverTimer);
      this.#set({ problem: `Colleagues' changes are not taken over: ${(error as Error).message}` });
    }
  }

  async #run(): Promise<void> {
    try {
      // Another tab of this device draining the same outbox goes first; what it sent is settled by then.
      const done = await whileDrainingAlone(this.#store, async () => {
        const settling = new Settling(this.#store);
        try {
          while (this.#again) {
            this.#again = false;
            while (await this.#round(settling));
            await settling.done();
            if (this.#status.link !== 'sending' && this.#status.link !== 'idle') return false;
          }
          return true;
        } catch (error) {
          // What was answered before the link stopped is saved all the same.
          await settling.done().catch(() => undefined);
          throw error;
        }
      });
      if (!done) return;
      this.#failures = 0;
      this.#set({ link: 'idle', problem: undefined });
    } catch (error) {
      this.#halt(error);
    }
  }

  /**
   * Sends the oldest waiting change of each record (or group) at once, and
   * leaves its answers to be saved while the next round goes; answers
   * whether a round may follow. Throws what stops the link.
   */
  async #round(settling: Settling): Promise<boolean> {
    const limit = this.#options.roundSize ?? 200;
    // The previous round's changes wait in the outbox until their answers are saved: not sent twice.
    const waiting = (
      await waitingChanges(this.#store, limit + settling.size, this.#options.patients)
    ).filter((entry) => !settling.holds(entry.row.revisionId));
    if (waiting.length === 0) {
      if (settling.size === 0) return false;
      await settling.done(); // a record's next change waits for its previous answer
      return true;
    }
    this.#set({ link: 'sending', problem: undefined });
    const units: OutboxEntry[][] = [];
    const groups = new Map<string, OutboxEntry[]>();
    for (const entry of waiting) {
      const group = entry.row.group;
      if (group && groups.has(group)) {
        groups.get(group)!.push(entry);
        continue;
      }
      const unit = [entry];
      if (group) groups.set(group, unit);
      units.push(unit);
    }
    // A record's later change waits for the round after its earlier one has been answered and saved.
    const seen = new Set<string>();
    const ready = units.filter((unit) => {
      const keys = unit.map((entry) => entry.row.key);
      const free = keys.every((key) => !seen.has(key) && !settling.touches(key));
      keys.forEach((key) => seen.add(key));
      return free;
    });
    const sending = this.#notWaitingForCreations(ready, settling);
    if (sending.length === 0) {
      await settling.done();
      return true;
    }
    const context = await lookUpRound(this.#context, sending);
    // The round before is saved while this one goes: after this round's
    // lookups, which its save would hold up.
    settling.flush();
    const results = await Promise.allSettled(sending.map((unit) => sendUnit(context, unit)));
    // Every answer of the round is saved at once (one save), those before a failure included.
    settling.answered(
      sending.flat(),
      results.flatMap((result) => (result.status === 'fulfilled' ? result.value : [])),
    );
    const stopped = results.find((result) => result.status === 'rejected');
    if (stopped) throw stopped.reason;
    return this.#status.link === 'sending';
  }

  /**
   * The units to send now: a change that refers to a record created in this
   * round goes in the next, once the EHR has said that record's id (all of
   * them when each waits for another: references in a circle go as they are).
   */
  #notWaitingForCreations(
    ready: readonly OutboxEntry[][],
    settling: Settling,
  ): readonly OutboxEntry[][] {
    const created = (unit: readonly OutboxEntry[]) =>
      unit
        .filter(
          ({ row, revision }) =>
            row.create && allows(this.#options.allow, revision.resource.resourceType, 'create'),
        )
        .map(({ row }) => row.key);
    const creating = new Set(ready.flatMap(created));
    // A creation answered in the round before, its id not saved yet, is waited for too.
    if (creating.size === 0 && !settling.size) return ready;
    const now = ready.filter((unit) => {
      const own = new Set(unit.map(({ row }) => row.key));
      return !unit.some(({ revision }) =>
        [...referencedKeys(revision.resource)].some(
          (key) => (creating.has(key) && !own.has(key)) || settling.creates(key),
        ),
      );
    });
    return now.length > 0 || settling.size > 0 ? now : ready;
  }

  #halt(error: unknown): void {
    const problem = error instanceof Error ? error.message : String(error);
    if (this.#status.link === 'stopped') return;
    if (error instanceof EhrError && error.kind === 'unauthorized') {
      this.#set({ link: 'sign-in-needed', problem });
      return;
    }
    this.#set({ link: 'unreachable', problem });
    const wait = retryDelay(this.#failures++, null, this.#options.retry ?? DEFAULT_RETRY);
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.drain(), wait);
  }

  #set(change: Partial<DeliveryStatus>): void {
    const next = { ...this.#status, ...change };
    if (next.problem === undefined) delete next.problem;
    this.#status = next;
    for (const listener of [...this.#listeners]) listener(next);
  }
}
