// Importing the six Synthea bundles into a fresh chart store, against the
// floor of writing what the import leaves in the query index: raw IndexedDB
// puts of the same projected `records` rows, in one transaction, into an
// object store indexed like the store's. The ratio is what the kit does on
// top of that floor: reading and validating the bundles, building revisions,
// the Yjs documents and their log, the history table, and Dexie.
import type { FhirResource, ImportProgress, ImportSummary } from '../../model/index.js';
import { documentOf } from '../../storage/new-revision.js';
import { importBundle, openChartStore, type DexieChartStore } from '../../storage/index.js';
import {
  loadFixtureSet,
  perSecond,
  summarise,
  toResult,
  type BenchResult,
} from '../harness/index.js';
import { measurePhasedPair } from '../harness/phased.js';
import {
  deleteRaw,
  openRawRecords,
  projectedRows,
  putRows,
  resourcesOf,
} from './support/raw-records.js';
import { BENCH_USER, benchDatabaseName, deleteDatabase } from './support/stores.js';

const SET = 'synthea';

export default async function storeImport(): Promise<BenchResult[]> {
  // Fetched, read and projected once, outside the timing.
  const files = [...(await loadFixtureSet(SET))];
  const texts = files.map(([, text]) => text);
  const resources = resourcesOf(texts);
  const rows = projectedRows(resources, BENCH_USER);

  const subject = {
    async setup() {
      const name = benchDatabaseName('import');
      return { name, store: await openChartStore({ databaseName: name, user: BENCH_USER }) };
    },
    async run({ store }: { store: DexieChartStore }) {
      let imported = 0;
      const clock = new PhaseClock();
      for (const text of texts)
        imported += total(await importBundle(store, text, { onProgress: clock.onProgress }));
      phases.push(clock.totals);
      // A store that drops resources must not report a figure.
      if (imported !== resources.length)
        throw new Error(`imported ${imported} resources, expected ${resources.length}`);
      return imported;
    },
    async teardown({ name, store }: { name: string; store: DexieChartStore }) {
      await store.close();
      await deleteDatabase(name);
    },
  };

  const baseline = {
    async setup() {
      const name = benchDatabaseName('raw-import');
      return { name, db: await openRawRecords(name) };
    },
    run: ({ db }: { db: IDBDatabase }) => putRows(db, rows),
    teardown: ({ name, db }: { name: string; db: IDBDatabase }) => deleteRaw(db, name),
  };

  const phases: PhaseTotals[] = [];
  const samples = await measurePhasedPair(subject, baseline, { repeat: 11, warmup: 2 });
  const median = (pick: (p: PhaseTotals) => number) =>
    summarise(phases.slice(-samples.subject.length).map(pick)).median.toFixed(0);
  const notes = {
    files: files.length,
    resources: resources.length,
    rows: rows.length,
    documents: documentCount(resources),
    'ms reading + checking the bundles, existence checks, revisions': median((p) => p.validate),
    'ms opening documents + Yjs appends, up to the first projected document': median(
      (p) => p.prepare,
    ),
    'ms in the save transaction from the first projected document': median((p) => p.save),
  };
  return [
    toResult({ name: 'store-import.time', unit: 'ms', ...samples, target: { max: 2.5 }, notes }),
    // Baseline: the resources per second if importing were only putting the projected rows.
    toResult({
      name: 'store-import.throughput',
      unit: 'resources/s',
      subject: perSecond(resources.length, samples.subject),
      baseline: perSecond(resources.length, samples.baseline),
      target: { min: 0.4 },
      notes,
    }),
  ];
}

interface PhaseTotals {
  validate: number;
  prepare: number;
  save: number;
}

/**
 * Where an import's time goes, from its progress events: 'validating' at the
 * start, 'writing' with nothing done once the bundle is read and the
 * revisions built, the first 'writing' with some done once the first
 * document's update is saved and projected, 'done' at the end.
 */
class PhaseClock {
  readonly totals: PhaseTotals = { validate: 0, prepare: 0, save: 0 };
  #last = 0;
  #phase: keyof PhaseTotals | undefined;

  readonly onProgress = (progress: ImportProgress): void => {
    const now = performance.now();
    if (this.#phase) this.totals[this.#phase] += now - this.#last;
    this.#last = now;
    if (progress.phase === 'validating') this.#phase = 'validate';
    else if (progress.phase === 'writing')
      this.#phase = progress.done === 0 && this.#phase === 'validate' ? 'prepare' : 'save';
    else this.#phase = undefined;
  };
}

function documentCount(resources: readonly FhirResource[]): number {
  return new Set(resources.map((r) => documentOf(r))).size;
}

function total(summary: ImportSummary): number {
  return Object.values(summary.counts).reduce((n, c) => n + (c ?? 0), 0) - summary.unchanged;
}
