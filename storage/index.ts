// The local chart store: Dexie for the durable log and the indexed
// projections, Yjs documents for the revisions. Implements the ChartStore port.
export { DexieChartStore, type ChartStoreOptions } from './dexie-chart-store.js';
export { openChartStore } from './open-chart-store.js';
export { startChartStore, StartedChartStore } from './started-chart-store.js';
export { importBundle, prepareImport, type ImportOptions } from './import-bundle.js';
export { ChartDocuments, REVISIONS, type HeldDocument } from './chart-documents.js';
export { ChartDatabase, PROJECTION_VERSION } from './database.js';
export { announceImport, readImportMark, type ImportMark } from './import-marks.js';
export {
  baseVersion,
  ehrIdOf,
  ehrNameOf,
  ehrNamesOf,
  updateBases,
  type EhrName,
  type UpdateBase,
} from './ehr-standing.js';
export {
  waitingChanges,
  settleDeliveries,
  takeOverDeliveries,
  type DeliveryAnswer,
  type OutboxEntry,
} from './outbox.js';
export { earlierRevisions, laterRevisions } from './record-lineage.js';
export { whileDrainingAlone } from './outbox-lock.js';
export type { RecordDelivery, DeliveryCounts } from './delivery-queries.js';
export type { DeliveryState, DeliveryReceipt, OutboxRow } from './outbox-shapes.js';
