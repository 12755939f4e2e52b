import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { SyncStore } from '../../../sync/server/index.js';
import {
  customToken,
  destroyClient,
  httpUrl,
  openTestStore,
  startTestServer,
  token,
  type TestServer,
} from './support.js';

/** Resolves once the server's store holds the document (it stores an update before anything else sees it). */
async function stored(store: SyncStore, patientId: string, doc: string): Promise<void> {
  for (let tries = 0; !(await store.listDocuments(patientId)).includes(doc); tries++) {
    if (tries > 500) throw new Error(`${doc} never reached the store`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** GET without headers beyond the browser's own, as a page on another origin would send it. */
async function get(
  url: string,
): Promise<{ status: number; body: Record<string, unknown>; allowOrigin: string | null }> {
  const response = await fetch(url, { headers: { origin: 'http://portal.example' } });
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown>,
    allowOrigin: response.headers.get('access-control-allow-origin'),
  };
}

describe('sync server: listing a patient’s documents', () => {
  let dataDir: string;
  let store: SyncStore;
  let t: TestServer;

  before(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'emr-sync-documents-'));
    store = await openTestStore(dataDir);
    t = await startTestServer({ store });
    // Two notes of pat-1 and one of pat-10 (an id that starts with the other's must not leak into it).
    for (const doc of ['emr/pat-1/note/n-1', 'emr/pat-1/note/n-2', 'emr/pat-10/note/n-9']) {
      const patient = doc.split('/')[1]!;
      const client = t.connect(doc, await token('dr-okafor', [patient]));
      await client.synced;
      client.doc.getText('body').insert(0, 'x');
      await stored(store, patient, doc);
      destroyClient(client);
    }
  });
  after(async () => {
    await t.stop();
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('names the documents the server holds for a patient the token allows, to any origin, token in the query', async () => {
    const viewer = await token('portal-viewer', ['pat-1']);
    const listed = await get(
      httpUrl(t.server, `/documents?patient=pat-1&token=${encodeURIComponent(viewer)}`),
    );
    assert.equal(listed.status, 200);
    assert.deepEqual(listed.body, {
      patient: 'pat-1',
      documents: ['emr/pat-1/note/n-1', 'emr/pat-1/note/n-2'],
      changeNotices: true,
    });
    assert.equal(listed.allowOrigin, '*');
  });

  it('refuses no token, a forged one and another patient, with CORS headers so the page can read why, and logs each', async () => {
    const noToken = await get(httpUrl(t.server, '/documents?patient=pat-1'));
    assert.equal(noToken.status, 401);
    assert.equal(noToken.allowOrigin, '*');
    const forged = await customToken(
      { sub: 'dr-okafor', name: 'Dr Ada Okafor', role: 'clinician', patients: ['pat-1'] },
      Date.now() + 60_000,
      new TextEncoder().encode('an attacker key that is long enough for HS256'),
    );
    assert.equal(
      (await get(httpUrl(t.server, `/documents?patient=pat-1&token=${forged}`))).status,
      401,
    );
    const other = await get(
      httpUrl(t.server, `/documents?patient=pat-10&token=${await token('dr-okafor', ['pat-1'])}`),
    );
    assert.equal(other.status, 403);
    assert.match(String(other.body.error), /does not allow this patient/);
    assert.equal(t.log.filter((line) => line.event === 'documents-refused').length, 3);
  });
});
