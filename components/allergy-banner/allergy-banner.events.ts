import type { ResourceKey } from '../../model/index.js';
import { KitDetailEvent } from '../shared/kit-event.js';

// Public events of <emr-allergy-banner>: bubbling and composed, so that a
// host page hears them through any shadow roots the banner sits in. Neither
// is cancelable: both ask the host to open a view, which there is no default
// action to veto.

export interface AllergySelectDetail {
  /** `AllergyIntolerance/<id>`. */
  key: ResourceKey;
  /** The FHIR id of the AllergyIntolerance. */
  id: string;
}

export interface AllergyConflictSelectDetail extends AllergySelectDetail {
  /** The revision ids of every head in conflict, for a resolution view (`ChartStore.resolveConflict`). */
  heads: string[];
}

/** A clinician activated an allergy: the host may open its details. */
export class EmrAllergySelectEvent extends KitDetailEvent<AllergySelectDetail> {
  static readonly eventName = 'emr-allergy-select';

  constructor(detail: AllergySelectDetail) {
    super(EmrAllergySelectEvent.eventName, detail);
  }
}

/** A clinician asked to review a record in conflict: the host may open a resolution view. */
export class EmrAllergyConflictSelectEvent extends KitDetailEvent<AllergyConflictSelectDetail> {
  static readonly eventName = 'emr-allergy-conflict-select';

  constructor(detail: AllergyConflictSelectDetail) {
    super(EmrAllergyConflictSelectEvent.eventName, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'emr-allergy-select': EmrAllergySelectEvent;
    'emr-allergy-conflict-select': EmrAllergyConflictSelectEvent;
  }
}
