// The three summary elements over the local store, as a host page embeds
// them for the quickest start: the store is imported first, so it starts
// (IndexedDB opens and, on a first visit (`?import`), chart.json and the
// bundle reader are fetched) before the elements' modules are evaluated;
// static imports let the browser fetch every module at once. The store is
// handed to the elements; a first visit shows the chart from the bundle
// while it is stored.
import { imported, store } from './start-store.js';
import './summary-elements.js';
import { expectedRows, IMPORT_DONE, probeRows, reportError } from './rows-probe.js';
import { timeUpdates } from './update-timing.js';

performance.mark('start:modules-evaluated');
const query = new URLSearchParams(location.search);
if (query.has('measure'))
  timeUpdates(['emr-allergy-banner', 'emr-medication-list', 'emr-vitals-grid', 'emr-vitals-trend']);
const patientId = query.get('patient') ?? '';
const expected = expectedRows();
const [banner, list, grid] = ['emr-allergy-banner', 'emr-medication-list', 'emr-vitals-grid'].map(
  (tag) => document.querySelector(tag)!,
);
const count = (element: Element, selector: string) =>
  element.shadowRoot?.querySelectorAll(selector).length ?? 0;
probeRows(
  () =>
    count(banner!, '[part~="item"]') >= expected.allergies &&
    count(list!, '[part~="item"]') >= expected.medications &&
    count(grid!, 'thead th[scope=col]') >= expected.columns,
);

for (const element of [banner, list, grid] as Array<
  HTMLElement & { store: typeof store; patientId: string }
>) {
  element.patientId = patientId;
  element.store = store;
}
// Not awaited at the top level: a module the store loads later imports from
// this page's chunk when a host bundles the start in one, and would wait for it.
imported?.then(
  () => {
    performance.mark('start:imported');
    console.info(IMPORT_DONE);
  },
  (error: unknown) => {
    reportError(error);
    console.info(IMPORT_DONE);
  },
);
