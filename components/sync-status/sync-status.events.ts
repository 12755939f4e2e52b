import type { SyncRefusalReason } from '../../model/index.js';
import { KitDetailEvent } from '../shared/kit-event.js';

// Public events of <emr-sync-status>: bubbling and composed, so that a host
// page hears them through any shadow roots the element sits in.

export interface SyncSignInDetail {
  /** Why the server refused the connection (`unauthenticated`: the button is offered for that alone). */
  reason: SyncRefusalReason;
  /** The server's own words, for support; may be empty. */
  message: string;
  /** Local changes kept on the device, waiting to go out once signed in. */
  waiting: number;
}

/**
 * A clinician asked to sign in again after the server refused their token.
 * Not cancelable: the element does nothing by itself; the host signs in and
 * connects the chart again.
 */
export class EmrSyncSignInEvent extends KitDetailEvent<SyncSignInDetail> {
  static readonly eventName = 'emr-sync-sign-in';

  constructor(detail: SyncSignInDetail) {
    super(EmrSyncSignInEvent.eventName, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'emr-sync-sign-in': EmrSyncSignInEvent;
  }
}
