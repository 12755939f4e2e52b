// What idle connections cost the server: 1,000 stock y-websocket clients (in
// this process), ten to a document over 100 note documents, connected and
// synced, then left alone. The server runs in a process of its own; its RSS
// and JS heap are read there after a full GC, five times, with the clients
// connected and — the baseline — before they came (the server idle, its
// store open).
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { toResult, type BenchResult } from '../harness/index.js';
import { devToken } from '../../sync/server/index.js';
import { startServerProcess, type ServerProcess } from './sync-server-process.js';

const CONNECTIONS = 1000;
const PER_DOCUMENT = 10;
const READINGS = 5;
const MB = 1024 * 1024;

async function readings(server: ServerProcess): Promise<{ rss: number[]; heap: number[] }> {
  const out = { rss: [] as number[], heap: [] as number[] };
  for (let i = 0; i < READINGS; i++) {
    const { rss, heapUsed } = await server.memory();
    out.rss.push(rss / MB);
    out.heap.push(heapUsed / MB);
  }
  return out;
}

export default async function syncIdle(): Promise<BenchResult[]> {
  const server = await startServerProcess();
  const token = await devToken('dr-okafor', ['pat-1']);
  const previousMax = process.getMaxListeners();
  process.setMaxListeners(CONNECTIONS + 20);
  const docs: Y.Doc[] = [];
  const providers: WebsocketProvider[] = [];
  try {
    const idle = await readings(server);
    for (let i = 0; i < CONNECTIONS; i++) {
      const doc = new Y.Doc();
      docs.push(doc);
      providers.push(
        new WebsocketProvider(
          server.url,
          `emr/pat-1/note/idle-${Math.floor(i / PER_DOCUMENT)}`,
          doc,
          {
            WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
            params: { token },
            disableBc: true,
          },
        ),
      );
    }
    const started = performance.now();
    await Promise.all(
      providers.map(
        (p) =>
          new Promise<void>((resolve) => (p.synced ? resolve() : p.once('sync', () => resolve()))),
      ),
    );
    const connectMs = performance.now() - started;
    // Something in each document, as a real note has.
    docs
      .filter((_, i) => i % PER_DOCUMENT === 0)
      .forEach((doc) =>
        doc.getText('body').insert(0, 'Progress note: stable overnight, plan unchanged.'),
      );
    await Promise.all(
      docs.map(
        (doc) =>
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
    const connected = await readings(server);
    const perConnection = (samples: number[], base: number[]) =>
      Math.round(((median(samples) - median(base)) * MB) / CONNECTIONS / 1024);
    const notes = {
      connections: CONNECTIONS,
      documents: CONNECTIONS / PER_DOCUMENT,
      'connect + sync all, ms': Math.round(connectMs),
      'RSS per connection, KB': perConnection(connected.rss, idle.rss),
      'heap per connection, KB': perConnection(connected.heap, idle.heap),
    };
    return [
      toResult({
        name: 'sync-idle.rss',
        unit: 'MB',
        subject: connected.rss,
        baseline: idle.rss,
        notes,
      }),
      toResult({
        name: 'sync-idle.heap',
        unit: 'MB',
        subject: connected.heap,
        baseline: idle.heap,
        notes,
      }),
    ];
  } finally {
    providers.forEach((p) => p.destroy());
    docs.forEach((doc) => doc.destroy());
    process.setMaxListeners(previousMax);
    await server.close();
  }
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
