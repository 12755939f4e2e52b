import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import * as Y from 'yjs';
import {
  destroyClient,
  getJson,
  httpUrl,
  openTestStore,
  startTestServer,
  token,
  until,
} from './support.js';

describe('sync server: documents', () => {
  let dataDir: string;
  before(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'emr-sync-docs-'));
  });
  after(() => rm(dataDir, { recursive: true, force: true }));

  it('two stock y-websocket clients see the same document, both ways', async () => {
    const t = await startTestServer();
    try {
      const doc = 'emr/pat-1/note/n-shared';
      const a = t.connect(doc, await token('dr-okafor'));
      const b = t.connect(doc, await token('dr-lindqvist'));
      await Promise.all([a.synced, b.synced]);
      a.doc.getText('body').insert(0, 'Chest clear.');
      await until(b.doc, () => b.doc.getText('body').length === 12);
      b.doc.getText('body').insert(12, ' No murmur.');
      await until(a.doc, () => a.doc.getText('body').length === 23);
      assert.equal(a.doc.getText('body').toString(), 'Chest clear. No murmur.');
      assert.deepEqual(Y.encodeStateVector(a.doc), Y.encodeStateVector(b.doc));
    } finally {
      await t.stop();
    }
  });

  it('a document outlives the server: stopped, restarted, served again', async () => {
    const doc = 'emr/pat-1/note/n-restart';
    const first = await startTestServer({ dataDir });
    const a = first.connect(doc, await token('dr-okafor'));
    await a.synced;
    const b = first.connect(doc, await token('dr-lindqvist'));
    await b.synced;
    a.doc.getText('body').insert(0, 'Plan: review in 2 days.');
    await until(b.doc, () => b.doc.getText('body').length > 0);
    await first.stop();

    const second = await startTestServer({ dataDir });
    try {
      const c = second.connect(doc, await token('dr-lindqvist'));
      await c.synced;
      assert.equal(c.doc.getText('body').toString(), 'Plan: review in 2 days.');
    } finally {
      await second.stop();
    }
  });

  it('a document is stored, compacted and unloaded when its last connection leaves; health counts it', async () => {
    const store = await openTestStore(path.join(dataDir, 'unload'));
    const t = await startTestServer({ store });
    try {
      const doc = 'emr/pat-1/note/n-unload';
      const a = t.connect(doc, await token('dr-okafor'));
      const b = t.connect(doc, await token('dr-lindqvist'));
      await Promise.all([a.synced, b.synced]);
      for (const word of ['one ', 'two ', 'three '])
        a.doc.getText('body').insert(a.doc.getText('body').length, word);
      await until(b.doc, () => b.doc.getText('body').toString() === 'one two three ');
      assert.ok((await store.loadUpdates(doc)).length >= 1);

      const open = await getJson(httpUrl(t.server, '/health'));
      assert.equal(open.status, 200);
      assert.equal(open.body.status, 'ok');
      assert.equal(open.body.documents, 1);
      assert.equal(open.body.connections, 2);
      assert.equal(typeof open.body.uptimeSeconds, 'number');

      destroyClient(a);
      destroyClient(b);
      await t.logged((l) => l.event === 'document-unloaded' && l.document === doc);
      const closed = await getJson(httpUrl(t.server, '/health'));
      assert.equal(closed.body.documents, 0);
      assert.equal(closed.body.connections, 0);
      const stored = await store.loadUpdates(doc);
      assert.equal(stored.length, 1, 'compacted into one update');
      const reloaded = new Y.Doc();
      Y.applyUpdate(reloaded, stored[0]!);
      assert.equal(reloaded.getText('body').toString(), 'one two three ');
      reloaded.destroy();
    } finally {
      await t.stop();
      await store.close();
    }
  });

  it('compacts a document that grows past the limit while open', async () => {
    const store = await openTestStore(path.join(dataDir, 'compact'));
    const t = await startTestServer({ store, compactAfter: 5 });
    try {
      const doc = 'emr/pat-1/note/n-compact';
      const a = t.connect(doc, await token('dr-okafor'));
      const b = t.connect(doc, await token('dr-lindqvist'));
      await Promise.all([a.synced, b.synced]);
      for (let i = 0; i < 12; i++) {
        a.doc.getText('body').insert(a.doc.getText('body').length, `${i};`);
        await until(b.doc, () => b.doc.getText('body').toString().endsWith(`${i};`));
      }
      const stored = await store.loadUpdates(doc);
      assert.ok(stored.length <= 5, `at most 5 stored updates, found ${stored.length}`);
      const reloaded = new Y.Doc();
      Y.applyUpdate(reloaded, Y.mergeUpdates(stored));
      assert.equal(reloaded.getText('body').toString(), b.doc.getText('body').toString());
      reloaded.destroy();
    } finally {
      await t.stop();
      await store.close();
    }
  });

  it('closes a connection that sends what is not the protocol, with 4400 and a log line', async () => {
    const t = await startTestServer();
    try {
      const { default: WebSocket } = await import('ws');
      const ws = new WebSocket(`${t.server.url}/emr/pat-1/core?token=${await token('dr-okafor')}`);
      await new Promise((resolve) => ws.once('open', resolve));
      ws.send(new Uint8Array([9, 9, 9]));
      const code = await new Promise<number>((resolve) => ws.once('close', (c) => resolve(c)));
      assert.equal(code, 4400);
      const line = await t.logged((l) => l.event === 'message-refused');
      assert.equal(line.reason, 'unknown message type 9');
      assert.equal(line.user, 'dr-okafor');
    } finally {
      await t.stop();
    }
  });

  it('drops a client that leaves too much unread, and it catches up when it comes back', async () => {
    const t = await startTestServer({ maxBufferedBytes: 256 * 1024 });
    try {
      const { default: WebSocket } = await import('ws');
      const doc = 'emr/pat-1/note/n-slow';
      // A client that connects, then stops reading.
      const slow = new WebSocket(`${t.server.url}/${doc}?token=${await token('dr-lindqvist')}`);
      await new Promise((resolve) => slow.once('open', resolve));
      (slow as unknown as { _socket: { pause(): void } })._socket.pause();
      const writer = t.connect(doc, await token('dr-okafor'));
      await writer.synced;
      // 16 MB, more than the operating system's socket buffers hold between the two.
      const chunk = 'x'.repeat(64 * 1024);
      const chunks = 256;
      for (let i = 0; i < chunks; i++) writer.doc.getText('body').insert(0, chunk);
      const line = await t.logged(
        (l) => l.event === 'connection-closed' && l.reason === 'client too slow to read',
      );
      assert.equal(line.document, doc);
      assert.equal(line.user, 'dr-lindqvist');
      slow.terminate();
      // Nothing was lost: the document is stored, and a client that comes back gets all of it.
      const back = t.connect(doc, await token('dr-lindqvist'));
      await until(back.doc, () => back.doc.getText('body').length === chunks * chunk.length);
    } finally {
      await t.stop();
    }
  });
});
