import type { DeliveryState } from '../../model/index.js';
import { KitDetailEvent } from '../shared/kit-event.js';

// Public events of <emr-ehr-link>: bubbling and composed, so that a host
// page hears them through any shadow roots the element sits in.

/** The delivery states that are problems for a clinician to act on. */
export type DeliveryProblem = Extract<DeliveryState, 'conflict' | 'not-accepted' | 'refused'>;

export interface EhrLinkSelectDetail {
  /** Which problem the clinician chose: the host takes them to the records in that state. */
  state: DeliveryProblem;
  /** How many changes were in that state when they chose it. */
  count: number;
}

/**
 * A clinician chose a count of problems (conflicts, not accepted, refused) to
 * see those records. Not cancelable: the element does nothing by itself.
 */
export class EmrEhrLinkSelectEvent extends KitDetailEvent<EhrLinkSelectDetail> {
  static readonly eventName = 'emr-ehr-link-select';

  constructor(detail: EhrLinkSelectDetail) {
    super(EmrEhrLinkSelectEvent.eventName, detail);
  }
}

export interface EhrSignInDetail {
  /** Why the hospital record asked for a sign-in, in its words; may be empty. */
  problem: string;
  /** Changes kept on the device, waiting to go out once signed in. */
  waiting: number;
}

/**
 * A clinician asked to sign in again after the hospital record refused their
 * token. Not cancelable: the host signs in and tells the delivery
 * (`signedIn()`), which sends again.
 */
export class EmrEhrSignInEvent extends KitDetailEvent<EhrSignInDetail> {
  static readonly eventName = 'emr-ehr-sign-in';

  constructor(detail: EhrSignInDetail) {
    super(EmrEhrSignInEvent.eventName, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'emr-ehr-link-select': EmrEhrLinkSelectEvent;
    'emr-ehr-sign-in': EmrEhrSignInEvent;
  }
}
