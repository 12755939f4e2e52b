import { EmrSyncStatus } from './sync-status.js';
import { defineElement } from '../shared/define-element.js';

export { EmrSyncStatus };
export * from './sync-status.events.js';

defineElement('emr-sync-status', EmrSyncStatus);

declare global {
  interface HTMLElementTagNameMap {
    'emr-sync-status': EmrSyncStatus;
  }
}
