// What the vitals grid's first render spends: Vito Feeney's 148 vital signs
// at 37 times, its first page of eight columns, rendered twenty times from a
// warm store (as summary-render times it).
import '../../components/vitals-grid/emr-vitals-grid.js';
import type { ChartStore } from '../../model/index.js';
import { importBundle, openChartStore, type DexieChartStore } from '../../storage/index.js';
import { fixtureText, listFixtures } from '../harness/index.js';
import { BENCH_USER, benchDatabaseName } from '../browser/support/stores.js';

let store: DexieChartStore;
let patientId = '';

export async function setup(): Promise<void> {
  const file = (await listFixtures('synthea')).find((name) => name.startsWith('Vito_Feeney'))!;
  store = await openChartStore({
    databaseName: benchDatabaseName('profile-vitals'),
    user: BENCH_USER,
  });
  patientId = (await importBundle(store, await fixtureText('synthea', file))).patientIds[0]!;
}

export default async function run(): Promise<number> {
  for (let i = 0; i < 20; i++) {
    const element = document.createElement('emr-vitals-grid') as HTMLElement & {
      store?: ChartStore;
      patientId: string;
    };
    element.store = store;
    element.patientId = patientId;
    document.body.append(element);
    while ((element.shadowRoot?.querySelectorAll('thead th[scope=col]').length ?? 0) < 8)
      await new Promise((r) => setTimeout(r, 1));
    element.remove();
  }
  return 8;
}
