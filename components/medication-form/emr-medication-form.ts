import { EmrMedicationForm } from './medication-form.js';
import { defineElement } from '../shared/define-element.js';

export { EmrMedicationForm };
export * from './medication-form.events.js';

defineElement('emr-medication-form', EmrMedicationForm);

declare global {
  interface HTMLElementTagNameMap {
    'emr-medication-form': EmrMedicationForm;
  }
}
