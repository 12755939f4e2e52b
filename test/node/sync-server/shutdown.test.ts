import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import * as Y from 'yjs';
import type { PrepareWrite } from '../../../sync/server/index.js';
import { DelegatingStore } from './delegating-store.js';
import { startChildServer } from './child-server.js';
import {
  connectClient,
  destroyClient,
  openTestStore,
  startTestServer,
  token,
  until,
} from './support.js';

/** The real store, with a gate on writes: the test decides when a write reaches it. */
class GatedStore extends DelegatingStore {
  reached!: Promise<void>;
  #arrived!: () => void;
  #open: Promise<void> = Promise.resolve();
  #release!: () => void;
  hold(): void {
    this.reached = new Promise((resolve) => (this.#arrived = resolve));
    this.#open = new Promise((resolve) => (this.#release = resolve));
  }
  release(): void {
    this.#release();
  }
  override async write(document: string, afterSeq: number, prepare: PrepareWrite) {
    this.#arrived?.();
    await this.#open;
    return this.inner.write(document, afterSeq, prepare);
  }
}

describe('sync server: shutdown', () => {
  let dataDir: string;
  before(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'emr-sync-shutdown-'));
  });
  after(() => rm(dataDir, { recursive: true, force: true }));

  it('close() tells clients 1001 and does not finish before pending writes are stored', async () => {
    const store = new GatedStore(await openTestStore(path.join(dataDir, 'gated')));
    const t = await startTestServer({ store });
    const doc = 'emr/pat-1/note/n-shutdown';
    try {
      const a = t.connect(doc, await token('dr-okafor'));
      const b = t.connect(doc, await token('dr-lindqvist'));
      await Promise.all([a.synced, b.synced]);
      const codes = new Promise<number>((resolve) =>
        b.provider.once('connection-close', (event) => resolve(event?.code ?? 0)),
      );
      store.hold();
      a.doc.getText('body').insert(0, 'Discharge summary started.');
      await store.reached;

      let closed = false;
      const closing = t.server.close().then(() => {
        closed = true;
      });
      assert.equal(await codes, 1001);
      assert.equal(closed, false, 'still storing');
      store.release();
      await closing;

      const stored = await store.loadUpdates(doc);
      const reloaded = new Y.Doc();
      Y.applyUpdate(reloaded, Y.mergeUpdates(stored));
      assert.equal(reloaded.getText('body').toString(), 'Discharge summary started.');
      reloaded.destroy();
      assert.equal((await store.readAudit('pat-1')).length, 1);
      assert.ok(t.log.some((l) => l.event === 'stopped'));
    } finally {
      await t.stop();
      await store.close();
    }
  });

  it('emr-kit serve stops on SIGTERM with exit 0, the store closed and reusable', async () => {
    const serverDir = path.join(dataDir, 'sigterm');
    const child = await startChildServer(serverDir);
    const client = connectClient(child.url, 'emr/pat-1/note/n-term', await token('dr-okafor'));
    const watcher = connectClient(child.url, 'emr/pat-1/note/n-term', await token('dr-lindqvist'));
    try {
      await Promise.all([client.synced, watcher.synced]);
      client.doc.getText('body').insert(0, 'x');
      await until(watcher.doc, () => watcher.doc.getText('body').length === 1);
      child.child.kill('SIGTERM');
      assert.deepEqual(await child.exited, { code: 0, signal: null });
      assert.ok(child.lines.some((l) => l.event === 'stopped'));
    } finally {
      destroyClient(client);
      destroyClient(watcher);
    }
    const store = await openTestStore(serverDir);
    try {
      assert.equal((await store.readAudit('pat-1')).length, 1);
    } finally {
      await store.close();
    }
  });
});
