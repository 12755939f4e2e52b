// What 1,000 idle connections cost two sync nodes: stock y-websocket clients
// (in this process), ten to a document over 100 note documents, connection
// i on node i mod 2 — so every document is open on both nodes, as behind a
// load balancer that does not route by document. The nodes are processes
// of their own on one PostgreSQL schema and one Redis
// (support/sync-cluster.ts); their RSS and JS heap, added together, are read
// after a full GC, five times, with the clients connected and synced and —
// the baseline — before they came (both nodes idle, their store and broker
// connected).
import { toResult, type BenchResult } from '../harness/index.js';
import type { ServerProcess } from './sync-server-process.js';
import {
  closeClient,
  connectSynced,
  startSyncCluster,
  type BenchClient,
} from './support/sync-cluster.js';

const CONNECTIONS = 1000;
const PER_DOCUMENT = 10;
const READINGS = 5;
const MB = 1024 * 1024;

async function readings(nodes: ServerProcess[]): Promise<{ rss: number[]; heap: number[] }> {
  const out = { rss: [] as number[], heap: [] as number[] };
  for (let i = 0; i < READINGS; i++) {
    const each = await Promise.all(nodes.map((node) => node.memory()));
    out.rss.push(each.reduce((sum, m) => sum + m.rss, 0) / MB);
    out.heap.push(each.reduce((sum, m) => sum + m.heapUsed, 0) / MB);
  }
  return out;
}

export default async function syncNodesIdle(): Promise<BenchResult[]> {
  const cluster = await startSyncCluster(2);
  const previousMax = process.getMaxListeners();
  process.setMaxListeners(CONNECTIONS + 20);
  const clients: BenchClient[] = [];
  try {
    const idle = await readings(cluster.nodes);
    const started = performance.now();
    // In groups: a thousand upgrades at once would time out on two shared cores.
    for (let i = 0; i < CONNECTIONS; i += 100) {
      const group = Array.from({ length: 100 }, (_, j) => i + j);
      clients.push(
        ...(await Promise.all(
          group.map((n) =>
            connectSynced(
              cluster.nodes[n % 2]!.url,
              `emr/pat-1/note/idle-${Math.floor(n / PER_DOCUMENT)}`,
            ),
          ),
        )),
      );
    }
    const connectMs = performance.now() - started;
    // Something in each document, as a real note has; every client holds it before the readings.
    clients
      .filter((_, i) => i % PER_DOCUMENT === 0)
      .forEach(({ doc }) =>
        doc.getText('body').insert(0, 'Progress note: stable overnight, plan unchanged.'),
      );
    await Promise.all(
      clients.map(
        ({ doc }) =>
          new Promise<void>((resolve) => {
            const check = () => {
              if (doc.getText('body').length === 0) return;
              doc.off('update', check);
              resolve();
            };
            doc.on('update', check);
            check();
          }),
      ),
    );
    const connected = await readings(cluster.nodes);
    const perConnection = (samples: number[], base: number[]) =>
      Math.round(((median(samples) - median(base)) * MB) / CONNECTIONS / 1024);
    const notes = {
      connections: CONNECTIONS,
      nodes: 2,
      'documents (each open on both nodes)': CONNECTIONS / PER_DOCUMENT,
      'connect + sync all, ms': Math.round(connectMs),
      'RSS per connection, KB': perConnection(connected.rss, idle.rss),
      'heap per connection, KB': perConnection(connected.heap, idle.heap),
    };
    return [
      toResult({
        name: 'sync-nodes-idle.rss',
        unit: 'MB',
        subject: connected.rss,
        baseline: idle.rss,
        notes,
      }),
      toResult({
        name: 'sync-nodes-idle.heap',
        unit: 'MB',
        subject: connected.heap,
        baseline: idle.heap,
        notes,
      }),
    ];
  } finally {
    clients.forEach(closeClient);
    process.setMaxListeners(previousMax);
    await cluster.close();
  }
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
