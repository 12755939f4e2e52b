import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { customToken, startTestServer, token, until, type TestServer } from './support.js';

// A viewer (a patient reading their own chart) or an auditor receives the
// document but whatever their client sends is dropped by the server.

describe('sync server: read-only roles', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer();
  });
  afterEach(() => t.closeClients());
  after(() => t.stop());

  it("a viewer's writes reach neither the server's document nor any other client", async () => {
    const doc = 'emr/pat-1/note/n-roles';
    const clinician = t.connect(doc, await token('dr-okafor'));
    const other = t.connect(doc, await token('dr-lindqvist'));
    const viewer = t.connect(doc, await token('portal-viewer'));
    await Promise.all([clinician.synced, other.synced, viewer.synced]);

    clinician.doc.getText('body').insert(0, 'BP 120/80.');
    // The viewer still receives the document.
    await until(viewer.doc, () => viewer.doc.getText('body').toString() === 'BP 120/80.');

    viewer.doc.getText('body').insert(0, 'FORGED ');
    const dropped = await t.logged(
      (l) => l.event === 'write-dropped' && l.user === 'portal-viewer',
    );
    assert.equal(dropped.document, doc);
    assert.match(String(dropped.reason), /viewer is read-only/);

    // Written after the drop: whatever the server relays, it relays in this order.
    clinician.doc.getText('body').insert(10, ' HR 72.');
    await until(other.doc, () => other.doc.getText('body').toString().includes('HR 72.'));
    assert.equal(other.doc.getText('body').toString(), 'BP 120/80. HR 72.');
    assert.equal(clinician.doc.getText('body').toString(), 'BP 120/80. HR 72.');

    // A client that joins now gets exactly the server's document.
    const late = t.connect(doc, await token('dr-lindqvist'));
    await late.synced;
    assert.equal(late.doc.getText('body').toString(), 'BP 120/80. HR 72.');
  });

  it("an auditor's writes are dropped too", async () => {
    const doc = 'emr/pat-1/note/n-auditor';
    const auditorToken = await customToken(
      { sub: 'aud-1', name: 'Audit Office', role: 'auditor', patients: ['pat-1'] },
      Date.now() + 3_600_000,
    );
    const auditor = t.connect(doc, auditorToken);
    await auditor.synced;
    auditor.doc.getText('body').insert(0, 'not allowed');
    await t.logged((l) => l.event === 'write-dropped' && l.user === 'aud-1');
    const reader = t.connect(doc, await token('dr-okafor'));
    await reader.synced;
    assert.equal(reader.doc.getText('body').toString(), '');
  });

  it('presence from a read-only user passes', async () => {
    const doc = 'emr/pat-1/note/n-presence';
    const clinician = t.connect(doc, await token('dr-okafor'));
    const viewer = t.connect(doc, await token('portal-viewer'));
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
