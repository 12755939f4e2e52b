import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import * as Y from 'yjs';
import { encodeRevision, type Revision } from '../../../model/index.js';
import { Redis } from 'ioredis';
import {
  CHANGE_NOTICE,
  readChangeNotice,
  watchChangesMessage,
} from '../../../sync/change-notice.js';
import { PostgresStore } from '../../../sync/server/index.js';
import { penicillinAllergy } from '../../support/resources.js';
import { getJson, httpUrl, token, until } from '../sync-server/support.js';
import { startCluster, type Cluster } from './cluster.js';

// Several processes on one PostgreSQL and one Redis: every node serves every
// document, a stock y-websocket client on each sees the others' edits and
// presence, and the server's rules hold across nodes, judged against the
// shared state even on a node that is behind.

function allergy(authorId: string, id: string, parents: string[] = []): Revision {
  return {
    revisionId: `rev-${id}${parents.length ? '-2' : ''}`,
    key: `AllergyIntolerance/${id}`,
    parents,
    author: { id: authorId, displayName: 'whoever', role: 'clinician' },
    at: '2024-03-01T09:30:00Z',
    resource: penicillinAllergy('pat-1', id),
  };
}

/** Resolves once some node has subscribed to a broker channel. */
async function subscribed(cluster: Cluster, channel: string): Promise<void> {
  const redis = new Redis(cluster.redis.url);
  try {
    for (;;) {
      const [, count] = (await redis.pubsub('NUMSUB', channel)) as [string, number];
      if (Number(count) > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  } finally {
    redis.disconnect();
  }
}

describe('sync cluster: several nodes on one store', () => {
  let cluster: Cluster;
  before(async () => {
    cluster = await startCluster(3);
  });
  afterEach(() => {
    for (const node of cluster.nodes) node.closeClients();
  });
  after(() => cluster.stop());

  it('a stock client on each of three nodes: every edit reaches every client, and all converge', async () => {
    const doc = 'emr/pat-1/note/n-three';
    const clients = [
      cluster.nodes[0]!.connect(doc, await token('dr-okafor')),
      cluster.nodes[1]!.connect(doc, await token('dr-lindqvist')),
      cluster.nodes[2]!.connect(doc, await token('dr-okafor')),
    ];
    await Promise.all(clients.map((c) => c.synced));
    clients.forEach((client, i) => client.doc.getText('body').insert(0, `[${i}]`));
    for (const client of clients)
      await until(client.doc, () => client.doc.getText('body').length === 9);
    const texts = clients.map((c) => c.doc.getText('body').toString());
    assert.ok(
      texts.every((text) => text === texts[0]),
      texts.join(' | '),
    );
    for (let i = 0; i < 3; i++) assert.ok(texts[0]!.includes(`[${i}]`));
    // A node that opens the document later reads all of it from the store.
    const late = cluster.nodes[1]!.connect(doc, await token('dr-lindqvist'));
    await until(late.doc, () => late.doc.getText('body').toString() === texts[0]);
  });

  it('presence crosses nodes, with the name each node vouches for, and goes when its client leaves', async () => {
    const doc = 'emr/pat-1/note/n-presence';
    const a = cluster.nodes[0]!.connect(doc, await token('dr-okafor'));
    const b = cluster.nodes[1]!.connect(doc, await token('dr-lindqvist'));
    await Promise.all([a.synced, b.synced]);
    a.provider.awareness.setLocalStateField('user', { id: 'forged', name: 'Forged Name' });
    const seen = () =>
      [...b.provider.awareness.getStates().entries()].find(([id]) => id === a.doc.clientID)?.[1] as
        { user?: { id: string; name: string } } | undefined;
    await new Promise<void>((resolve) => {
      const check = () => {
        if (seen()?.user?.id === 'dr-okafor') {
          b.provider.awareness.off('change', check);
          resolve();
        }
      };
      b.provider.awareness.on('change', check);
      check();
    });
    assert.equal(seen()?.user?.name, 'Dr Ada Okafor');
    // A node answers for its own connections only: an echo of A's state sent to node B is left out.
    a.provider.destroy();
    await new Promise<void>((resolve) => {
      const check = () => {
        if (!seen()) {
          b.provider.awareness.off('change', check);
          resolve();
        }
      };
      b.provider.awareness.on('change', check);
      check();
    });
  });

  it('tells a core-document watcher on one node of a change stored through another', async () => {
    const watcher = cluster.nodes[0]!.connect('emr/pat-1/core', await token('dr-okafor'));
    await watcher.synced;
    const told = new Promise<string>((resolve) => {
      watcher.provider.messageHandlers[CHANGE_NOTICE] = (_encoder, decoder) =>
        resolve(readChangeNotice(decoder));
    });
    watcher.provider.ws!.send(watchChangesMessage());
    await subscribed(cluster, 'emr-sync:patient:pat-1');
    const writer = cluster.nodes[2]!.connect('emr/pat-1/note/n-told', await token('dr-lindqvist'));
    await writer.synced;
    writer.doc.getText('body').insert(0, 'x');
    assert.equal(await told, 'emr/pat-1/note/n-told');
  });

  it('a large write goes through the broker by its numbers alone, and the other node reads it from the store', async () => {
    const doc = 'emr/pat-1/note/n-large';
    const writer = cluster.nodes[0]!.connect(doc, await token('dr-okafor'));
    const reader = cluster.nodes[1]!.connect(doc, await token('dr-lindqvist'));
    await Promise.all([writer.synced, reader.synced]);
    const large = 'x'.repeat(1024 * 1024);
    writer.doc.getText('body').insert(0, large);
    await until(reader.doc, () => reader.doc.getText('body').length === large.length);
  });

  it('/health names the store and the broker', async () => {
    const { body } = await getJson(httpUrl(cluster.nodes[0]!.server, '/health'));
    assert.equal(body.status, 'ok');
    assert.equal(body.store, 'ok');
    assert.equal(body.broker, 'ok');
  });
});

describe('sync cluster: a node that is behind judges writes against the shared state', () => {
  let cluster: Cluster;
  before(async () => {
    cluster = await startCluster(1);
    // A second node that hears nothing of the first: always behind until it writes.
    await cluster.addNode({ broker: false });
  });
  afterEach(() => {
    for (const node of cluster.nodes) node.closeClients();
  });
  after(() => cluster.stop());

  it('a client resending a colleague’s revision to a node that has not seen it is not refused, and nothing is stored twice', async () => {
    const doc = 'emr/pat-1/core';
    const [current, behind] = cluster.nodes as [
      (typeof cluster.nodes)[0],
      (typeof cluster.nodes)[0],
    ];
    // The node that is behind has the document open before the colleague writes.
    const idle = behind.connect(doc, await token('dr-okafor'));
    await idle.synced;
    const colleague = current.connect(doc, await token('dr-okafor'));
    const device = current.connect(doc, await token('dr-lindqvist'));
    await Promise.all([colleague.synced, device.synced]);
    colleague.doc
      .getArray<string>('revisions')
      .push([encodeRevision(allergy('dr-okafor', 'alg-1'))]);
    await until(device.doc, () => device.doc.getArray('revisions').length === 1);
    assert.equal(idle.doc.getArray('revisions').length, 0, 'the second node has not heard of it');

    // Dr Lindqvist's device moves to the node that is behind, holding Dr Okafor's revision, and adds her own.
    device.provider.destroy();
    const moved = behind.connect(doc, await token('dr-lindqvist'), device.doc);
    await moved.synced;
    device.doc
      .getArray<string>('revisions')
      .push([encodeRevision(allergy('dr-lindqvist', 'alg-2'))]);
    await until(idle.doc, () => idle.doc.getArray('revisions').length === 2);
    assert.ok(!behind.log.some((l) => l.event === 'write-refused'), 'nothing refused');

    const store = await PostgresStore.open(cluster.postgres);
    try {
      const audit = await store.readAudit('pat-1');
      assert.deepEqual(
        audit.filter((r) => r.document === doc).map((r) => r.userId),
        ['dr-okafor', 'dr-lindqvist'],
      );
      const merged = new Y.Doc();
      Y.applyUpdate(merged, Y.mergeUpdates(await store.loadUpdates(doc)));
      assert.equal(merged.getArray('revisions').length, 2);
      merged.destroy();
    } finally {
      await store.close();
    }
  });

  it('a client id another user wrote with on another node is refused on a node that has not seen it', async () => {
    const doc = 'emr/pat-1/note/n-owners';
    const [current, behind] = cluster.nodes as [
      (typeof cluster.nodes)[0],
      (typeof cluster.nodes)[0],
    ];
    const idle = behind.connect(doc, await token('dr-okafor'));
    await idle.synced;
    const owner = current.connect(doc, await token('dr-okafor'));
    await owner.synced;
    owner.doc.getText('body').insert(0, 'mine');
    await current.logged((l) => l.event === 'document-loaded' && l.document === doc);
    const store = await PostgresStore.open(cluster.postgres);
    try {
      while ((await store.loadClientOwners(doc)).size === 0)
        await new Promise((resolve) => setTimeout(resolve, 10));
    } finally {
      await store.close();
    }
    const copycat = new Y.Doc();
    copycat.clientID = owner.doc.clientID;
    copycat.getText('other').insert(0, 'not yours');
    const forger = behind.connect(doc, await token('dr-lindqvist'), copycat);
    const closed = await forger.closed;
    assert.equal(closed.code, 4403);
    assert.match(closed.reason, /belongs to another user/);
  });
});
