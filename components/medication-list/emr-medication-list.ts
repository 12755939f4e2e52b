import { EmrMedicationList } from './medication-list.js';

export { EmrMedicationList };
export * from './medication-list.events.js';

customElements.define('emr-medication-list', EmrMedicationList);

declare global {
  interface HTMLElementTagNameMap {
    'emr-medication-list': EmrMedicationList;
  }
}
