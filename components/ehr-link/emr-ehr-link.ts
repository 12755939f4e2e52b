import { EmrEhrLink } from './ehr-link.js';
import { defineElement } from '../shared/define-element.js';

export { EmrEhrLink };
export * from './ehr-link.events.js';

defineElement('emr-ehr-link', EmrEhrLink);

declare global {
  interface HTMLElementTagNameMap {
    'emr-ehr-link': EmrEhrLink;
  }
}
