// How a revision is encoded inside a chart document's Y.Array, measured on
// one day segment of an intensive-care stay (10,000 vital-sign observation
// revisions, from bench/generators/icu-chart.ts). Three encodings:
//
//   json    one JSON string per revision — what the kit does (storage/chart-documents.ts)
//   object  the revision as a plain object (Yjs ContentAny, nested)
//   ymap    a Y.Map per revision, one entry per revision field
//
// For each: the encoded document (Y.encodeStateAsUpdate), the time to load
// it (Y.applyUpdate into a fresh Y.Doc, gc off as in the kit), the heap the
// loaded document holds, and the time to load it and read every revision
// back as an object (JSON.parse for json, toJSON for ymap): reads never go
// through a document in the kit (the projections answer them), but a
// replica that projects a peer's update does read it.
//
// Every row is an alternative against the kit's choice: value = object or
// ymap, baseline = json, so a ratio above 1 means the alternative costs
// more. The load and heap rows — what the decision rests on — carry the
// target ratio ≥ 1: should one fall below, the kit's encoding is no longer
// the cheaper one and the decision wants revisiting.
import * as Y from 'yjs';
import type { Observation, Revision } from '../../model/index.js';
import { heapUsed, measurePair, summarise, toResult, type BenchResult } from '../harness/index.js';
import { icuChart } from '../generators/icu-chart.js';
import { mulberry32 } from '../generators/seeded-random.js';

const REVISIONS = 10_000;
const HEAP_REPEAT = 5;
const MB = 1024 * 1024;
const KB = 1024;

type Encoding = 'json' | 'object' | 'ymap';

/** Revisions as the store makes them (storage/new-revision.ts), but with ids and times from a seed, so every run encodes the same bytes. */
function revisions(): Revision[] {
  const random = mulberry32(7);
  const hex = (n: number) =>
    Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');
  const observations: Observation[] = icuChart().day(0).slice(0, REVISIONS);
  const at = Date.parse('2024-03-01T00:00:05Z');
  return observations.map((resource, i) => ({
    revisionId: `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`,
    key: `Observation/${resource.id}`,
    parents: [],
    author: { id: 'u-monitor', displayName: 'Bedside monitor gateway', role: 'nurse' },
    at: new Date(at + i * 6000).toISOString(),
    reason: 'imported',
    resource,
  }));
}

/** A document holding the revisions in one encoding, appended in one transaction as the store appends a batch. */
function build(list: readonly Revision[], encoding: Encoding): Uint8Array {
  const doc = new Y.Doc({ gc: false });
  const array = doc.getArray<unknown>('revisions');
  doc.transact(() => {
    if (encoding === 'json') array.push(list.map((r) => JSON.stringify(r)));
    else if (encoding === 'object') array.push(list.map((r) => ({ ...r })));
    else {
      array.push(
        list.map((r) => {
          const map = new Y.Map<unknown>();
          for (const [field, value] of Object.entries(r)) map.set(field, value);
          return map;
        }),
      );
    }
  });
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

function load(update: Uint8Array): Y.Doc {
  const doc = new Y.Doc({ gc: false });
  Y.applyUpdate(doc, update);
  return doc;
}

/** Load, then every revision back as an object. */
function loadAndRead(update: Uint8Array, encoding: Encoding): number {
  const doc = load(update);
  const items = doc.getArray<unknown>('revisions').toArray();
  let n = 0;
  for (const item of items) {
    const revision = (
      encoding === 'json'
        ? JSON.parse(item as string)
        : encoding === 'ymap'
          ? (item as Y.Map<unknown>).toJSON()
          : item
    ) as Revision;
    if (revision.resource) n++;
  }
  doc.destroy();
  if (n !== REVISIONS) throw new Error(`${encoding}: read ${n} revisions, expected ${REVISIONS}`);
  return n;
}

/**
 * The heap with a loaded document alive. Its own frame: once it returns,
 * nothing holds the document (a stale register of a suspended async frame
 * would keep it alive through the next reading).
 */
async function heapWithLoaded(update: Uint8Array): Promise<number> {
  const doc = load(update);
  const heap = await heapUsed();
  if (doc.getArray('revisions').length !== REVISIONS) throw new Error('document lost revisions');
  doc.destroy();
  return heap;
}

/** MB the loaded document holds on the heap: with it, less without it (read after it is gone), per load. */
async function heapOf(update: Uint8Array): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < HEAP_REPEAT; i++) {
    const withDoc = await heapWithLoaded(update);
    // A macrotask first: a collection right after the return sometimes still finds the document alive.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const without = await heapUsed();
    samples.push((withDoc - without) / MB);
  }
  return samples;
}

export default async function revisionEncoding(): Promise<BenchResult[]> {
  const list = revisions();
  const revisionBytes = list.map((r) => JSON.stringify(r).length);
  const updates = {
    json: build(list, 'json'),
    object: build(list, 'object'),
    ymap: build(list, 'ymap'),
  };
  // Each encoding must round-trip to the same revisions, or its figures mean nothing.
  for (const encoding of ['json', 'object', 'ymap'] as const) {
    const doc = load(updates[encoding]);
    const first = doc.getArray<unknown>('revisions').get(REVISIONS - 1);
    const back =
      encoding === 'json'
        ? JSON.parse(first as string)
        : encoding === 'ymap'
          ? (first as Y.Map<unknown>).toJSON()
          : first;
    if (JSON.stringify(back) !== JSON.stringify(list[REVISIONS - 1]))
      throw new Error(`${encoding} does not round-trip`);
    doc.destroy();
  }

  const notes = {
    revisions: REVISIONS,
    'revision JSON bytes (mean)': Math.round(revisionBytes.reduce((a, b) => a + b, 0) / REVISIONS),
    'json doc, KB': Math.round(updates.json.length / KB),
  };
  const rows: BenchResult[] = [];
  const jsonHeap = await heapOf(updates.json);
  for (const encoding of ['object', 'ymap'] as const) {
    const update = updates[encoding];
    rows.push(
      toResult({
        name: `revision-encoding.size.${encoding}`,
        unit: 'KB',
        subject: [update.length / KB],
        baseline: [updates.json.length / KB],
        notes,
      }),
    );

    const loadTimes = await measurePair(
      () => load(update).destroy(),
      () => load(updates.json).destroy(),
      { repeat: 15, warmup: 3 },
    );
    rows.push(
      toResult({
        name: `revision-encoding.load.${encoding}`,
        unit: 'ms',
        ...loadTimes,
        target: { min: 1 },
        notes,
      }),
    );

    const heap = await heapOf(update);
    rows.push(
      toResult({
        name: `revision-encoding.heap.${encoding}`,
        unit: 'MB',
        subject: heap,
        baseline: jsonHeap,
        target: { min: 1 },
        notes: { ...notes, 'json heap p25–p75, MB': spread(jsonHeap) },
      }),
    );

    const readTimes = await measurePair(
      () => loadAndRead(update, encoding),
      () => loadAndRead(updates.json, 'json'),
      { repeat: 15, warmup: 3 },
    );
    rows.push(
      toResult({
        name: `revision-encoding.load-read.${encoding}`,
        unit: 'ms',
        ...readTimes,
        notes,
      }),
    );
  }
  return rows;
}

function spread(samples: number[]): string {
  const s = summarise(samples);
  return `${s.p25.toFixed(1)}–${s.p75.toFixed(1)}`;
}
