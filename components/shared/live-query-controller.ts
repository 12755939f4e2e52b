import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ChartStore, ChartStoreError, LiveQuery } from '../../model/index.js';

/** What a feature element renders from: never a blank box. */
export type QueryState<T> =
  | { status: 'idle' }
  | { status: 'pending' }
  | { status: 'ready'; value: T }
  | { status: 'error'; error: ChartStoreError };

export interface ChartQueryHost extends ReactiveControllerHost {
  store?: ChartStore;
  patientId: string;
}

interface Subscription {
  store: ChartStore;
  patientId: string;
  key: string;
  stop: () => void;
}

/**
 * Subscribes a feature element to one store query while it is connected,
 * and again whenever its store, patient or `key()` changes; unsubscribes on
 * disconnect. The host renders `state`: idle (no store or patient yet),
 * pending, ready, or error.
 */
export class LiveQueryController<T> implements ReactiveController {
  state: QueryState<T> = { status: 'idle' };
  readonly #host: ChartQueryHost;
  readonly #query: (store: ChartStore, patientId: string) => LiveQuery<T>;
  readonly #key: () => string;
  #subscribed: Subscription | undefined;

  /** `key` names anything else the query depends on (a time range, a filter), so a change resubscribes. */
  constructor(
    host: ChartQueryHost,
    query: (store: ChartStore, patientId: string) => LiveQuery<T>,
    key: () => string = () => '',
  ) {
    this.#host = host;
    this.#query = query;
    this.#key = key;
    host.addController(this);
  }

  hostConnected(): void {
    this.#sync();
  }

  hostUpdate(): void {
    this.#sync();
  }

  hostDisconnected(): void {
    this.#unsubscribe();
    this.state = { status: 'idle' };
  }

  #sync(): void {
    const { store, patientId } = this.#host;
    const key = this.#key();
    const current = this.#subscribed;
    if (
      current &&
      current.store === store &&
      current.patientId === patientId &&
      current.key === key
    )
      return;
    this.#unsubscribe();
    if (!store || !patientId) {
      this.state = { status: 'idle' };
      return;
    }
    this.state = { status: 'pending' };
    const subscription: Subscription = { store, patientId, key, stop: () => {} };
    this.#subscribed = subscription;
    subscription.stop = this.#query(store, patientId).subscribe({
      next: (value) => this.#set(subscription, { status: 'ready', value }),
      error: (error) => this.#set(subscription, { status: 'error', error }),
    });
  }

  #set(subscription: Subscription, state: QueryState<T>): void {
    if (this.#subscribed !== subscription) return; // a late value of a query given up
    this.state = state;
    this.#host.requestUpdate();
  }

  #unsubscribe(): void {
    this.#subscribed?.stop();
    this.#subscribed = undefined;
  }
}
