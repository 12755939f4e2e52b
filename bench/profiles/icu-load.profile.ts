// What icu-chart's untimed load does: the generated stay imported one day
// per bundle. DAYS (default 3, `?days=` is not available: edit for longer)
// keeps a profile short; throughput per day is printed to the console.
import { importBundle, openChartStore, type DexieChartStore } from '../../storage/index.js';
import { heapUsed } from '../harness/index.js';
import { collectionBundle, icuChart } from '../generators/icu-chart.js';
import { BENCH_USER, benchDatabaseName } from '../browser/support/stores.js';

const DAYS = 3;
const chart = icuChart();
let store: DexieChartStore | undefined;

export async function setup(): Promise<void> {
  store = await openChartStore({
    databaseName: benchDatabaseName('profile-icu'),
    user: BENCH_USER,
  });
  await importBundle(store, collectionBundle(chart.core()));
  // One day first, off the profile, so that it shows a warm JIT.
  await importBundle(store, collectionBundle(chart.day(0)));
}

export default async function run(): Promise<string> {
  const lines: string[] = [];
  for (let d = 1; d <= DAYS; d++) {
    const bundle = collectionBundle(chart.day(d));
    const t = performance.now();
    await importBundle(store!, bundle);
    const ms = performance.now() - t;
    lines.push(
      `day ${d}: ${ms.toFixed(0)} ms, ${Math.round((chart.observationsPerDay * 1000) / ms)} obs/s, heap ${((await heapUsed()) / 1e6).toFixed(0)} MB`,
    );
    console.log(lines.at(-1));
  }
  return lines.join('; ');
}
