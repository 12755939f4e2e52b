// What store-import times: the six Synthea bundles imported into a fresh store.
import { importBundle, openChartStore, type DexieChartStore } from '../../storage/index.js';
import { loadFixtureSet } from '../harness/index.js';
import { BENCH_USER, benchDatabaseName } from '../browser/support/stores.js';

let texts: string[] = [];
let store: DexieChartStore | undefined;

export async function setup(): Promise<void> {
  texts = [...(await loadFixtureSet('synthea')).values()];
  // One untimed import first, so that the profile shows a warm JIT, as the suite's samples do.
  const warm = await openChartStore({
    databaseName: benchDatabaseName('profile-warm'),
    user: BENCH_USER,
  });
  for (const text of texts) await importBundle(warm, text);
  await warm.close();
  store = await openChartStore({
    databaseName: benchDatabaseName('profile-import'),
    user: BENCH_USER,
  });
}

export default async function run(): Promise<number> {
  let n = 0;
  for (let round = 0; round < 3; round++) {
    for (const text of texts) n += (await importBundle(store!, text)).unchanged;
    await store!.close();
    store = await openChartStore({
      databaseName: benchDatabaseName(`profile-import-${round}`),
      user: BENCH_USER,
    });
  }
  return n;
}
