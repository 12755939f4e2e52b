// Public events of <emr-sync-status>: bubbling and composed, so that a host
// page hears them through any shadow roots the element sits in.

/**
 * A clinician asked to sign in again after the server refused their token.
 * Not cancelable: the element does nothing by itself; the host signs in and
 * connects the chart again.
 */
export class EmrSyncSignInEvent extends Event {
  static readonly eventName = 'emr-sync-sign-in';

  constructor() {
    super(EmrSyncSignInEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'emr-sync-sign-in': EmrSyncSignInEvent;
  }
}
