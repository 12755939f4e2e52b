import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import * as Y from 'yjs';
import type { SyncStore } from '../../../sync/server/index.js';
import { openRaw, updateFrame } from './raw-client.js';
import { openTestStore, startTestServer, token, until, type TestServer } from './support.js';

// The audit log names who wrote each byte. An update the server holds back
// for a missing dependency is the sender's, audited and stored under the
// sender when it arrives, not folded into the write of whoever later
// supplies the dependency.

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Client ids whose structs an update carries. */
function writersOf(update: Uint8Array): Set<number> {
  return new Set(
    (Y.decodeUpdate(update).structs as Array<{ id: { client: number } }>).map(
      (struct) => struct.id.client,
    ),
  );
}

describe('sync server: audit attribution', () => {
  let dataDir: string;
  let store: SyncStore;
  let t: TestServer;
  before(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'emr-sync-attribution-'));
    store = await openTestStore(dataDir);
    t = await startTestServer({ store });
  });
  after(async () => {
    await t.stop();
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('audits an update held back for a missing dependency under its sender, not under the user who later supplies the dependency', async () => {
    const document = 'emr/pat-1/note/n-pending';
    // Dr Lindqvist writes "Reviewed." on her device; Dr Okafor's device gets it peer to peer and appends to it.
    const lindqvistDoc = new Y.Doc();
    lindqvistDoc.getText('body').insert(0, 'Reviewed.');
    const hers = Y.encodeStateAsUpdate(lindqvistDoc);
    const okaforDoc = new Y.Doc();
    Y.applyUpdate(okaforDoc, hers);
    const before = Y.encodeStateVector(okaforDoc);
    okaforDoc.getText('body').insert(9, ' Agree with plan.');
    const his = Y.encodeStateAsUpdate(okaforDoc, before);

    // His reaches the server first: it depends on hers, which the server lacks, so it is held back.
    const okafor = await openRaw(t.server.url, document, await token('dr-okafor'));
    okafor.send(updateFrame(his));
    await t.logged((line) => line.event === 'document-loaded' && line.document === document);
    const watcher = t.connect(document, await token('dr-okafor'));
    await watcher.synced;
    const lindqvist = await openRaw(t.server.url, document, await token('dr-lindqvist'));
    lindqvist.send(updateFrame(hers));
    await until(
      watcher.doc,
      () => watcher.doc.getText('body').toString() === 'Reviewed. Agree with plan.',
    );

    const records = (await store.readAudit('pat-1')).filter(
      (record) => record.document === document,
    );
    const stored = new Map(
      (await store.loadUpdates(document)).map((update) => [sha256(update), update]),
    );
    assert.deepEqual(records.map((r) => r.userId).sort(), ['dr-lindqvist', 'dr-okafor']);
    for (const record of records) {
      const update = stored.get(record.sha256);
      assert.ok(update, `the update audited for ${record.userId} is the one stored`);
      const expected = record.userId === 'dr-okafor' ? okaforDoc.clientID : lindqvistDoc.clientID;
      assert.deepEqual(
        [...writersOf(update)],
        [expected],
        `${record.userId}'s record holds only ${record.userId}'s structs`,
      );
    }
    okafor.ws.close();
    lindqvist.ws.close();
    t.closeClients();
  });

  it('stores nothing for a refused write, and audits nothing for it', async () => {
    const document = 'emr/pat-1/note/n-refused-audit';
    const writer = t.connect(document, await token('dr-okafor'));
    await writer.synced;
    writer.doc.getText('body').insert(0, 'Genuine.');
    await t.logged((line) => line.event === 'document-loaded' && line.document === document);
    const attackerDoc = new Y.Doc();
    Y.applyUpdate(attackerDoc, Y.encodeStateAsUpdate(writer.doc));
    attackerDoc.clientID = writer.doc.clientID; // after the state: Yjs changes an id it sees arrive from elsewhere
    const mark = Y.encodeStateVector(attackerDoc);
    attackerDoc.getText('body').insert(0, 'FORGED ');
    // Wait until the genuine write is audited, then count.
    while ((await store.readAudit('pat-1')).filter((r) => r.document === document).length < 1)
      await new Promise((resolve) => setImmediate(resolve));
    const auditedBefore = (await store.readAudit('pat-1')).filter(
      (r) => r.document === document,
    ).length;
    const storedBefore = (await store.loadUpdates(document)).length;

    const attacker = await openRaw(t.server.url, document, await token('dr-lindqvist'));
    attacker.send(updateFrame(Y.encodeStateAsUpdate(attackerDoc, mark)));
    assert.equal((await attacker.closed).code, 4403);
    assert.equal(
      (await store.readAudit('pat-1')).filter((r) => r.document === document).length,
      auditedBefore,
    );
    assert.equal((await store.loadUpdates(document)).length, storedBefore);
    t.closeClients();
  });
});
