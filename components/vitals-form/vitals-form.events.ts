import type { VitalsEntry } from '../vitals-grid/vitals-observations.js';

/** A checked set of vital signs, submitted from the entry form. Its parent (the vitals grid) records it. */
export class EmrVitalsSubmitEvent extends Event {
  static readonly eventName = 'emr-vitals-submit';

  constructor(readonly entry: VitalsEntry) {
    super(EmrVitalsSubmitEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'emr-vitals-submit': EmrVitalsSubmitEvent;
  }
}
