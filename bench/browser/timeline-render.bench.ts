// First render of <emr-chart-timeline> on an intensive-care stay at full
// size — 30 days of minute-by-minute vital signs, 302,400 observations
// (bench/generators/icu-chart.ts), loaded once outside the timing — against
// its first render on the smallest Synthea chart (Brent Beer), in the same
// page. Timed: from the element entering the page to its first screen drawn
// (the density strip's bars and the first rows of the list). Target: within
// 2× — the timeline reads a window and index counts, never the whole chart.
//
// Each sample waits 3.2 s after the previous element left the page: Dexie
// keeps a live query's last result for 3 s after its last subscriber, and
// that cache would otherwise answer the next sample's queries.
import '../../components/chart-timeline/emr-chart-timeline.js';
import type { ChartStore } from '../../model/index.js';
import { importBundle, openChartStore, type DexieChartStore } from '../../storage/index.js';
import {
  fixtureText,
  heapUsed,
  listFixtures,
  summarise,
  toResult,
  type BenchResult,
} from '../harness/index.js';
import { collectionBundle, icuChart } from '../generators/icu-chart.js';
import { BENCH_USER, benchDatabaseName, deleteDatabase } from './support/stores.js';

const SMALL = 'Brent_Beer';
const REPEAT = 11;
const WARMUP = 1;
/** Rows of the first screen (both charts have more). */
const FIRST_SCREEN = 8;
const DEXIE_CACHE_MS = 3200;
const MB = 1024 * 1024;

interface Chart {
  name: string;
  store: DexieChartStore;
  patientId: string;
}

const gc = () => (globalThis as { gc?: () => void }).gc?.();
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves once the timeline shows its strip and the first screen of rows. */
function firstScreen(element: HTMLElement): Promise<void> {
  const drawn = () => {
    const root = element.shadowRoot;
    if (root?.querySelector('.status.error'))
      throw new Error(`the timeline failed: ${root.querySelector('.status.error')!.textContent}`);
    return (
      !!root?.querySelector('button.bar') &&
      root.querySelectorAll('.list [role=listitem]').length >= FIRST_SCREEN
    );
  };
  return new Promise((resolve, reject) => {
    const observer = new MutationObserver(() => {
      try {
        if (drawn()) {
          observer.disconnect();
          resolve();
        }
      } catch (error) {
        observer.disconnect();
        reject(error);
      }
    });
    observer.observe(element.shadowRoot!, { childList: true, subtree: true });
  });
}

/** One sample: the element put in the page, until its first screen; then it leaves. */
async function sample(chart: Chart, host: HTMLElement): Promise<{ ms: number; rows: number }> {
  await pause(DEXIE_CACHE_MS);
  gc();
  await pause(20);
  const element = document.createElement('emr-chart-timeline') as HTMLElement & {
    store?: ChartStore;
    patientId: string;
  };
  element.store = chart.store;
  element.patientId = chart.patientId;
  const start = performance.now();
  host.append(element);
  await firstScreen(element);
  const ms = performance.now() - start;
  const rows = element.shadowRoot!.querySelectorAll('.list [role=listitem]').length;
  element.remove();
  return { ms, rows };
}

async function loadSmall(): Promise<Chart> {
  const file = (await listFixtures('synthea')).find((f) => f.startsWith(SMALL));
  if (!file) throw new Error(`no ${SMALL} fixture`);
  const name = benchDatabaseName('timeline-small');
  const store = await openChartStore({ databaseName: name, user: BENCH_USER });
  const { patientIds } = await importBundle(store, await fixtureText('synthea', file));
  return { name, store, patientId: patientIds[0]! };
}

async function loadIcu(): Promise<Chart & { observations: number; loadMs: number }> {
  const icu = icuChart();
  const name = benchDatabaseName('timeline-icu');
  const store = await openChartStore({ databaseName: name, user: BENCH_USER });
  const start = performance.now();
  await importBundle(store, collectionBundle(icu.core()));
  for (let d = 0; d < icu.days; d++) {
    await importBundle(store, collectionBundle(icu.day(d)));
    store.documents.forget(); // as a long import should: the store keeps written documents until it closes
  }
  return {
    name,
    store,
    patientId: icu.patientId,
    observations: icu.observationCount,
    loadMs: performance.now() - start,
  };
}

export default async function timelineRender(): Promise<BenchResult[]> {
  const small = await loadSmall();
  const icu = await loadIcu();
  const host = document.body.appendChild(document.createElement('div'));
  try {
    for (let i = 0; i < WARMUP; i++) {
      await sample(small, host);
      await sample(icu, host);
    }
    const subject: number[] = [];
    const baseline: number[] = [];
    let rows = { icu: 0, small: 0 };
    for (let i = 0; i < REPEAT; i++) {
      const order = i % 2 === 0 ? [small, icu] : [icu, small];
      for (const chart of order) {
        const s = await sample(chart, host);
        (chart === icu ? subject : baseline).push(s.ms);
        rows = chart === icu ? { ...rows, icu: s.rows } : { ...rows, small: s.rows };
      }
    }
    const notes = {
      'icu observations': icu.observations,
      'icu load, s': Number((icu.loadMs / 1000).toFixed(1)),
      'rows in the DOM at first screen (icu / small)': `${rows.icu} / ${rows.small}`,
      'heap with both stores open, MB': Number(((await heapUsed()) / MB).toFixed(1)),
      'p95 ms (icu / small)': `${summarise(subject).p95.toFixed(1)} / ${summarise(baseline).p95.toFixed(1)}`,
    };
    return [
      toResult({
        name: 'timeline-render.first-screen',
        unit: 'ms',
        subject,
        baseline,
        target: { max: 2 },
        notes,
      }),
    ];
  } finally {
    host.remove();
    await icu.store.close();
    await small.store.close();
    await deleteDatabase(icu.name);
    await deleteDatabase(small.name);
  }
}
