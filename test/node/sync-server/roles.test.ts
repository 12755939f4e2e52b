import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { DEPLOYMENTS, type Deployment } from './deployments.js';
import { customToken, token, until } from './support.js';

// A viewer (a patient reading their own chart) or an auditor receives the
// document but whatever their client sends is dropped by the server: on one
// node, and on one of two nodes where the colleagues are on the other.

for (const deployment of DEPLOYMENTS)
  describe(`sync server: read-only roles (${deployment.name})`, () => {
    let d: Deployment;
    before(async () => {
      d = await deployment.start();
    });
    afterEach(async () => {
      for (const node of d.nodes) node.closeClients();
      await d.assertUnaffected();
    });
    after(() => d.stop());

    it("a viewer's writes reach neither the server's document nor any other client", async () => {
      const doc = 'emr/pat-1/note/n-roles';
      const clinician = d.b.connect(doc, await token('dr-okafor'));
      const other = d.b.connect(doc, await token('dr-lindqvist'));
      const viewer = d.a.connect(doc, await token('portal-viewer'));
      await Promise.all([clinician.synced, other.synced, viewer.synced]);

      clinician.doc.getText('body').insert(0, 'BP 120/80.');
      // The viewer still receives the document.
      await until(viewer.doc, () => viewer.doc.getText('body').toString() === 'BP 120/80.');

      viewer.doc.getText('body').insert(0, 'FORGED ');
      const dropped = await d.a.logged(
        (l) => l.event === 'write-dropped' && l.user === 'portal-viewer',
      );
      assert.equal(dropped.document, doc);
      assert.match(String(dropped.reason), /viewer is read-only/);

      // Written after the drop: whatever the server relays, it relays in this order.
      clinician.doc.getText('body').insert(10, ' HR 72.');
      await until(other.doc, () => other.doc.getText('body').toString().includes('HR 72.'));
      assert.equal(other.doc.getText('body').toString(), 'BP 120/80. HR 72.');
      assert.equal(clinician.doc.getText('body').toString(), 'BP 120/80. HR 72.');

      // A client that joins now, on either node, gets exactly the server's document; the store holds the same.
      for (const node of d.nodes) {
        const late = node.connect(doc, await token('dr-lindqvist'));
        await until(late.doc, () => late.doc.getText('body').toString().includes('HR 72.'));
        assert.equal(late.doc.getText('body').toString(), 'BP 120/80. HR 72.');
      }
      assert.equal((await d.stored(doc)).getText('body').toString(), 'BP 120/80. HR 72.');
    });

    it("an auditor's writes are dropped too", async () => {
      const doc = 'emr/pat-1/note/n-auditor';
      const auditorToken = await customToken(
        { sub: 'aud-1', name: 'Audit Office', role: 'auditor', patients: ['pat-1'] },
        Date.now() + 3_600_000,
      );
      const auditor = d.a.connect(doc, auditorToken);
      await auditor.synced;
      auditor.doc.getText('body').insert(0, 'not allowed');
      await d.a.logged((l) => l.event === 'write-dropped' && l.user === 'aud-1');
      for (const node of d.nodes) {
        const reader = node.connect(doc, await token('dr-okafor'));
        await reader.synced;
        assert.equal(reader.doc.getText('body').toString(), '');
      }
      assert.equal((await d.stored(doc)).getText('body').toString(), '');
    });

    it('presence from a read-only user passes', async () => {
      const doc = 'emr/pat-1/note/n-presence';
      const clinician = d.b.connect(doc, await token('dr-okafor'));
      const viewer = d.a.connect(doc, await token('portal-viewer'));
      await Promise.all([clinician.synced, viewer.synced]);
      const seen = new Promise<void>((resolve) => {
        const check = () => {
          const states = [...clinician.provider.awareness.getStates().values()];
          if (
            states.some(
              (s) => (s as { user?: { name?: string } }).user?.name === 'Patient portal viewer',
            )
          )
            resolve();
        };
        clinician.provider.awareness.on('change', check);
        check();
      });
      viewer.provider.awareness.setLocalStateField('user', { name: 'Patient portal viewer' });
      await seen;
      assert.ok(clinician.provider.awareness.getStates().has(viewer.doc.clientID));
    });
  });
