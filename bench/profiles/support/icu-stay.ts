// The whole generated ICU stay imported into a store, a day bundle at a time
// as icu-chart loads it (about a minute and a half): the setup of the
// profiles that look at a month of monitor data.
import { importBundle, type DexieChartStore } from '../../../storage/index.js';
import { collectionBundle, type IcuChart } from '../../generators/icu-chart.js';

export async function loadIcuStay(store: DexieChartStore, chart: IcuChart): Promise<void> {
  await importBundle(store, collectionBundle(chart.core()));
  for (let d = 0; d < chart.days; d++) {
    await importBundle(store, collectionBundle(chart.day(d)));
    store.documents.forget(); // the day's documents stay in the log, not in memory
  }
}
