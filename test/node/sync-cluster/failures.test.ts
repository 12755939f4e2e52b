import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PostgresStore } from '../../../sync/server/index.js';
import { startServerProcess } from '../sync-server/child-server.js';
import {
  connectClient,
  destroyClient,
  getJson,
  httpUrl,
  token,
  until,
  type Client,
} from '../sync-server/support.js';
import { startCluster, type Cluster } from './cluster.js';

// The failures a hospital will meet, with clinicians typing through them:
// a node killed, Redis restarted, PostgreSQL stopped for ten seconds. Each
// counts the edits typed and finds every one of them, once, in the store
// and on every client afterwards; nothing a client was shown is lost.

/** Types one numbered word into a note every few milliseconds until stopped. */
function typist(client: Client): { stop(): number; count(): number } {
  const text = client.doc.getText('body');
  let typed = 0;
  const timer = setInterval(() => text.insert(text.length, `${typed++} `), 3);
  return {
    stop: () => {
      clearInterval(timer);
      return typed;
    },
    count: () => typed,
  };
}

const words = (count: number, from = 0) =>
  Array.from({ length: count }, (_, i) => `${from + i} `).join('');

/** What the store holds of a note, read afresh. */
async function storedText(cluster: Cluster, document: string): Promise<string> {
  const store = await PostgresStore.open(cluster.postgres);
  try {
    const { Doc, applyUpdate, mergeUpdates } = await import('yjs');
    const doc = new Doc();
    applyUpdate(doc, mergeUpdates(await store.loadUpdates(document)));
    const text = doc.getText('body').toString();
    doc.destroy();
    return text;
  } finally {
    await store.close();
  }
}

async function healthOf(cluster: Cluster, node: number): Promise<Record<string, unknown>> {
  return (await getJson(httpUrl(cluster.nodes[node]!.server, '/health'))).body;
}

