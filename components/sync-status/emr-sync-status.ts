import { EmrSyncStatus } from './sync-status.js';

export { EmrSyncStatus };

customElements.define('emr-sync-status', EmrSyncStatus);

declare global {
  interface HTMLElementTagNameMap {
    'emr-sync-status': EmrSyncStatus;
  }
}
