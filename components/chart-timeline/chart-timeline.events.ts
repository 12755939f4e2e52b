import type { ResourceKey, ResourceType } from '../../model/index.js';
import { KitDetailEvent } from '../shared/kit-event.js';

// Public events of <emr-chart-timeline>: bubbling and composed, so that a
// host page hears them through any shadow roots the timeline sits in. Not
// cancelable: it asks the host to open a view, which has no default to veto.

export interface TimelineSelectDetail {
  /** The FHIR type of the entry's resource (`Observation` for a vital-sign set). */
  resourceType: ResourceType;
  /** The FHIR id of the resource (of a set: its first observation). */
  id: string;
  /** `<resourceType>/<id>`. */
  key: ResourceKey;
  /** Every resource of the entry: one, or each observation of a vital-sign set. */
  keys: ResourceKey[];
  /** When the entry happened (ISO). */
  date: string;
}

/** A clinician chose an entry (click, Enter or Space): the host may open it. */
export class EmrTimelineSelectEvent extends KitDetailEvent<TimelineSelectDetail> {
  static readonly eventName = 'emr-timeline-select';

  constructor(detail: TimelineSelectDetail) {
    super(EmrTimelineSelectEvent.eventName, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'emr-timeline-select': EmrTimelineSelectEvent;
  }
}
