// How long after a write a component sees it: from `store.revise(...)` of one
// medication to the next value of `store.medications(patientId)` that shows
// the change, on a store holding one imported Synthea chart (Douglas Walsh:
// 555 resources, 11 medication requests). One long-lived subscription, as a
// medication list holds; ~100 writes a round, one at a time.
//
// Baseline: the same round on a bare Dexie database — one table holding the
// same projected rows, indexed like `records`, a `liveQuery` over the
// medication range, and a single `put` of the changed row. That is the floor
// of any design that answers live queries from Dexie (IndexedDB commit,
// Dexie's change propagation, a re-run of the query); the ratio is what the
// kit adds (validation, the Yjs append and its log row, the projection and
// history reads inside the transaction, its own query and mapping). The
// write's own duration (until revise() resolves) is in the notes.
import { Dexie, liveQuery, type EntityTable } from 'dexie';
import type { MedicationRequest } from '../../model/index.js';
import type { RecordRow } from '../../storage/database.js';
import { importBundle, openChartStore, type DexieChartStore } from '../../storage/index.js';
import {
  fixtureText,
  listFixtures,
  summarise,
  toResult,
  type BenchResult,
} from '../harness/index.js';
import { budget } from '../harness/phased.js';
import { projectedRows, resourcesOf } from './support/raw-records.js';
import { BENCH_USER, benchDatabaseName, deleteDatabase, firstValue } from './support/stores.js';

const SET = 'synthea';
const FIXTURE = 'Douglas_Walsh';
const WRITES = 100;
const ROUNDS = 7;
/** One frame at 60 Hz: a change should show on the next frame. */
const FRAME_MS = 16;

interface Round {
  /** ms from the write's start to the live value that shows it. */
  latency: number[];
  /** ms from the write's start until its promise resolved. */
  write: number[];
}

