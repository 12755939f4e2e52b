// Time for an edit to reach another client through the sync server: two
// stock y-websocket clients (in this process) on one note document, the
// server in a process of its own on 127.0.0.1 (sync-server-process.ts). An
// edit's latency runs from the insert on one client to the update event on
// the other — through encoding, the socket, the server's store (the update is
// written to LevelDB before it is relayed) and back. 100 edits a round, one at
// a time, 5 ms apart; a row's figure is the median over 7 rounds of each
// round's p50 or p95.
//
// Baseline: the same rounds between two Y.Docs in this process that apply each
// other's updates directly — the floor of any transport. The absolute target
// (p95 under 50 ms) is a row against that budget.
//
// The server syncs every write to the disk before it relays it (acknowledged
// means on disk). A second server with that turned off runs the same rounds,
// interleaved, so the rows show what durability costs on this disk.
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { summarise, toResult, type BenchResult } from '../harness/index.js';
import { budget } from '../harness/phased.js';
import { devToken } from '../../sync/server/index.js';
import { startServerProcess } from './sync-server-process.js';

const EDITS = 100;
const ROUNDS = 7;
const GAP_MS = 5;

type Pair = { a: Y.Doc; b: Y.Doc; close(): void };

async function throughServer(url: string): Promise<Pair> {
  const a = new Y.Doc();
  const b = new Y.Doc();
  const connect = async (doc: Y.Doc, user: string) => {
    const provider = new WebsocketProvider(url, 'emr/pat-1/note/latency', doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      params: { token: await devToken(user, ['pat-1']) },
      disableBc: true,
    });
    await new Promise<void>((resolve) => provider.once('sync', () => resolve()));
    return provider;
  };
  const providers = [await connect(a, 'dr-okafor'), await connect(b, 'dr-lindqvist')];
  return { a, b, close: () => providers.forEach((p) => p.destroy()) };
}

function direct(): Pair {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== b) Y.applyUpdate(b, update, a);
  });
  b.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== a) Y.applyUpdate(a, update, b);
  });
  return { a, b, close: () => undefined };
}

/** ms from each insert on `a` to its arrival on `b`. */
async function round(pair: Pair): Promise<number[]> {
  const samples: number[] = [];
  const text = pair.a.getText('body');
  for (let i = 0; i < EDITS; i++) {
    const arrived = new Promise<number>((resolve) =>
      pair.b.once('update', () => resolve(performance.now())),
    );
    const start = performance.now();
    text.insert(text.length, 'x');
    samples.push((await arrived) - start);
    await new Promise((resolve) => setTimeout(resolve, GAP_MS));
  }
  return samples;
}

export default async function syncLatency(): Promise<BenchResult[]> {
  const server = await startServerProcess();
  const unsyncedServer = await startServerProcess({ syncWrites: false });
  const viaServer = await throughServer(server.url);
  const viaUnsynced = await throughServer(unsyncedServer.url);
  const inProcess = direct();
  try {
    await round(viaServer);
    await round(viaUnsynced);
    await round(inProcess);
    const p50 = { subject: [] as number[], baseline: [] as number[] };
    const p95 = { subject: [] as number[], baseline: [] as number[], unsynced: [] as number[] };
    const all: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const pairs = [inProcess, viaServer, viaUnsynced];
      const order = [...pairs.slice(r % 3), ...pairs.slice(0, r % 3)];
      for (const pair of order) {
        const s = await round(pair);
        const summary = summarise(s);
        if (pair === viaUnsynced) {
          p95.unsynced.push(summary.p95);
          continue;
        }
        const target = pair === viaServer ? 'subject' : 'baseline';
        p50[target].push(summary.median);
        p95[target].push(summary.p95);
        if (pair === viaServer) all.push(...s);
      }
    }
    const overall = summarise(all);
    const notes = {
      edits: EDITS * ROUNDS,
      'worst edit, ms': Number(overall.max.toFixed(2)),
      'p99 over all edits, ms': Number(percentile(all, 0.99).toFixed(2)),
    };
    return [
      toResult({
        name: 'sync-latency.p50',
        unit: 'ms',
        subject: p50.subject,
        baseline: p50.baseline,
        notes,
      }),
      toResult({
        name: 'sync-latency.p95',
        unit: 'ms',
        subject: p95.subject,
        baseline: budget(50, ROUNDS),
        target: { max: 1 },
        notes,
      }),
      toResult({
        name: 'sync-latency.p95-vs-direct',
        unit: 'ms',
        subject: p95.subject,
        baseline: p95.baseline,
        notes,
      }),
      toResult({
        name: 'sync-latency.p95-unsynced',
        unit: 'ms',
        subject: p95.unsynced,
        baseline: budget(50, ROUNDS),
        notes: { 'writes synced to disk': 'no' },
      }),
      toResult({
        name: 'sync-latency.p95-durable-vs-unsynced',
        unit: 'ms',
        subject: p95.subject,
        baseline: p95.unsynced,
        notes: {
          'what durability costs':
            'subject: synced writes (the default); baseline: --no-sync-writes',
        },
      }),
    ];
  } finally {
    for (const pair of [viaServer, viaUnsynced, inProcess]) {
      pair.close();
      pair.a.destroy();
      pair.b.destroy();
    }
    await server.close();
    await unsyncedServer.close();
  }
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}
