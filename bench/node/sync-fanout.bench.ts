// 200 clinicians co-editing one note: 200 stock y-websocket clients (in this
// process) on one document, the server in a process of its own. Each client
// inserts a line of its own at the start of the shared Y.Text, all in the
// same tick; the time runs until every client holds all 200 lines — the same
// text on every replica. Each of the 200 updates is stored, then relayed to
// the 199 other clients: ~40,000 messages through the server.
//
// Baseline: the same 200 Y.Docs in this process, each update applied to every
// other document directly — the CRDT's own cost of converging, with no
// transport. Clients connect and sync before the clock starts, and a fresh
// document is used for every sample.
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { toResult, type BenchResult } from '../harness/index.js';
import { measurePhasedPair, type Phased } from '../harness/phased.js';
import { devToken } from '../../sync/server/index.js';
import { startServerProcess } from './sync-server-process.js';

const CLIENTS = 200;
const REPEAT = 5;

interface Editors {
  docs: Y.Doc[];
  close(): void;
}

const line = (i: number) => `Client ${String(i).padStart(3, '0')} was here.\n`;
const expectedLength = Array.from({ length: CLIENTS }, (_, i) => line(i).length).reduce(
  (a, b) => a + b,
  0,
);

/** All edit at once; resolves when every replica holds every line. */
async function editAndConverge(editors: Editors): Promise<void> {
  const converged = Promise.all(
    editors.docs.map(
      (doc) =>
        new Promise<void>((resolve) => {
          const text = doc.getText('body');
          const check = () => {
            if (text.length !== expectedLength) return;
            doc.off('update', check);
            resolve();
          };
          doc.on('update', check);
        }),
    ),
  );
  editors.docs.forEach((doc, i) => doc.getText('body').insert(0, line(i)));
  await converged;
  const first = editors.docs[0]!.getText('body').toString();
  if (!editors.docs.every((doc) => doc.getText('body').toString() === first))
    throw new Error('replicas differ after converging');
}

export default async function syncFanout(): Promise<BenchResult[]> {
  const server = await startServerProcess();
  const tokens = await Promise.all([
    devToken('dr-okafor', ['pat-1']),
    devToken('dr-lindqvist', ['pat-1']),
  ]);
  const previousMax = process.getMaxListeners();
  // Each stock provider in Node listens for the process's exit.
  process.setMaxListeners(CLIENTS + 20);
  let sample = 0;
  try {
    const viaServer: Phased<Editors> = {
      async setup() {
        const document = `emr/pat-1/note/fanout-${sample++}`;
        const docs = Array.from({ length: CLIENTS }, () => new Y.Doc());
        const providers = docs.map(
          (doc, i) =>
            new WebsocketProvider(server.url, document, doc, {
              WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
              params: { token: tokens[i % 2]! },
              disableBc: true,
            }),
        );
        await Promise.all(
          providers.map(
            (p) =>
              new Promise<void>((resolve) =>
                p.synced ? resolve() : p.once('sync', () => resolve()),
              ),
          ),
        );
        return { docs, close: () => providers.forEach((p) => p.destroy()) };
      },
      run: editAndConverge,
      teardown(editors) {
        editors.close();
        editors.docs.forEach((doc) => doc.destroy());
      },
    };
    const mesh: Phased<Editors> = {
      setup() {
        const docs = Array.from({ length: CLIENTS }, () => new Y.Doc());
        for (const doc of docs) {
          doc.on('update', (update: Uint8Array, origin: unknown) => {
            if (origin === 'peer') return;
            for (const other of docs) if (other !== doc) Y.applyUpdate(other, update, 'peer');
          });
        }
        return { docs, close: () => undefined };
      },
      run: editAndConverge,
      teardown: (editors) => editors.docs.forEach((doc) => doc.destroy()),
    };
    const times = await measurePhasedPair(viaServer, mesh, { repeat: REPEAT, warmup: 1 });
    const notes = { clients: CLIENTS, 'messages relayed per sample': CLIENTS * (CLIENTS - 1) };
    return [toResult({ name: 'sync-fanout.converge', unit: 'ms', ...times, notes })];
  } finally {
    process.setMaxListeners(previousMax);
    await server.close();
  }
}
