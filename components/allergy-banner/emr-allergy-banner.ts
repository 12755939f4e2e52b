import { EmrAllergyBanner } from './allergy-banner.js';

export { EmrAllergyBanner };

customElements.define('emr-allergy-banner', EmrAllergyBanner);

declare global {
  interface HTMLElementTagNameMap {
    'emr-allergy-banner': EmrAllergyBanner;
  }
}
