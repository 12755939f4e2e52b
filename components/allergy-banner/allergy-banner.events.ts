import type { ResourceKey } from '../../model/index.js';

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
export class EmrAllergySelectEvent extends Event {
  static readonly eventName = 'emr-allergy-select';
  readonly detail: AllergySelectDetail;

  constructor(detail: AllergySelectDetail) {
    super(EmrAllergySelectEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

/** A clinician asked to review a record in conflict: the host may open a resolution view. */
export class EmrAllergyConflictSelectEvent extends Event {
  static readonly eventName = 'emr-allergy-conflict-select';
  readonly detail: AllergyConflictSelectDetail;

  constructor(detail: AllergyConflictSelectDetail) {
    super(EmrAllergyConflictSelectEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'emr-allergy-select': EmrAllergySelectEvent;
    'emr-allergy-conflict-select': EmrAllergyConflictSelectEvent;
  }
}
