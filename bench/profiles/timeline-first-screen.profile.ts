// What timeline-render times on the ICU stay, query by query: the list's
// newest 200 events and the density strip's counts, each timed alone after
// Dexie's 3 s live-query cache has let go. Setup loads the stay (about a
// minute and a half).
import { openChartStore, type DexieChartStore } from '../../storage/index.js';
import { icuChart } from '../generators/icu-chart.js';
import { loadIcuStay } from './support/icu-stay.js';
import { BENCH_USER, benchDatabaseName, firstValue } from '../browser/support/stores.js';

const chart = icuChart();
let store: DexieChartStore;

export async function setup(): Promise<void> {
  store = await openChartStore({
    databaseName: benchDatabaseName('profile-timeline'),
    user: BENCH_USER,
  });
  await loadIcuStay(store, chart);
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export default async function run(): Promise<string[]> {
  const lines: string[] = [];
  for (let i = 0; i < 3; i++) {
    await pause(3200);
    let start = performance.now();
    const events = await firstValue(store.timeline(chart.patientId, { limit: 200 }));
    const listMs = performance.now() - start;
    await pause(3200);
    start = performance.now();
    const density = await firstValue(store.timelineDensity(chart.patientId, { buckets: 24 }));
    const densityMs = performance.now() - start;
    lines.push(
      `list ${listMs.toFixed(1)} ms (${events.length} events), density ${densityMs.toFixed(1)} ms (${density.buckets.length} buckets)`,
    );
  }
  return lines;
}
