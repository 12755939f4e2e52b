import { EmrVitalsForm } from './vitals-form.js';

customElements.define('emr-vitals-form', EmrVitalsForm);

declare global {
  interface HTMLElementTagNameMap {
    'emr-vitals-form': EmrVitalsForm;
  }
}
