import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type {
  ChartRecord,
  ChartStore,
  ChartStoreError,
  DiagnosticReport,
  ResourceKey,
} from '../../model/index.js';

export interface ReportQueryHost extends ReactiveControllerHost {
  store?: ChartStore;
  key: string;
}

export type ReportState =
  | { status: 'idle' }
  | { status: 'pending' }
  | { status: 'ready'; record: ChartRecord | undefined }
  | { status: 'error'; error: ChartStoreError };

/** `Observation/<id>` references of a report's results, in order; others (absolute, contained) cannot be read here. */
export function resultKeys(report: DiagnosticReport): ResourceKey[] {
  return (report.result ?? [])
    .map((reference) => reference.reference ?? '')
    .filter((reference): reference is ResourceKey => /^Observation\/[^/]+$/.test(reference));
}

const joined = (keys: readonly string[]) => keys.join('\n');

/**
 * The record the viewer shows (`store.chartRecord(key)`) and, for a
 * DiagnosticReport, the observations it lists as results
 * (`store.chartRecords`), each followed live while the host is connected,
 * subscribed again when the store, the key or the result keys change.
 */
export class ReportQueryController implements ReactiveController {
  state: ReportState = { status: 'idle' };
  /** The results, in the report's order (undefined where one is not on this device); undefined until the store answers. */
  results: Array<ChartRecord | undefined> | undefined;
  readonly #host: ReportQueryHost;
  #record: { store: ChartStore; key: string; stop: () => void } | undefined;
  #results: { store: ChartStore; keys: string; stop: () => void } | undefined;

  constructor(host: ReportQueryHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    this.#sync();
  }

  hostUpdate(): void {
    this.#sync();
  }

  hostDisconnected(): void {
    this.#record?.stop();
    this.#results?.stop();
    this.#record = this.#results = undefined;
    this.state = { status: 'idle' };
    this.results = undefined;
  }

  #sync(): void {
    const { store, key } = this.#host;
    const current = this.#record;
    if (!current || current.store !== store || current.key !== key) {
      current?.stop();
      this.#record = undefined;
      if (!store || !key) {
        this.state = { status: 'idle' };
      } else {
        this.state = { status: 'pending' };
        const subscription = { store, key, stop: () => {} };
        this.#record = subscription;
        subscription.stop = store.chartRecord(key as ResourceKey).subscribe({
          next: (record) => this.#set(subscription, { status: 'ready', record }),
          error: (error) => this.#set(subscription, { status: 'error', error }),
        });
      }
    }
    this.#syncResults();
  }

  #syncResults(): void {
    const { store } = this.#host;
    const record = this.state.status === 'ready' ? this.state.record : undefined;
    const keys =
      record?.current.resourceType === 'DiagnosticReport' ? resultKeys(record.current) : [];
    const current = this.#results;
    if (current && current.store === store && current.keys === joined(keys)) return;
    current?.stop();
    this.#results = undefined;
    this.results = keys.length ? undefined : [];
    if (!store || keys.length === 0) return;
    const subscription = { store, keys: joined(keys), stop: () => {} };
    this.#results = subscription;
    subscription.stop = store.chartRecords(keys).subscribe({
      next: (results) => {
        if (this.#results !== subscription) return;
        this.results = results;
        this.#host.requestUpdate();
      },
      error: (error) => {
        if (this.#results !== subscription) return;
        this.state = { status: 'error', error };
        this.#host.requestUpdate();
      },
    });
  }

  #set(subscription: object, state: ReportState): void {
    if (this.#record !== subscription) return; // a late value of a query given up
    this.state = state;
    this.#host.requestUpdate();
  }
}