async function eventually(read: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await read())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('sync cluster: failures, counted', () => {
  it('a node killed mid-session: its client moves to another node, and every edit typed is stored once', async () => {
    const cluster = await startCluster(1, { catchUpIntervalMs: 500 });
    const doc = 'emr/pat-1/note/n-killed-node';
    const killed = await startServerProcess([
      '--postgres',
      cluster.postgres.url,
      '--postgres-schema',
      cluster.postgres.schema,
      '--redis',
      cluster.redis.url,
    ]);
    const writer = connectClient(killed.url, doc, await token('dr-okafor'));
    const reader = cluster.nodes[0]!.connect(doc, await token('dr-lindqvist'));
    try {
      await Promise.all([writer.synced, reader.synced]);
      const typing = typist(writer);
      await until(reader.doc, () => reader.doc.getText('body').length > 300);
      killed.child.kill('SIGKILL');
      await killed.exited;
      const typed = typing.stop();
      // What a client on another node was shown had been stored before it was shown.
      const shown = reader.doc.getText('body').toString();
      assert.ok((await storedText(cluster, doc)).startsWith(shown));
      // The writer's device reconnects through the load balancer, to the node that is left, and resends what it holds.
      writer.provider.destroy();
      const moved = cluster.nodes[0]!.connect(doc, await token('dr-okafor'), writer.doc);
      await moved.synced;
      await until(reader.doc, () => reader.doc.getText('body').toString() === words(typed));
      assert.equal(
        await storedText(cluster, doc),
        words(typed),
        `${typed} edits typed, each stored once`,
      );
    } finally {
      destroyClient(writer);
      await cluster.stop();
    }
  });

  it('Redis restarted: the nodes subscribe again and read what they missed from PostgreSQL; no edit is missed', async () => {
    const cluster = await startCluster(2, { catchUpIntervalMs: 60_000 });
    const doc = 'emr/pat-1/note/n-redis-restart';
    try {
      const writer = cluster.nodes[0]!.connect(doc, await token('dr-okafor'));
      const reader = cluster.nodes[1]!.connect(doc, await token('dr-lindqvist'));
      await Promise.all([writer.synced, reader.synced]);
      const text = writer.doc.getText('body');
      for (let i = 0; i < 20; i++) text.insert(text.length, `${i} `);
      await until(reader.doc, () => reader.doc.getText('body').toString() === words(20));

      await cluster.redis.stop();
      await eventually(async () => (await healthOf(cluster, 1)).broker === 'unreachable');
      assert.equal((await healthOf(cluster, 1)).status, 'degraded');
      for (let i = 20; i < 40; i++) text.insert(text.length, `${i} `);
      await cluster.redis.start();
      // Node 1 read the twenty it was never told of once its subscription came back (the periodic check is an hour away).
      await until(reader.doc, () => reader.doc.getText('body').toString() === words(40));
      await cluster.nodes[1]!.logged((line) => line.event === 'broker-reconnected');
      // And the broker carries edits again.
      await eventually(async () => (await healthOf(cluster, 0)).broker === 'ok');
      text.insert(text.length, '40 ');
      await until(reader.doc, () => reader.doc.getText('body').toString() === words(41));
      assert.equal(await storedText(cluster, doc), words(41));
    } finally {
      await cluster.stop();
    }
  });

  it('PostgreSQL stopped for 10 s: writes are refused and kept by the client, reads go on, /health says degraded; nothing is lost', async () => {
    const cluster = await startCluster(2, { ownPostgres: true, catchUpIntervalMs: 500 });
    const doc = 'emr/pat-1/note/n-postgres-outage';
    try {
      const writer = cluster.nodes[0]!.connect(doc, await token('dr-okafor'));
      const here = cluster.nodes[0]!.connect(doc, await token('dr-lindqvist'));
      const there = cluster.nodes[1]!.connect(doc, await token('dr-lindqvist'));
      await Promise.all([writer.synced, here.synced, there.synced]);
      const readerCloses: number[] = [];
      for (const reader of [here, there])
        reader.provider.on('connection-close', (event) => readerCloses.push(event?.code ?? 0));
      const writerCloses: number[] = [];
      writer.provider.on('connection-close', (event) => writerCloses.push(event?.code ?? 0));
      const text = writer.doc.getText('body');
      for (let i = 0; i < 10; i++) text.insert(text.length, `${i} `);
      await until(there.doc, () => there.doc.getText('body').toString() === words(10));

      const outage = Date.now();
      await cluster.postgresServer!.stop();
      await eventually(async () => (await healthOf(cluster, 0)).store === 'unreachable');
      assert.equal((await healthOf(cluster, 0)).status, 'degraded');
      for (let i = 10; i < 20; i++) text.insert(text.length, `${i} `);
      // The writer's connection is closed, to come back and resend; nobody was shown what was not stored.
      await eventually(async () => writerCloses.includes(1013));
      // Reads of the open document go on: its readers stay, and a new one is served from memory.
      const late = cluster.nodes[0]!.connect(doc, await token('dr-lindqvist'));
      await late.synced;
      assert.equal(late.doc.getText('body').toString(), words(10));
      assert.equal(here.doc.getText('body').toString(), words(10));
      await new Promise((resolve) =>
        setTimeout(resolve, Math.max(0, 10_000 - (Date.now() - outage))),
      );
      await cluster.postgresServer!.start();

      // The writer's next attempt is stored, and reaches readers on both nodes.
      for (const reader of [here, there, late])
        await until(reader.doc, () => reader.doc.getText('body').toString() === words(20));
      assert.deepEqual(readerCloses, [], 'no reader was disconnected');
      assert.equal(
        await storedText(cluster, doc),
        words(20),
        '20 edits typed, 20 stored, each once',
      );
      await eventually(async () => (await healthOf(cluster, 0)).status === 'ok');
    } finally {
      await cluster.stop();
    }
  });
});
