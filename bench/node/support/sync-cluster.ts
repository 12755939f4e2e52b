// Sync nodes for the sync-nodes suite: processes of their own
// (sync-server-process.ts) on one PostgreSQL schema and one Redis, both
// real servers on 127.0.0.1 with throw-away data, started as the server's
// tests start them (test/node/sync-server/services.ts).
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { devToken } from '../../../sync/server/index.js';
import { startPostgres, startRedis } from '../../../test/node/sync-server/services.js';
import { startServerProcess, type ServerProcess } from '../sync-server-process.js';

export interface SyncCluster {
  nodes: ServerProcess[];
  close(): Promise<void>;
}

export async function startSyncCluster(count: number): Promise<SyncCluster> {
  const postgres = await startPostgres();
  const redis = await startRedis();
  const shared = { postgres: { url: postgres.url, schema: 'bench' }, redis: redis.url };
  const nodes: ServerProcess[] = [];
  // One after the other: the first creates the tables.
  for (let i = 0; i < count; i++) nodes.push(await startServerProcess({ shared }));
  return {
    nodes,
    close: async () => {
      for (const node of nodes) await node.close();
      await redis.destroy();
      await postgres.destroy();
    },
  };
}

export interface BenchClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
}

/** A stock y-websocket client, synced. */
export async function connectSynced(url: string, document: string): Promise<BenchClient> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(url, document, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: { token: await devToken('dr-okafor', ['pat-1']) },
    disableBc: true,
  });
  await new Promise<void>((resolve) =>
    provider.synced ? resolve() : provider.once('sync', () => resolve()),
  );
  return { doc, provider };
}

export function closeClient(client: BenchClient): void {
  client.provider.destroy();
  client.doc.destroy();
}

/** Resolves with performance.now() at the next update of `doc`. */
export function nextUpdate(doc: Y.Doc): Promise<number> {
  return new Promise((resolve) => doc.once('update', () => resolve(performance.now())));
}
