// Time for an edit to reach another client when the two clients are on
// different sync nodes, against the same two clients on one node. Two node
// processes share a PostgreSQL schema and a Redis (support/sync-cluster.ts);
// an edit on node 1 is stored in PostgreSQL, then relayed to node 1's
// clients and published on Redis, from where node 2 applies it and relays it
// to its own. The one-node pair runs on node 1 of the same deployment, so the
// rows show what the second hop (Redis, and node 2 applying the update)
// adds. 100 edits a round, one at a time, 5 ms apart, the two pairs' rounds
// interleaved; a row's figure is the median over 7 rounds of each round's
// p50 or p95.
import { summarise, toResult, type BenchResult } from '../harness/index.js';
import {
  closeClient,
  connectSynced,
  nextUpdate,
  startSyncCluster,
  type BenchClient,
} from './support/sync-cluster.js';

const EDITS = 100;
const ROUNDS = 7;
const GAP_MS = 5;

type Pair = { from: BenchClient; to: BenchClient };

/** ms from each insert on `from` to its arrival on `to`. */
async function round({ from, to }: Pair): Promise<number[]> {
  const samples: number[] = [];
  const text = from.doc.getText('body');
  for (let i = 0; i < EDITS; i++) {
    const arrived = nextUpdate(to.doc);
    const start = performance.now();
    text.insert(text.length, 'x');
    samples.push((await arrived) - start);
    await new Promise((resolve) => setTimeout(resolve, GAP_MS));
  }
  return samples;
}

export default async function syncNodesLatency(): Promise<BenchResult[]> {
  const cluster = await startSyncCluster(2);
  const one = cluster.nodes[0]!;
  const two = cluster.nodes[1]!;
  const clients: BenchClient[] = [];
  const connect = async (url: string, document: string) => {
    const client = await connectSynced(url, document);
    clients.push(client);
    return client;
  };
  try {
    const across: Pair = {
      from: await connect(one.url, 'emr/pat-1/note/across'),
      to: await connect(two.url, 'emr/pat-1/note/across'),
    };
    const within: Pair = {
      from: await connect(one.url, 'emr/pat-1/note/within'),
      to: await connect(one.url, 'emr/pat-1/note/within'),
    };
    await round(across);
    await round(within);
    const p50 = { across: [] as number[], within: [] as number[] };
    const p95 = { across: [] as number[], within: [] as number[] };
    const pairs = { across, within };
    for (let r = 0; r < ROUNDS; r++) {
      const order = r % 2 ? (['within', 'across'] as const) : (['across', 'within'] as const);
      for (const name of order) {
        const summary = summarise(await round(pairs[name]));
        p50[name].push(summary.median);
        p95[name].push(summary.p95);
      }
    }
    const notes = {
      edits: EDITS * ROUNDS,
      nodes: 2,
      store: 'PostgreSQL (fsync off), broker Redis, all on 127.0.0.1',
    };
    return [
      toResult({
        name: 'sync-nodes-latency.p50',
        unit: 'ms',
        subject: p50.across,
        baseline: p50.within,
        notes,
      }),
      toResult({
        name: 'sync-nodes-latency.p95',
        unit: 'ms',
        subject: p95.across,
        baseline: p95.within,
        notes,
      }),
    ];
  } finally {
    clients.forEach(closeClient);
    await cluster.close();
  }
}
