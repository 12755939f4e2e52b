// What the schema upgrades of an existing chart database cost, on the whole
// ICU stay (302,400 vital signs): version 4 counts observations per day
// (`countAllDays`), version 5 re-indexes observations by LOINC
// (`reindexObservationCodes`). Each runs in its own transaction, as in the
// upgrade. Setup loads the stay (about a minute and a half).
import { ChartDatabase, openChartStore } from '../../storage/index.js';
import { countAllDays } from '../../storage/lane-days.js';
import { reindexObservationCodes } from '../../storage/reindex-observation-codes.js';
import { icuChart } from '../generators/icu-chart.js';
import { loadIcuStay } from './support/icu-stay.js';
import { BENCH_USER, benchDatabaseName } from '../browser/support/stores.js';

const chart = icuChart();
const name = benchDatabaseName('profile-upgrades');

export async function setup(): Promise<void> {
  const store = await openChartStore({ databaseName: name, user: BENCH_USER });
  await loadIcuStay(store, chart);
  await store.close();
}

export default async function run(): Promise<string[]> {
  const db = new ChartDatabase(name);
  await db.open();
  const timed = async (label: string, work: () => Promise<void>) => {
    const start = performance.now();
    await work();
    return `${label}: ${(performance.now() - start).toFixed(0)} ms`;
  };
  const lines = [
    await timed('count every day (version 4)', () =>
      db.transaction('rw', db.records, db.laneDays, async () => {
        await db.laneDays.clear();
        await countAllDays(db.records, db.laneDays);
      }),
    ),
    await timed('re-index observation codes (version 5)', () =>
      db.transaction('rw', db.records, () => reindexObservationCodes(db.records)),
    ),
    `${await db.records.count()} records, ${await db.laneDays.count()} day counts`,
  ];
  db.close();
  for (const line of lines) console.log(line);
  return lines;
}
