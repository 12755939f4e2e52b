import { EmrCdsCards } from './cds-cards.js';
import { defineElement } from '../shared/define-element.js';

export { EmrCdsCards };
export * from './cds-cards.events.js';

defineElement('emr-cds-cards', EmrCdsCards);

declare global {
  interface HTMLElementTagNameMap {
    'emr-cds-cards': EmrCdsCards;
  }
}
