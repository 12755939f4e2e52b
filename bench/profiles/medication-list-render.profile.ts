// What the medication list's first render spends: Fletcher Hyatt's 122
// medication requests, rendered ten times from a warm store.
import '../../components/medication-list/emr-medication-list.js';
import { firstValue, type ChartStore } from '../../model/index.js';
import { importBundle, openChartStore, type DexieChartStore } from '../../storage/index.js';
import { fixtureText, listFixtures } from '../harness/index.js';
import { BENCH_USER, benchDatabaseName } from '../browser/support/stores.js';

let store: DexieChartStore;
let patientId = '';
let rows = 0;

export async function setup(): Promise<void> {
  const file = (await listFixtures('synthea')).find((name) => name.startsWith('Fletcher_Hyatt'))!;
  store = await openChartStore({
    databaseName: benchDatabaseName('profile-medlist'),
    user: BENCH_USER,
  });
  patientId = (await importBundle(store, await fixtureText('synthea', file))).patientIds[0]!;
  rows = (await firstValue(store.medications(patientId))).length;
}

export default async function run(): Promise<number> {
  for (let i = 0; i < 10; i++) {
    const element = document.createElement('emr-medication-list') as HTMLElement & {
      store?: ChartStore;
      patientId: string;
    };
    element.store = store;
    element.patientId = patientId;
    document.body.append(element);
    while ((element.shadowRoot?.querySelectorAll('[part~="item"]').length ?? 0) < rows)
      await new Promise((r) => setTimeout(r, 1));
    element.remove();
  }
  return rows;
}
