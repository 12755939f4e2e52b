import type { ReactiveController } from 'lit';
import {
  DeliveryStatesController,
  type DeliveryStatesHost,
} from '../shared/delivery-states-controller.js';
import { memo } from '../shared/memo.js';
import { columnDeliveries, type ColumnDeliveryNote } from './vitals-column-delivery.js';
import type { VitalsWindowController } from './vitals-window.js';

const NOTHING_SAID: ReadonlyMap<string, ColumnDeliveryNote[]> = new Map();

/**
 * What each column of the page says of its delivery to the hospital record,
 * worked out in the host's update and only when the page's columns or the
 * store's delivery states change: render reads it and writes nothing.
 * Nothing at all without a delivery (see `DeliveryStatesController`).
 */
export class VitalsDeliveryController implements ReactiveController {
  /** The notes of each column that has something to say, by column time. */
  columns: ReadonlyMap<string, ColumnDeliveryNote[]> = NOTHING_SAID;
  readonly #window: VitalsWindowController;
  readonly #states: DeliveryStatesController;
  readonly #columns = memo(columnDeliveries);

  /** `window` is added to the host before this controller, so its page is current when this one reads it. */
  constructor(host: DeliveryStatesHost, window: VitalsWindowController) {
    this.#window = window;
    this.#states = new DeliveryStatesController(host);
    host.addController(this);
  }

  hostUpdate(): void {
    const state = this.#window.state;
    this.columns =
      state.status === 'ready' ? this.#columns(state.columns, this.#states.value) : NOTHING_SAID;
  }
}
