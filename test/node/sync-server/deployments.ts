import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import {
  PostgresStore,
  type SyncServerOptions,
  type SyncStore,
} from '../../../sync/server/index.js';
import { freshSchema, sharedPostgres, startRedis } from './services.js';
import {
  connectClient,
  destroyClient,
  getJson,
  httpUrl,
  openTestStore,
  startTestServer,
  STORE_KIND,
  token,
  until,
  type Client,
  type TestServer,
} from './support.js';

// The deployments the server's rules are tested against, one set of tests
// for all: one node on the store under test, and two nodes sharing
// PostgreSQL and Redis, as behind a load balancer. A test connects the
// client under test to node `a` and everyone else to node `b` (the same
// node, on one): whatever `a` refuses must leave `b`, its clients and the
// shared store as they were.

export interface Deployment {
  /** The node the client under test connects to. */
  readonly a: TestServer;
  /** Where everyone else connects: another node on the same store and broker, or `a` itself. */
  readonly b: TestServer;
  readonly nodes: readonly TestServer[];
  /** What the store holds of a document, read without any node. */
  stored(document: string): Promise<Y.Doc>;
  /**
   * Every node answers /health with ok, and a client on `b`, connected
   * since the deployment started, is still connected and receives a write
   * made on `a`.
   */
  assertUnaffected(): Promise<void>;
  /** Closes every client, stops every node and starts them again on the same store. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export interface DeploymentKind {
  name: string;
  start(options?: Partial<SyncServerOptions>): Promise<Deployment>;
}

const WITNESSED = 'emr/pat-1/note/n-witness';

/** Nodes on one store, with a witness client on `b` held across tests. */
async function deploy(
  startNodes: () => Promise<TestServer[]>,
  store: SyncStore,
  cleanUp: () => Promise<void>,
): Promise<Deployment> {
  let nodes = await startNodes();
  let witness: Client;
  let marks = 0;
  const watch = async () => {
    witness = connectClient(nodes.at(-1)!.server.url, WITNESSED, await token('dr-lindqvist'));
    await witness.synced;
  };
  await watch();
  const stopNodes = async () => {
    destroyClient(witness);
    for (const node of nodes) await node.stop();
  };
  return {
    get a() {
      return nodes[0]!;
    },
    get b() {
      return nodes.at(-1)!;
    },
    get nodes() {
      return nodes;
    },
    stored: async (document) => {
      const doc = new Y.Doc();
      for (const update of await store.loadUpdates(document)) Y.applyUpdate(doc, update);
      return doc;
    },
    assertUnaffected: async () => {
      for (const node of nodes) {
        const { status, body } = await getJson(httpUrl(node.server, '/health'));
        assert.equal(status, 200);
        assert.equal(body.status, 'ok', `/health: ${JSON.stringify(body)}`);
      }
      const mark = `[${++marks}]`;
      const writer = connectClient(nodes[0]!.server.url, WITNESSED, await token('dr-okafor'));
      try {
        await writer.synced;
        writer.doc.getText('body').insert(0, mark);
        await until(witness.doc, () => witness.doc.getText('body').toString().includes(mark));
        assert.equal(witness.provider.wsconnected, true, 'the witness on b is still connected');
      } finally {
        destroyClient(writer);
      }
    },
    restart: async () => {
      await stopNodes();
      nodes = await startNodes();
      await watch();
    },
    stop: async () => {
      await stopNodes();
      await cleanUp();
    },
  };
}

export const ONE_NODE: DeploymentKind = {
  name: `one node, ${STORE_KIND === 'postgres' ? 'PostgreSQL' : 'LevelDB'}`,
  start: async (options = {}) => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'emr-sync-test-'));
    // Opened here, so the test reads what the node stored; a node never closes a store it was given.
    const store = await openTestStore(dataDir);
    return deploy(
      async () => [await startTestServer({ ...options, dataDir, store })],
      store,
      async () => {
        await store.close();
        await rm(dataDir, { recursive: true, force: true });
      },
    );
  },
};

export const TWO_NODES: DeploymentKind = {
  name: 'two nodes, PostgreSQL and Redis',
  start: async (options = {}) => {
    const postgres = { url: (await sharedPostgres()).url, schema: freshSchema(), migrate: true };
    const redis = await startRedis();
    const store = await PostgresStore.open(postgres);
    const node = () => startTestServer({ ...options, postgres, redis: redis.url });
    return deploy(
      async () => [await node(), await node()],
      store,
      async () => {
        await store.close();
        await redis.destroy();
      },
    );
  },
};

export const DEPLOYMENTS: readonly DeploymentKind[] = [ONE_NODE, TWO_NODES];
