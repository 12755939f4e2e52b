import { EmrLabResults } from './lab-results.js';
import { defineElement } from '../shared/define-element.js';

export { EmrLabResults };
export * from './lab-results.events.js';

defineElement('emr-lab-results', EmrLabResults);

declare global {
  interface HTMLElementTagNameMap {
    'emr-lab-results': EmrLabResults;
  }
}
