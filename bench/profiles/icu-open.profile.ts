// What icu-chart times: open the stay's store, first value of the last 24
// hours of vitals (10,080 observations), close. Setup loads the stay (about
// a minute and a half); the profile covers three cold opens, each after the
// 3 s Dexie keeps a query's result cached (that wait shows as idle).
import { openChartStore } from '../../storage/index.js';
import { icuChart } from '../generators/icu-chart.js';
import { loadIcuStay } from './support/icu-stay.js';
import { BENCH_USER, benchDatabaseName, firstValue } from '../browser/support/stores.js';

const chart = icuChart();
const name = benchDatabaseName('profile-icu-open');

export async function setup(): Promise<void> {
  const store = await openChartStore({ databaseName: name, user: BENCH_USER });
  await loadIcuStay(store, chart);
  await store.close();
  await new Promise((resolve) => setTimeout(resolve, 3200));
}

export default async function run(): Promise<string[]> {
  const lines: string[] = [];
  const from = new Date(Date.parse(chart.end) - 86_400_000).toISOString();
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    const store = await openChartStore({ databaseName: name, user: BENCH_USER });
    const opened = performance.now();
    const value = await firstValue(store.vitals(chart.patientId, { from, to: chart.end }));
    const done = performance.now();
    lines.push(
      `open ${(opened - start).toFixed(0)} ms, first value ${(done - opened).toFixed(0)} ms, ${value.length} observations`,
    );
    await store.close();
    await new Promise((resolve) => setTimeout(resolve, 3200));
  }
  return lines;
}