/** A live source to write to: `write(i)` starts write i; `shows(value, i)` says whether a value reflects it. */
interface Target<T> {
  subscribe(next: (value: T) => void): () => void;
  write(i: number): Promise<unknown>;
  shows(value: T, i: number): boolean;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** WRITES writes one after another, each timed to the live value that shows it. */
async function round<T>(target: Target<T>, offset: number): Promise<Round> {
  let waiting: { i: number; resolve: (at: number) => void } | undefined;
  let initial: (() => void) | undefined;
  const ready = new Promise<void>((resolve) => (initial = resolve));
  const unsubscribe = target.subscribe((value) => {
    const at = performance.now();
    initial?.();
    if (waiting && target.shows(value, waiting.i)) {
      waiting.resolve(at);
      waiting = undefined;
    }
  });
  await ready;
  (globalThis as { gc?: () => void }).gc?.();
  await pause(20);
  const out: Round = { latency: [], write: [] };
  try {
    for (let n = 0; n < WRITES; n++) {
      const i = offset + n;
      const seen = new Promise<number>((resolve) => (waiting = { i, resolve }));
      const start = performance.now();
      const written = target.write(i).then(() => performance.now());
      const [shownAt, writtenAt] = await Promise.all([seen, written]);
      out.latency.push(shownAt - start);
      out.write.push(writtenAt - start);
      // Writes a person makes are apart: each starts on a quiet store.
      await pause(5);
    }
  } finally {
    unsubscribe();
  }
  return out;
}

function marker(i: number): string {
  return `bench write ${i}`;
}

async function kitTarget(text: string): Promise<{
  target: Target<Array<{ key: string; current: { note?: Array<{ text: string }> } }>>;
  close(): Promise<void>;
}> {
  const name = benchDatabaseName('live');
  const store: DexieChartStore = await openChartStore({ databaseName: name, user: BENCH_USER });
  const summary = await importBundle(store, text);
  const patientId = summary.patientIds[0]!;
  const [first] = await firstValue(store.medications(patientId), (list) => list.length > 0);
  if (!first) throw new Error('the fixture has no medication');
  const key = first.key;
  let resource = first.current as MedicationRequest;
  let head = first.heads[0]!.revisionId;
  return {
    target: {
      subscribe(next) {
        return store.medications(patientId).subscribe({
          next,
          error: (e) => console.error(`medications(${patientId}): ${e.message}`),
        });
      },
      async write(i) {
        resource = { ...resource, note: [{ text: marker(i) }] };
        head = (await store.revise(resource, head)).revisionId;
      },
      shows: (list, i) =>
        list.some((r) => r.key === key && r.current.note?.[0]?.text === marker(i)),
    },
    async close() {
      await store.close();
      await deleteDatabase(name);
    },
  };
}

type BareDb = Dexie & { rows: EntityTable<RecordRow, 'key'> };

async function bareTarget(
  text: string,
): Promise<{ target: Target<RecordRow[]>; close(): Promise<void> }> {
  const name = benchDatabaseName('live-bare');
  const db = new Dexie(name) as BareDb;
  db.version(1).stores({
    rows: 'key, [patientId+lane+date], [patientId+lane+code+date], [patientId+date], [patientId+conflict]',
  });
  const rows = projectedRows(resourcesOf([text]), BENCH_USER);
  await db.rows.bulkPut(rows);
  const row = rows.find((r) => r.resourceType === 'MedicationRequest');
  if (!row) throw new Error('the fixture has no medication');
  const patientId = row.patientId;
  const query = () =>
    db.rows
      .where('[patientId+lane+date]')
      .between(
        [patientId, 'MedicationRequest', Dexie.minKey],
        [patientId, 'MedicationRequest', Dexie.maxKey],
      )
      .toArray();
  return {
    target: {
      subscribe(next) {
        const subscription = liveQuery(query).subscribe({
          next,
          error: (e: unknown) => console.error(String(e)),
        });
        return () => subscription.unsubscribe();
      },
      write(i) {
        const head = row.heads[0]!;
        return db.rows.put({
          ...row,
          heads: [
            {
              ...head,
              resource: { ...head.resource, note: [{ text: marker(i) }] } as typeof head.resource,
            },
          ],
        });
      },
      shows: (list, i) =>
        list.some(
          (r) =>
            r.key === row.key &&
            (r.heads[0]!.resource as { note?: Array<{ text: string }> }).note?.[0]?.text ===
              marker(i),
        ),
    },
    async close() {
      db.close();
      await deleteDatabase(name);
    },
  };
}

export default async function liveQueryLatency(): Promise<BenchResult[]> {
  const file = (await listFixtures(SET)).find((f) => f.startsWith(FIXTURE));
  if (!file) throw new Error(`no ${FIXTURE} fixture in ${SET}`);
  const text = await fixtureText(SET, file);
  const kit = await kitTarget(text);
  const bare = await bareTarget(text);
  const subject: Round[] = [];
  const baseline: Round[] = [];
  try {
    // Warm-up: one round each, not reported.
    await round(bare.target, 0);
    await round(kit.target, 0);
    for (let r = 1; r <= ROUNDS; r++) {
      const offset = r * WRITES;
      if (r % 2 === 0) {
        baseline.push(await round(bare.target, offset));
        subject.push(await round(kit.target, offset));
      } else {
        subject.push(await round(kit.target, offset));
        baseline.push(await round(bare.target, offset));
      }
    }
  } finally {
    await kit.close();
    await bare.close();
  }

  // Each round gives one p50 and one p95; a row's figure is the median over rounds.
  const p = (rounds: Round[], field: keyof Round, q: 'median' | 'p95') =>
    rounds.map((r) => summarise(r[field])[q]);
  const all = (rounds: Round[], field: keyof Round) => summarise(rounds.flatMap((r) => r[field]));
  const writes = all(subject, 'write');
  const latencies = all(subject, 'latency');
  const bareLatencies = all(baseline, 'latency');
  const notes = {
    fixture: FIXTURE,
    writesPerRound: WRITES,
    rounds: ROUNDS,
    'kit latency p50 / p95 / max (all writes), ms': `${latencies.median.toFixed(2)} / ${latencies.p95.toFixed(2)} / ${latencies.max.toFixed(2)}`,
    'kit revise() resolves p50 / p95, ms': `${writes.median.toFixed(2)} / ${writes.p95.toFixed(2)}`,
    'bare Dexie latency p50 / p95 (all writes), ms': `${bareLatencies.median.toFixed(2)} / ${bareLatencies.p95.toFixed(2)}`,
  };
  return [
    toResult({
      name: 'live-query-latency.p50',
      unit: 'ms',
      subject: p(subject, 'latency', 'median'),
      baseline: p(baseline, 'latency', 'median'),
      notes,
    }),
    // The budget row: baseline is one 60 Hz frame, not a measurement.
    toResult({
      name: 'live-query-latency.p95',
      unit: 'ms',
      subject: p(subject, 'latency', 'p95'),
      baseline: budget(FRAME_MS),
      target: { max: 1 },
      notes,
    }),
    toResult({
      name: 'live-query-latency.p95-vs-dexie',
      unit: 'ms',
      subject: p(subject, 'latency', 'p95'),
      baseline: p(baseline, 'latency', 'p95'),
      notes,
    }),
  ];
}
