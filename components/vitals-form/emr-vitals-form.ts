import { EmrVitalsForm } from './vitals-form.js';
import { defineElement } from '../shared/define-element.js';

export { EmrVitalsForm };
export * from './vitals-form.events.js';

defineElement('emr-vitals-form', EmrVitalsForm);

declare global {
  interface HTMLElementTagNameMap {
    'emr-vitals-form': EmrVitalsForm;
  }
}
