// How throughput grows from one sync node to two and three, on a
// document-per-client load: 30 clinicians, each typing into a note of their
// own, one edit at a time, each edit waiting until a second client on the
// same document has it (so each edit is stored in PostgreSQL and relayed
// before the next). Three node processes share one PostgreSQL schema and
// one Redis (support/sync-cluster.ts); the load runs on node 1 alone, then
// spread over nodes 1-2, then 1-3 (document i on node i mod k), rounds
// interleaved after a warm-up on all three, fresh documents each time,
// clients connected and synced off the clock. A sample is edits per second
// over the whole load; a row is k nodes against one node in the same run.
import { perSecond, toResult, type BenchResult } from '../harness/index.js';
import {
  closeClient,
  connectSynced,
  nextUpdate,
  startSyncCluster,
  type BenchClient,
} from './support/sync-cluster.js';

const WRITERS = 30;
const EDITS = 20;
const ROUNDS = 3;

async function load(urls: string[], round: number): Promise<number> {
  const pairs: Array<{ writer: BenchClient; reader: BenchClient }> = [];
  try {
    for (let i = 0; i < WRITERS; i++) {
      const url = urls[i % urls.length]!;
      const document = `emr/pat-1/note/load-${urls.length}-${round}-${i}`;
      pairs.push({
        writer: await connectSynced(url, document),
        reader: await connectSynced(url, document),
      });
    }
    const started = performance.now();
    await Promise.all(
      pairs.map(async ({ writer, reader }) => {
        const text = writer.doc.getText('body');
        for (let e = 0; e < EDITS; e++) {
          const arrived = nextUpdate(reader.doc);
          text.insert(text.length, 'x');
          await arrived;
        }
      }),
    );
    return performance.now() - started;
  } finally {
    for (const { writer, reader } of pairs) {
      closeClient(writer);
      closeClient(reader);
    }
  }
}

export default async function syncNodesLoad(): Promise<BenchResult[]> {
  const cluster = await startSyncCluster(3);
  const urls = cluster.nodes.map((node) => node.url);
  try {
    // Warm-up on every node: none starts the timed rounds cold.
    await load(urls, -1);
    const ms: Record<1 | 2 | 3, number[]> = { 1: [], 2: [], 3: [] };
    for (let r = 0; r < ROUNDS; r++) {
      const order = [1, 2, 3].map((_, i) => ((i + r) % 3) + 1) as Array<1 | 2 | 3>;
      for (const k of order) ms[k].push(await load(urls.slice(0, k), r));
    }
    const edits = WRITERS * EDITS;
    const rate = (k: 1 | 2 | 3) => perSecond(edits, ms[k]);
    const notes = {
      'writers (a document each)': WRITERS,
      'edits a writer': EDITS,
      'one node, edits/s': Math.round(median(rate(1))),
      store: 'PostgreSQL (fsync off), broker Redis, all on 127.0.0.1',
    };
    return [
      toResult({
        name: 'sync-nodes-load.2-nodes',
        unit: 'edits/s',
        subject: rate(2),
        baseline: rate(1),
        notes,
      }),
      toResult({
        name: 'sync-nodes-load.3-nodes',
        unit: 'edits/s',
        subject: rate(3),
        baseline: rate(1),
        notes,
      }),
    ];
  } finally {
    await cluster.close();
  }
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
