import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import * as Y from 'yjs';
import { encodeRevision, type Revision } from '../../../model/index.js';
import { penicillinAllergy } from '../../support/resources.js';
import { DEPLOYMENTS, type Deployment } from './deployments.js';
import { token, until } from './support.js';

// A Yjs client id belongs to the user who first wrote with it. A clinician
// who takes a colleague's id (visible in every relayed update) is refused,
// so the colleague's own later writes under it are never mistaken for
// writes the server already holds.
// On one node, and on one of two nodes with the colleague on the other: the
// binding is stored, so every node knows it.

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

for (const deployment of DEPLOYMENTS)
  describe(`sync server: client ids (${deployment.name})`, () => {
    let d: Deployment;
    before(async () => {
      d = await deployment.start();
    });
    afterEach(async () => {
      for (const node of d.nodes) node.closeClients();
      await d.assertUnaffected();
    });
    after(() => d.stop());

    it("refuses (4403) a note edit under a colleague's client id; the colleague's later offline writes still arrive", async () => {
      const document = 'emr/pat-1/note/n-client-id';
      const colleague = d.b.connect(document, await token('dr-lindqvist'));
      const watcher = d.b.connect(document, await token('dr-lindqvist'));
      await Promise.all([colleague.synced, watcher.synced]);
      colleague.doc.getText('body').insert(0, 'Seen on the ward round.');
      await until(watcher.doc, () => watcher.doc.getText('body').length > 0);

      // The attacker holds the same state, then writes as the colleague's client id, at its next clock.
      const forged = new Y.Doc();
      Y.applyUpdate(forged, Y.encodeStateAsUpdate(colleague.doc));
      forged.clientID = colleague.doc.clientID;
      const attacker = d.a.connect(document, await token('dr-okafor'), forged);
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
      assert.ok(!(await d.stored(document)).getText('body').toString().includes('FORGED'));
      assert.ok(
        d.a.log.some(
          (line) =>
            line.event === 'write-refused' &&
            line.user === 'dr-okafor' &&
            /belongs to another user/.test(String(line.reason)),
        ),
      );
    });

    it("refuses a chart revision written under a colleague's client id, even one the attacker signs with their own name", async () => {
      const document = 'emr/pat-1/core';
      const colleague = d.b.connect(document, await token('dr-lindqvist'));
      await colleague.synced;
      colleague.doc
        .getArray<string>('revisions')
        .push([encodeRevision(allergyRevision('dr-lindqvist', 'alg-cid-1'))]);
      const watcher = d.b.connect(document, await token('dr-okafor'));
      await watcher.synced;
      await until(watcher.doc, () => watcher.doc.getArray('revisions').length === 1);

      const forged = new Y.Doc();
      Y.applyUpdate(forged, Y.encodeStateAsUpdate(colleague.doc));
      forged.clientID = colleague.doc.clientID;
      const attacker = d.a.connect(document, await token('dr-okafor'), forged);
      forged
        .getArray<string>('revisions')
        .push([encodeRevision(allergyRevision('dr-okafor', 'alg-cid-2'))]);
      assert.equal((await attacker.closed).code, 4403);

      colleague.doc
        .getArray<string>('revisions')
        .push([encodeRevision(allergyRevision('dr-lindqvist', 'alg-cid-3'))]);
      await until(watcher.doc, () => watcher.doc.getArray('revisions').length === 2);
      assert.match(String(watcher.doc.getArray('revisions').get(1)), /alg-cid-3/);
      assert.ok(
        !JSON.stringify((await d.stored(document)).getArray('revisions').toJSON()).includes(
          'alg-cid-2',
        ),
      );
    });

    it('keeps the binding across a restart: it is stored with the document', async () => {
      const document = 'emr/pat-1/note/n-client-id-restart';
      const colleague = d.b.connect(document, await token('dr-lindqvist'));
      await colleague.synced;
      colleague.doc.getText('body').insert(0, 'Before the restart.');
      const watcher = d.b.connect(document, await token('dr-okafor'));
      await watcher.synced;
      await until(watcher.doc, () => watcher.doc.getText('body').length > 0);
      const stolenId = colleague.doc.clientID;
      const state = Y.encodeStateAsUpdate(colleague.doc);
      await d.restart();

      const forged = new Y.Doc();
      Y.applyUpdate(forged, state);
      forged.clientID = stolenId;
      const attacker = d.a.connect(document, await token('dr-okafor'), forged);
      await attacker.synced;
      forged.getText('body').insert(0, 'FORGED ');
      assert.equal((await attacker.closed).code, 4403);
    });

    it('a reconnecting client that resends colleagues’ structs, and one that writes under its own new id, are not refused', async () => {
      const document = 'emr/pat-1/note/n-client-id-resend';
      const a = d.a.connect(document, await token('dr-okafor'));
      const b = d.b.connect(document, await token('dr-lindqvist'));
      await Promise.all([a.synced, b.synced]);
      a.doc.getText('body').insert(0, 'A wrote this. ');
      await until(b.doc, () => b.doc.getText('body').length > 0);
      // b reconnects with a fresh document holding a's structs and its own: a stock client resends all of it.
      const fresh = new Y.Doc();
      Y.applyUpdate(fresh, Y.encodeStateAsUpdate(b.doc));
      fresh.getText('body').insert(fresh.getText('body').length, 'B added this.');
      const rejoined = d.a.connect(document, await token('dr-lindqvist'), fresh);
      await rejoined.synced;
      await until(a.doc, () => a.doc.getText('body').toString() === 'A wrote this. B added this.');
      assert.equal(rejoined.provider.wsconnected, true);
    });
  });
