import { EmrAllergyForm } from './allergy-form.js';
import { defineElement } from '../shared/define-element.js';

export { EmrAllergyForm };
export * from './allergy-form.events.js';

defineElement('emr-allergy-form', EmrAllergyForm);

declare global {
  interface HTMLElementTagNameMap {
    'emr-allergy-form': EmrAllergyForm;
  }
}
