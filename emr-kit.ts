// The whole kit as one file, for a page without a build step:
//
//   <script type="module" src="/assets/emr-kit.js"></script>
//
// Importing it defines every element, and gives a host what it needs to feed
// them: the local store, bundle import, the sync connection and the context
// key. `npm run build` writes it, with lit, dexie, yjs and zod inside, to
// dist/browser/emr-kit.js; a host with a bundler imports the separate entry
// points instead (emr-kit/storage, emr-kit/components/…), which share their
// libraries with the host's own.
import './components/allergy-banner/emr-allergy-banner.js';
import './components/medication-list/emr-medication-list.js';
import './components/vitals-grid/emr-vitals-grid.js';
import './components/chart-timeline/emr-chart-timeline.js';
import './components/note-editor/emr-note-editor.js';
import './components/note-list/emr-note-list.js';
import './components/sync-status/emr-sync-status.js';
import './components/ehr-link/emr-ehr-link.js';
import './components/problem-list/emr-problem-list.js';
import './components/report-viewer/emr-report-viewer.js';

export {
  importBundle,
  prepareImport,
  openChartStore,
  startChartStore,
  type StartedChartStore,
  type ChartStoreOptions,
  type DexieChartStore,
  type ImportOptions,
} from './storage/index.js';
export { connectChart, type ChartConnection, type ConnectChartOptions } from './sync/index.js';
export {
  chartStoreContext,
  ChartStoreError,
  syncStatusContext,
  deliveryStatusContext,
  type ChartStore,
  type DeliveryStatusSource,
  type ChartUser,
} from './model/index.js';
