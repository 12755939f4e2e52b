import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import { ClassicLevel } from 'classic-level';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { CLOSE, LevelStore, type PrepareWrite } from '../../../sync/server/index.js';
import { DelegatingStore } from './delegating-store.js';
import { assertHealthy, openRaw, updateFrame } from './raw-client.js';
import {
  closeOf,
  getJson,
  httpUrl,
  openTestStore,
  startTestServer,
  token,
  type TestServer,
} from './support.js';

// The server's own failures, and pressure from outside, close the clients
// concerned and never the process: a store that cannot load a document, a
// client that sends faster than the document loads or stores, an address
// that keeps being refused, a token too large for an HTTP request head.

/** The real store, with loads and appends the test opens, holds or breaks. */
class ControlledStore extends DelegatingStore {
  failLoads = false;
  #loadGate: Promise<void> = Promise.resolve();
  #openLoads!: () => void;
  #appendGate: Promise<void> = Promise.resolve();
  #openAppends!: () => void;
  holdLoads(): void {
    this.#loadGate = new Promise((resolve) => (this.#openLoads = resolve));
  }
  releaseLoads(): void {
    this.#openLoads();
  }
  holdAppends(): void {
    this.#appendGate = new Promise((resolve) => (this.#openAppends = resolve));
  }
  releaseAppends(): void {
    this.#openAppends();
  }
  override async readSince(document: string, afterSeq: number) {
    await this.#loadGate;
    if (this.failLoads) throw new Error('disk read error');
    return this.inner.readSince(document, afterSeq);
  }
  override async write(document: string, afterSeq: number, prepare: PrepareWrite) {
    await this.#appendGate;
    return this.inner.write(document, afterSeq, prepare);
  }
}

/** A note update of `bytes` characters of text, under client id `clientId`. */
function bulkyUpdate(bytes: number, clientId: number): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  doc.getText('body').insert(0, 'x'.repeat(bytes));
  return Y.encodeStateAsUpdate(doc);
}

describe('sync server: faults and pressure', () => {
  let dataDir: string;
  let store: ControlledStore;
  let t: TestServer;
  before(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'emr-sync-faults-'));
    store = new ControlledStore(await openTestStore(dataDir));
    t = await startTestServer({
      store,
      maxQueuedBytes: 1024 * 1024,
      refusalLimit: { perWindow: 1_000 },
    });
  });
  afterEach(() => {
    store.failLoads = false;
    t.closeClients();
  });
  after(async () => {
    await t.stop();
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('a document that cannot be loaded closes its clients with 1011 (the server’s fault), and the server stays up', async () => {
    store.failLoads = true;
    const client = await openRaw(
      t.server.url,
      'emr/pat-1/note/n-unloadable',
      await token('dr-okafor'),
    );
    client.send(updateFrame(bulkyUpdate(10, 1)));
    assert.equal((await client.closed).code, CLOSE.internalError);
    await t.logged(
      (line) => line.event === 'store-failed' && line.document === 'emr/pat-1/note/n-unloadable',
    );
    await assertHealthy(t);
    store.failLoads = false;
    const again = t.connect('emr/pat-1/note/n-unloadable', await token('dr-okafor'));
    await again.synced;
  });

  it('a client that sends more than it may queue while its document loads is closed (1013); the others are served', async () => {
    store.holdLoads();
    const document = 'emr/pat-1/note/n-slow-load';
    const flooder = await openRaw(t.server.url, document, await token('dr-okafor'));
    for (let i = 0; i < 3; i++) flooder.send(updateFrame(bulkyUpdate(400 * 1024, 100 + i)));
    const closed = await flooder.closed;
    assert.equal(closed.code, CLOSE.tryAgainLater);
    assert.match(closed.reason, /writes waiting/);
    store.releaseLoads();
    await assertHealthy(t);
    const patient = t.connect(document, await token('dr-lindqvist'));
    await patient.synced;
  });

  it('a client that sends more than it may queue while its writes are being stored is closed (1013)', async () => {
    const document = 'emr/pat-1/note/n-slow-store';
    const writer = t.connect(document, await token('dr-lindqvist'));
    await writer.synced;
    store.holdAppends();
    const flooder = await openRaw(t.server.url, document, await token('dr-okafor'));
    for (let i = 0; i < 4; i++) flooder.send(updateFrame(bulkyUpdate(400 * 1024, 200 + i)));
    const closed = await flooder.closed;
    assert.equal(closed.code, CLOSE.tryAgainLater);
    assert.match(closed.reason, /waiting to be stored/);
    store.releaseAppends();
    await assertHealthy(t);
  });
});

