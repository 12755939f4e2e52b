import type { VitalsEntry } from '../vitals-grid/vitals-observations.js';
import { KitDetailEvent } from '../shared/kit-event.js';

// Public events of <emr-vitals-form>: bubbling and composed. Not
// cancelable: the form writes nothing itself; its parent (the vitals grid)
// records the set, and fires its own cancelable `emr-vitals-record` first.

export interface VitalsSubmitDetail {
  /** The checked set, as typed: values in the units the form shows. */
  entry: VitalsEntry;
}

/** A clinician saved a checked set of vital signs. */
export class EmrVitalsSubmitEvent extends KitDetailEvent<VitalsSubmitDetail> {
  static readonly eventName = 'emr-vitals-submit';

  constructor(detail: VitalsSubmitDetail) {
    super(EmrVitalsSubmitEvent.eventName, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'emr-vitals-submit': EmrVitalsSubmitEvent;
  }
}
