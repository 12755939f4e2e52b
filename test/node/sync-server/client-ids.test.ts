import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import * as Y from 'yjs';
import { encodeRevision, type Revision } from '../../../model/index.js';
import { penicillinAllergy } from '../../support/resources.js';
import { startTestServer, token, until, type TestServer } from './support.js';

// A Yjs client id belongs to the user who first wrote with it. A clinician
// who takes a colleague's id (visible in every relayed update) is refused,
// so the colleague's own later writes under it are never mistaken for
// writes the server already holds.

function allergyRevision(authorId: string, id: string): Revision {
  return {
    revisionId: `rev-${id}`,
    key: `AllergyIntolerance/${id}`,
    parents: [],
    author: { id: authorId, displayName: authorId, role: 'clinician' },
    at: '2024-03-01T09:30:00Z',
    resource: penicillinAllergy('pat-1', id),
  };
}

describe('sync server: client ids', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer();
  });
  afterEach(() => t.closeClients());
  after(() => t.stop());

  it("refuses (4403) a note edit under a colleague's client id; the colleague's later offline writes still arrive", async () => {
    const document = 'emr/pat-1/note/n-client-id';
    const colleague = t.connect(document, await token('dr-lindqvist'));
    const watcher = t.connect(document, await token('dr-lindqvist'));
    await Promise.all([colleague.synced, watcher.synced]);
    colleague.doc.getText('body').insert(0, 'Seen on the ward round.');
    await until(watcher.doc, () => watcher.doc.getText('body').length > 0);

    // The attacker holds the same state, then writes as the colleague's client id, at its next clock.
    const forged = new Y.Doc();
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(colleague.doc));
    forged.clientID = colleague.doc.clientID;
    const attacker = t.connect(document, await token('dr-okafor'), forged);
    forged.getText('body').insert(0, 'FORGED ');
    const closed = await attacker.closed;
    assert.equal(closed.code, 4403);
    assert.match(closed.reason, /client id \d+ belongs to another user/);

    // The colleague goes offline, writes at the very clocks the attacker used, and comes back.
    colleague.provider.disconnect();
    colleague.doc.getText('body').insert(23, ' Plan: discharge.');
    colleague.provider.connect();
    await until(watcher.doc, () => watcher.doc.getText('body').toString().includes('discharge'));
    assert.equal(
      watcher.doc.getText('body').toString(),
      'Seen on the ward round. Plan: discharge.',
    );
    assert.ok(
      t.log.some(
        (line) =>
          line.event === 'write-refused' &&
          line.user === 'dr-okafor' &&
          /belongs to another user/.test(String(line.reason)),
      ),
    );
  });

  it("refuses a chart revision written under a colleague's client id, even one the attacker signs with their own name", async () => {
    const document = 'emr/pat-1/core';
    const colleague = t.connect(document, await token('dr-lindqvist'));
    await colleague.synced;
    colleague.doc
      .getArray<string>('revisions')
      .push([encodeRevision(allergyRevision('dr-lindqvist', 'alg-cid-1'))]);
    const watcher = t.connect(document, await token('dr-okafor'));
    await watcher.synced;
    await until(watcher.doc, () => watcher.doc.getArray('revisions').length === 1);

    const forged = new Y.Doc();
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(colleague.doc));
    forged.clientID = colleague.doc.clientID;
    const attacker = t.connect(document, await token('dr-okafor'), forged);
    forged
      .getArray<string>('revisions')
      .push([encodeRevision(allergyRevision('dr-okafor', 'alg-cid-2'))]);
    assert.equal((await attacker.closed).code, 4403);

    colleague.doc
      .getArray<string>('revisions')
      .push([encodeRevision(allergyRevision('dr-lindqvist', 'alg-cid-3'))]);
    await until(watcher.doc, () => watcher.doc.getArray('revisions').length === 2);
    assert.match(String(watcher.doc.getArray('revisions').get(1)), /alg-cid-3/);
  });

  it('keeps the binding across a restart: it is stored with the document', async () => {
    const document = 'emr/pat-1/note/n-client-id-restart';
    const restartable = await startTestServer();
    const dataDir = restartable.dataDir;
    const colleague = restartable.connect(document, await token('dr-lindqvist'));
    await colleague.synced;
    colleague.doc.getText('body').insert(0, 'Before the restart.');
    const watcher = restartable.connect(document, await token('dr-okafor'));
    await watcher.synced;
    await until(watcher.doc, () => watcher.doc.getText('body').length > 0);
    const stolenId = colleague.doc.clientID;
    const state = Y.encodeStateAsUpdate(colleague.doc);
    restartable.closeClients();
    await restartable.server.close();

    const again = await startTestServer({ dataDir });
    try {
      const forged = new Y.Doc();
      Y.applyUpdate(forged, state);
      forged.clientID = stolenId;
      const attacker = again.connect(document, await token('dr-okafor'), forged);
      await attacker.synced;
      forged.getText('body').insert(0, 'FORGED ');
      assert.equal((await attacker.closed).code, 4403);
    } finally {
      await again.stop();
      await restartable.stop();
    }
  });

  it('a reconnecting client that resends colleagues’ structs, and one that writes under its own new id, are not refused', async () => {
    const document = 'emr/pat-1/note/n-client-id-resend';
    const a = t.connect(document, await token('dr-okafor'));
    const b = t.connect(document, await token('dr-lindqvist'));
    await Promise.all([a.synced, b.synced]);
    a.doc.getText('body').insert(0, 'A wrote this. ');
    await until(b.doc, () => b.doc.getText('body').length > 0);
    // b reconnects with a fresh document holding a's structs and its own: a stock client resends all of it.
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(b.doc));
    fresh.getText('body').insert(fresh.getText('body').length, 'B added this.');
    const rejoined = t.connect(document, await token('dr-lindqvist'), fresh);
    await rejoined.synced;
    await until(a.doc, () => a.doc.getText('body').toString() === 'A wrote this. B added this.');
    assert.equal(rejoined.provider.wsconnected, true);
  });
});
