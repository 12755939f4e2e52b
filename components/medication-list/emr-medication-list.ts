import { EmrMedicationList } from './medication-list.js';
import { defineElement } from '../shared/define-element.js';

export { EmrMedicationList };
export * from './medication-list.events.js';

defineElement('emr-medication-list', EmrMedicationList);

declare global {
  interface HTMLElementTagNameMap {
    'emr-medication-list': EmrMedicationList;
  }
}
