import type { RecordDeliveries } from '../../model/index.js';
import type { MedicationActions } from './medication-actions.js';
import type { MedicationHistoryController } from './medication-history-controller.js';
import type { SectionId } from './medication-sections.js';

/** What one medication's template needs from the list. */
export interface EntryContext {
  /** Unique in the list, stable for the record: for ids. */
  id: string;
  section: SectionId;
  readOnly: boolean;
  actions: MedicationActions;
  history: MedicationHistoryController;
  /** Where each record stands with the hospital record: empty when the store does not deliver. */
  deliveries: RecordDeliveries;
}
