// A page showing the three summary elements over the local store: what a
// hospital portal ships when it embeds them, weighed by bundle-size.bench.
import '../../../components/allergy-banner/emr-allergy-banner.js';
import '../../../components/medication-list/emr-medication-list.js';
import '../../../components/vitals-grid/emr-vitals-grid.js';
import { openChartStore } from '../../../storage/index.js';

const store = await openChartStore({
  user: { id: 'u1', displayName: 'Clinician', role: 'clinician' },
});
for (const element of document.querySelectorAll(
  'emr-allergy-banner, emr-medication-list, emr-vitals-grid',
)) {
  (element as HTMLElement & { store: typeof store }).store = store;
}
