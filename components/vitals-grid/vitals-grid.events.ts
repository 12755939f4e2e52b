import type { Observation } from '../../model/index.js';
import { KitDetailEvent } from '../shared/kit-event.js';

// Public events of <emr-vitals-grid>: bubbling and composed, so that a host
// page hears them through any shadow roots the grid sits in.

export interface VitalsRecordDetail {
  patientId: string;
  /** The FHIR R4 vital-sign Observations about to be recorded, one per sign (blood pressure as one panel). */
  observations: readonly Observation[];
  /** The time of the set (ISO), the effectiveDateTime of every observation. */
  effectiveDateTime: string;
}

/**
 * A clinician asks to record a set of vital signs. Cancelable: a host that
 * vetoes it (`preventDefault()`) keeps the set out of the chart, and the
 * form stays open with what was typed.
 */
export class EmrVitalsRecordEvent extends KitDetailEvent<VitalsRecordDetail> {
  static readonly eventName = 'emr-vitals-record';

  constructor(detail: VitalsRecordDetail) {
    super(EmrVitalsRecordEvent.eventName, detail, { cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'emr-vitals-record': EmrVitalsRecordEvent;
  }
}
