import { html, type TemplateResult } from 'lit';
import type { ChartPresence } from '../../model/index.js';
import { chartPresenceMessages } from './chart-presence.messages.js';
import { LiveQueryController, type ChartQueryHost } from './live-query-controller.js';

/**
 * Whether the patient's chart is on this device (`ChartStore.chartPresence`),
 * for a feature element that must not show "none recorded", nor offer to
 * record, before it is: an empty answer of a chart still importing, or of
 * one this device has no copy of, is not an empty chart.
 */
export class ChartPresenceController {
  readonly #query: LiveQueryController<ChartPresence>;

  constructor(host: ChartQueryHost) {
    this.#query = new LiveQueryController(host, (store, patientId) =>
      store.chartPresence(patientId),
    );
  }

  /** The chart is on this device: its empty lists mean "none recorded", and recording may be offered. */
  get present(): boolean {
    const { state } = this.#query;
    return state.status === 'ready' && state.value === 'present';
  }

  /** Not known yet: the element shows its pending state, not a list that may be empty for want of the chart. */
  get pending(): boolean {
    const { status } = this.#query.state;
    return status === 'pending';
  }

  /** `absent` or `importing` while the chart is not here; undefined when it is, or when the store could not say (its own queries report why). */
  get missing(): Exclude<ChartPresence, 'present'> | undefined {
    const { state } = this.#query;
    return state.status === 'ready' && state.value !== 'present' ? state.value : undefined;
  }

  /** The notice an element shows in place of its list while the chart is missing; `className` is the element's own status class. */
  notice(className = 'state'): TemplateResult | undefined {
    const missing = this.missing;
    if (!missing) return undefined;
    return html`<p
      part="status"
      class="${className} not-on-device"
      data-presence=${missing}
      role="status"
    >
      ${chartPresenceMessages[missing]}
    </p>`;
  }
}
