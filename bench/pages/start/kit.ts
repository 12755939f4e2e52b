// The three summary elements over the local store, as a host page embeds
// them: start the store, hand it to the elements; on a first visit
// (`?import`), import the chart from chart.json too. The store starts in the
// page's first module, before the elements' modules are evaluated, so that
// IndexedDB opens while they are.
import { store } from './start-store.js';
import '../../../components/allergy-banner/emr-allergy-banner.js';
import '../../../components/medication-list/emr-medication-list.js';
import '../../../components/vitals-grid/emr-vitals-grid.js';
import { importBundle } from '../../../storage/index.js';
import { expectedRows, probeRows, reportError } from './rows-probe.js';

performance.mark('start:modules-evaluated');
const query = new URLSearchParams(location.search);
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
if (query.has('import')) {
  try {
    await importBundle(await store.opened(), await (await fetch('./chart.json')).text());
    performance.mark('start:imported');
  } catch (error) {
    reportError(error);
  }
}
