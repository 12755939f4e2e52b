// The store starts (IndexedDB opens) before the elements' modules are
// evaluated. A first visit (`?import`) opens the whole store at once, as its
// first work is a write, and fetches the import's code meanwhile.
import { prepareImport } from '../../../storage/import-bundle.js';
import { startChartStore } from '../../../storage/started-chart-store.js';

export const store = startChartStore({
  user: { id: 'u1', displayName: 'Clinician', role: 'clinician' },
});
if (new URLSearchParams(location.search).has('import')) {
  void store.opened().catch(() => undefined);
  void prepareImport().catch(() => undefined); // importBundle says why
}
