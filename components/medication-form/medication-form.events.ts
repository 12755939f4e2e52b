import type { CardOverride, DetectedIssue, Medication } from '../../model/index.js';
import { KitDetailEvent } from '../shared/kit-event.js';

// Public events of <emr-medication-form>: bubbling and composed, fired for
// a clinician's save only, before anything is written.

export interface MedicationRecordDetail {
  /** The MedicationRequest or MedicationStatement as the form will write it. */
  resource: Medication;
  /** One per overridden decision-support card, written with it in one change. */
  detectedIssues: DetectedIssue[];
  /** The overrides the clinician gave, with their cards. */
  overrides: CardOverride[];
}

/** A clinician saves a medication. Cancelable: a host that cancels it stops the save. */
export class EmrMedicationRecordEvent extends KitDetailEvent<MedicationRecordDetail> {
  static readonly eventName = 'emr-medication-record';

  constructor(detail: MedicationRecordDetail) {
    super(EmrMedicationRecordEvent.eventName, detail, { cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'emr-medication-record': EmrMedicationRecordEvent;
  }
}