describe('sync server: refused upgrades and large tokens', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer({ refusalLimit: { perWindow: 3, windowMs: 60_000 } });
  });
  after(() => t.stop());

  it('answers 429 to an address refused too often in a minute, even with a good token, and counts both in /health', async () => {
    for (let i = 0; i < 3; i++)
      assert.equal(
        (await closeOf(`${t.server.url}/emr/pat-1/core?token=forged-${i}`)).code,
        CLOSE.unauthenticated,
      );
    const valid = await token('dr-okafor');
    const status = await new Promise<number>((resolve, reject) => {
      const ws = new WebSocket(`${t.server.url}/emr/pat-1/core?token=${valid}`);
      ws.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
      ws.on('open', () => reject(new Error('a throttled address was let in')));
    });
    assert.equal(status, 429);
    // The HTTP routes that read a token share the count: the address waits there too.
    const audit = await getJson(httpUrl(t.server, '/audit?patient=pat-1'), {
      authorization: `Bearer ${valid}`,
    });
    assert.equal(audit.status, 429);
    const { body } = await getJson(httpUrl(t.server, '/health'));
    assert.equal(body.refusedUpgrades, 3);
    assert.equal(body.throttledUpgrades, 2);
  });
});

describe('sync server: tokens too large', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer();
  });
  after(() => t.stop());

  it('refuses a 20 KB token with 4401 (final for y-websocket), not an HTTP error a client retries forever', async () => {
    const huge = `${await token('dr-okafor')}${'A'.repeat(20_000)}`;
    const closed = await closeOf(`${t.server.url}/emr/pat-1/core?token=${huge}`);
    assert.equal(closed.code, CLOSE.unauthenticated);
    assert.match(closed.reason, /token too large/);
    await assertHealthy(t);
  });

  it('logs and counts a request head beyond any token (over 256 KiB), which never reaches the upgrade', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const ws = new WebSocket(`${t.server.url}/emr/pat-1/core?token=${'A'.repeat(300_000)}`);
      ws.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
      ws.on('error', reject);
    });
    assert.equal(status, 431);
    await t.logged(
      (line) => line.event === 'connection-refused' && line.reason === 'request head too large',
    );
    await assertHealthy(t);
  });
});

describe('the embedded store: durable writes', () => {
  let dataDir: string;
  const seen: unknown[] = [];
  // LevelDB's own batch call, where the sync option takes effect.
  type Batch = (this: unknown, operations: unknown, options: { sync?: boolean }) => Promise<void>;
  const level = ClassicLevel.prototype as unknown as { _batch: Batch };
  const original = level._batch;
  before(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'emr-sync-durable-'));
    level._batch = function (operations, options) {
      seen.push(options.sync);
      return original.call(this, operations, options);
    };
  });
  after(async () => {
    level._batch = original;
    await rm(dataDir, { recursive: true, force: true });
  });

  const audit = {
    time: '2024-03-01T09:30:00.000Z',
    document: 'emr/pat-1/core',
    patientId: 'pat-1',
    userId: 'u',
    userName: 'U',
    role: 'clinician',
    bytes: 1,
    sha256: '00',
  };

  it('syncs every append and compaction to the disk by default: acknowledged means on disk', async () => {
    const store = await LevelStore.open(path.join(dataDir, 'default'));
    seen.length = 0;
    await store.write('emr/pat-1/core', 0, () => [{ update: new Uint8Array([0, 0]), audit }]);
    await store.replaceUpdates('emr/pat-1/core', new Uint8Array([0, 0]), 1);
    await store.close();
    assert.deepEqual(seen, [true, true]);
  });

  it('leaves the sync out only when asked (syncWrites: false)', async () => {
    const store = await LevelStore.open(path.join(dataDir, 'unsynced'), { syncWrites: false });
    seen.length = 0;
    await store.write('emr/pat-1/core', 0, () => [{ update: new Uint8Array([0, 0]), audit }]);
    await store.close();
    assert.deepEqual(seen, [false]);
  });
});
