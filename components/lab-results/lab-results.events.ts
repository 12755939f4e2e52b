import type { ResourceKey } from '../../model/index.js';
import { KitDetailEvent } from '../shared/kit-event.js';

// Public events of <emr-lab-results>: bubbling and composed, so that a host
// page hears them through any shadow roots the element sits in.

export interface LabResultSelectDetail {
  patientId: string;
  /** The Observation chosen. */
  key: ResourceKey;
  /** The DiagnosticReport that holds it, when one does (a host may open it in a report viewer). */
  report?: ResourceKey;
}

/**
 * A clinician chooses a result in the table. Cancelable: a host that shows
 * the result its own way (a report viewer) calls `preventDefault()`, and the
 * element opens no detail of its own.
 */
export class EmrLabResultSelectEvent extends KitDetailEvent<LabResultSelectDetail> {
  static readonly eventName = 'emr-lab-result-select';

  constructor(detail: LabResultSelectDetail) {
    super(EmrLabResultSelectEvent.eventName, detail, { cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'emr-lab-result-select': EmrLabResultSelectEvent;
  }
}
