import type {
  AllergyIntolerance,
  CardOverride,
  DetectedIssue,
  ResourceKey,
} from '../../model/index.js';
import { KitDetailEvent } from '../shared/kit-event.js';

// Public events of <emr-allergy-form>: bubbling and composed, fired for a
// clinician's save only, before anything is written.

export interface AllergyRecordDetail {
  /** The AllergyIntolerance as the form will write it: an allergy, or a "no known allergy" assertion. */
  resource: AllergyIntolerance;
  /** "No known allergy" records the new allergy supersedes: each is made inactive by a revision. */
  supersedes: ResourceKey[];
  /** One per overridden decision-support card, written with it in one change. */
  detectedIssues: DetectedIssue[];
  overrides: CardOverride[];
}

/** A clinician saves an allergy or an assertion of none. Cancelable: a host that cancels it stops the save. */
export class EmrAllergyRecordEvent extends KitDetailEvent<AllergyRecordDetail> {
  static readonly eventName = 'emr-allergy-record';

  constructor(detail: AllergyRecordDetail) {
    super(EmrAllergyRecordEvent.eventName, detail, { cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'emr-allergy-record': EmrAllergyRecordEvent;
  }
}
