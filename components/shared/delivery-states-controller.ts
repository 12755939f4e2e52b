import type { ReactiveControllerHost } from 'lit';
import type { DeliveryStatusSource, LiveQuery, RecordDeliveries } from '../../model/index.js';
import { LiveQueryController, type ChartQueryHost } from './live-query-controller.js';

export interface DeliveryStatesHost extends ChartQueryHost, ReactiveControllerHost {
  /** The link to the hospital record: without one, nothing is delivered and nothing is said. */
  delivery?: DeliveryStatusSource;
}

const NO_DELIVERIES: RecordDeliveries = {};
const nothingDelivered: LiveQuery<RecordDeliveries> = {
  subscribe(observer) {
    observer.next(NO_DELIVERIES);
    return () => {};
  },
};

/**
 * Where each record of the host's patient stands with the hospital record:
 * the store's `deliveryStates(patientId)`, followed while the host has a
 * delivery (`delivery`, from `deliveryStatusContext`) and its store offers
 * the query; otherwise no states at all (a host's own store, a stand-in, or
 * a page that gives nothing back to an EHR, where every change would
 * otherwise say "waiting" for ever).
 */
export class DeliveryStatesController {
  readonly #query: LiveQueryController<RecordDeliveries>;

  constructor(host: DeliveryStatesHost) {
    this.#query = new LiveQueryController(
      host,
      (store, patientId) =>
        (host.delivery && store.deliveryStates?.(patientId)) || nothingDelivered,
      () => (host.delivery ? 'delivered' : ''),
    );
  }

  /** Each record's state, by key; empty until the store answers. */
  get value(): RecordDeliveries {
    const { state } = this.#query;
    return state.status === 'ready' ? state.value : NO_DELIVERIES;
  }
}
