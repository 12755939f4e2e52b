// Pulling the ICU stay (302,400 observations) from the demo EHR with
// pullChart, against fetching the same searches page by page and importing
// each page as it comes (ehr-pull.bench.ts), one sample each: a pull takes
// minutes. And how soon the stay's newest vital signs are in the store for a
// grid to show (the pull goes newest first), against the whole pull.
import { bearerToken, pullChart } from '../../ehr/index.js';
import { summarise, toResult, type BenchResult } from '../harness/index.js';
import { measurePhasedPair } from '../harness/phased.js';
import { dropStore, fetchAndImport, freshStore, PAGE_SIZE, served } from './ehr-pull.bench.js';
import { firstValue } from './support/stores.js';

export default async function ehrPullIcu(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const icu = await served('icu');
  const stay = icu.patients[0]!;
  const firstDay: number[] = [];
  const whole = await measurePhasedPair(
    {
      setup: freshStore,
      async run({ store }) {
        const start = performance.now();
        // A grid's query: the newest vital signs, as soon as any are saved.
        const shown = firstValue(
          store.vitals(stay.id, { limit: 1 }),
          (rows) => rows.length > 0,
        ).then(() => firstDay.push(performance.now() - start));
        await pullChart(store, {
          fhirBaseUrl: icu.fhirBaseUrl,
          patientId: stay.id,
          auth: bearerToken(stay.token),
          pageSize: PAGE_SIZE,
        });
        await shown;
      },
      teardown: dropStore,
    },
    {
      setup: freshStore,
      run: ({ store }) => fetchAndImport(store, icu, stay),
      teardown: dropStore,
    },
    { repeat: 1, warmup: 0 },
  );
  results.push(
    toResult({
      name: 'ehr-pull-icu.stay',
      unit: 'ms',
      ...whole,
      target: { max: 1.3 },
      notes: { resources: stay.size, 'page size': PAGE_SIZE },
    }),
    // The newest day on screen against the whole pull of the stay: well under 1.
    toResult({
      name: 'ehr-pull-icu.first-day',
      unit: 'ms',
      subject: firstDay,
      baseline: whole.subject,
      target: { max: 1 },
      notes: { 'ms to the whole stay': summarise(whole.subject).median.toFixed(0) },
    }),
  );
  return results;
}
