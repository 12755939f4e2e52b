// The store starts (IndexedDB opens) before the elements' modules are
// evaluated. A first visit (`?import`) fetches the chart at once and imports
// it (the request its head made): its rows are shown from the bundle while
// the store loads and stores it.
import { startChartStore } from '../../../storage/started-chart-store.js';
import { chartText } from './chart-text.js';

export const store = startChartStore({
  user: { id: 'u1', displayName: 'Clinician', role: 'clinician' },
});

/** The first visit's import, as a host fetches its data while its code loads; undefined on a later visit. */
export const imported = new URLSearchParams(location.search).has('import')
  ? store.importBundle(chartText())
  : undefined;
imported?.catch(() => undefined); // kit.ts reports it
