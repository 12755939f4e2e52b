import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { encodeRevision, type DocumentReference, type Revision } from '../../../model/index.js';
import { CLOSE } from '../../../sync/server/index.js';
import { heartRate, penicillinAllergy } from '../../support/resources.js';
import { DEPLOYMENTS, type Deployment } from './deployments.js';
import { token, until } from './support.js';

// The chart document is the chart's audit trail: the server takes only new
// revisions that validate, that carry the token's user as their author, and
// that belong to the document's patient: on one node, and on one of two
// nodes (the refused client on one, its colleagues on the other).

function revision(authorId: string, id: string): Revision {
  return {
    revisionId: `rev-${id}`,
    key: `AllergyIntolerance/${id}`,
    parents: [],
    author: { id: authorId, displayName: 'whoever', role: 'clinician' },
    at: '2024-03-01T09:30:00Z',
    resource: penicillinAllergy('pat-1', id),
  };
}

for (const deployment of DEPLOYMENTS)
  describe(`sync server: chart revisions (${deployment.name})`, () => {
    let d: Deployment;
    before(async () => {
      d = await deployment.start();
    });
    afterEach(async () => {
      for (const node of d.nodes) node.closeClients();
      await d.assertUnaffected();
    });
    after(() => d.stop());

    it("takes a clinician's own valid revisions, and relays them", async () => {
      const doc = 'emr/pat-1/core';
      const a = d.a.connect(doc, await token('dr-okafor'));
      const b = d.b.connect(doc, await token('dr-lindqvist'));
      await Promise.all([a.synced, b.synced]);
      a.doc.getArray<string>('revisions').push([encodeRevision(revision('dr-okafor', 'alg-1'))]);
      await until(b.doc, () => b.doc.getArray('revisions').length === 1);
      b.doc.getArray<string>('revisions').push([encodeRevision(revision('dr-lindqvist', 'alg-2'))]);
      await until(a.doc, () => a.doc.getArray('revisions').length === 2);
      assert.deepEqual(
        a.doc.getArray('revisions').toArray(),
        b.doc.getArray('revisions').toArray(),
      );
    });

    it('a client resending other users’ revisions after a reconnect is not refused', async () => {
      const doc = 'emr/pat-1/core';
      const reconnecting = d.a.connect(doc, await token('dr-lindqvist'));
      await reconnecting.synced;
      await until(reconnecting.doc, () => reconnecting.doc.getArray('revisions').length === 2);
      reconnecting.provider.disconnect();
      reconnecting.provider.connect();
      await new Promise<void>((resolve) =>
        reconnecting.provider.once('sync', (synced) => synced && resolve()),
      );
      reconnecting.doc
        .getArray<string>('revisions')
        .push([encodeRevision(revision('dr-lindqvist', 'alg-3'))]);
      const observer = d.b.connect(doc, await token('dr-okafor'));
      await until(observer.doc, () => observer.doc.getArray('revisions').length === 3);
      for (const node of d.nodes) assert.ok(!node.log.some((l) => l.event === 'write-refused'));
    });

    const refused = async (
      document: string,
      write: (array: import('yjs').Array<unknown>) => void,
      code: number,
      reason: RegExp,
    ) => {
      const forger = d.a.connect(document, await token('dr-okafor'));
      await forger.synced;
      const before = forger.doc.getArray('revisions').length;
      write(forger.doc.getArray('revisions'));
      const closed = await forger.closed;
      assert.equal(closed.code, code);
      assert.match(closed.reason, reason);
      const line = await d.a.logged(
        (l) =>
          l.event === 'write-refused' && l.document === document && reason.test(String(l.reason)),
      );
      assert.equal(line.user, 'dr-okafor');
      assert.equal(line.document, document);
      for (const node of d.nodes) {
        const reader = node.connect(document, await token('dr-lindqvist'));
        await reader.synced;
        assert.equal(
          reader.doc.getArray('revisions').length,
          before,
          "the node's document does not have it",
        );
      }
      assert.equal((await d.stored(document)).getArray('revisions').length, before, 'not stored');
    };

    it('refuses a revision in another user’s name: 4403, logged, not kept', async () => {
      await refused(
        'emr/pat-1/core',
        (array) => array.push([encodeRevision(revision('dr-lindqvist', 'alg-9'))]),
        CLOSE.forbidden,
        /author is not the token user/,
      );
    });

    it('refuses a revision for another patient than the document’s: 4403, not kept', async () => {
      const elsewhere: Revision = {
        ...revision('dr-okafor', 'alg-7'),
        resource: penicillinAllergy('pat-2', 'alg-7'),
      };
      await refused(
        'emr/pat-1/core',
        (array) => array.push([encodeRevision(elsewhere)]),
        CLOSE.forbidden,
        /AllergyIntolerance\/alg-7 belongs to Patient\/pat-2, not to the chart of Patient\/pat-1/,
      );
    });

    it('refuses a revision that does not validate: 4400', async () => {
      const bad = { ...revision('dr-okafor', 'alg-8'), key: 'AllergyIntolerance/other' };
      await refused(
        'emr/pat-1/core',
        (array) => array.push([JSON.stringify(bad)]),
        CLOSE.badMessage,
        /invalid revision: revision key .* does not match its resource/,
      );
    });

    it('refuses anything but revision strings in a chart document: 4400', async () => {
      await refused(
        'emr/pat-1/observations/2024-03-01',
        (array) => array.push([{ not: 'a string' }]),
        CLOSE.badMessage,
        /invalid revision/,
      );
    });

    it('refuses a revision that changes a signed note: 4403, not kept; marking it entered-in-error is taken', async () => {
      const doc = 'emr/pat-1/core';
      const note = (
        text: string,
        docStatus: DocumentReference['docStatus'],
      ): DocumentReference => ({
        resourceType: 'DocumentReference',
        id: 'note-7',
        status: docStatus === 'entered-in-error' ? 'entered-in-error' : 'current',
        docStatus,
        subject: { reference: 'Patient/pat-1' },
        date: '2024-03-01T10:00:00Z',
        content: [
          { attachment: { contentType: 'text/plain', data: Buffer.from(text).toString('base64') } },
        ],
      });
      const noteRevision = (
        id: string,
        parents: string[],
        resource: DocumentReference,
      ): Revision => ({
        ...revision('dr-okafor', id),
        revisionId: `rev-${id}`,
        key: 'DocumentReference/note-7',
        parents,
        resource,
      });
      const writer = d.b.connect(doc, await token('dr-okafor'));
      await writer.synced;
      const signed = noteRevision('signed', [], note('Chest clear.', 'final'));
      writer.doc.getArray<string>('revisions').push([encodeRevision(signed)]);
      const reader = d.b.connect(doc, await token('dr-lindqvist'));
      await until(reader.doc, () =>
        reader.doc
          .getArray<string>('revisions')
          .toArray()
          .some((r) => r.includes('rev-signed')),
      );
      await refused(
        doc,
        (array) =>
          array.push([
            encodeRevision(
              noteRevision(
                'edited',
                [signed.revisionId],
                note('Chest clear. Discharged.', 'final'),
              ),
            ),
          ]),
        CLOSE.forbidden,
        /signed note: its text cannot be changed/,
      );
      writer.doc
        .getArray<string>('revisions')
        .push([
          encodeRevision(
            noteRevision('voided', [signed.revisionId], note('Chest clear.', 'entered-in-error')),
          ),
        ]);
      await until(reader.doc, () =>
        reader.doc
          .getArray<string>('revisions')
          .toArray()
          .some((r) => r.includes('rev-voided')),
      );
    });

    it('refuses deleting a revision: 4403', async () => {
      const doc = 'emr/pat-1/observations/2024-03-02';
      const writer = d.b.connect(doc, await token('dr-okafor'));
      await writer.synced;
      writer.doc.getArray<string>('revisions').push([
        encodeRevision({
          ...revision('dr-okafor', 'hr-1'),
          key: 'Observation/hr-1',
          resource: heartRate('pat-1', 'hr-1'),
        }),
      ]);
      const reader = d.b.connect(doc, await token('dr-lindqvist'));
      await until(reader.doc, () => reader.doc.getArray('revisions').length === 1);
      await refused(doc, (array) => array.delete(0, 1), CLOSE.forbidden, /never deleted/);
    });
  });
