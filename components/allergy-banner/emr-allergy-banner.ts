import { EmrAllergyBanner } from './allergy-banner.js';
import { defineElement } from '../shared/define-element.js';

export { EmrAllergyBanner };
export * from './allergy-banner.events.js';

defineElement('emr-allergy-banner', EmrAllergyBanner);

declare global {
  interface HTMLElementTagNameMap {
    'emr-allergy-banner': EmrAllergyBanner;
  }
}
