// The store starts (IndexedDB opens) before the elements' modules are
// fetched and evaluated. A first visit (`?import`) opens the whole store at
// once, as its first work is a write.
import { startChartStore } from '../../../storage/started-chart-store.js';

export const store = startChartStore({
  user: { id: 'u1', displayName: 'Clinician', role: 'clinician' },
});
if (new URLSearchParams(location.search).has('import')) void store.opened().catch(() => undefined);
