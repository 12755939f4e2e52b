import type { Observation } from '../../model/index.js';

/**
 * A clinician asks to record a set of vital signs. Cancelable: a host that
 * vetoes it (`preventDefault()`) keeps the set out of the chart, and the
 * form stays open with what was typed.
 */
export class EmrVitalsRecordEvent extends Event {
  static readonly eventName = 'emr-vitals-record';

  constructor(
    readonly patientId: string,
    /** The FHIR R4 vital-sign Observations about to be recorded, one per sign (blood pressure as one panel). */
    readonly observations: readonly Observation[],
    /** The time of the set (ISO), the effectiveDateTime of every observation. */
    readonly effectiveDateTime: string,
  ) {
    super(EmrVitalsRecordEvent.eventName, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'emr-vitals-record': EmrVitalsRecordEvent;
  }
}
