import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { AuditRecord, SyncStore } from '../../../sync/server/index.js';
import { bin, storeArguments } from './child-server.js';
import {
  customToken,
  getJson,
  httpUrl,
  openTestStore,
  startTestServer,
  token,
  until,
  type TestServer,
} from './support.js';

function emrKit(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], (error, stdout, stderr) => {
      resolve({
        code: error ? (typeof error.code === 'number' ? error.code : 1) : 0,
        stdout,
        stderr,
      });
    });
  });
}

describe('sync server: audit log', () => {
  let dataDir: string;
  let store: SyncStore;
  let t: TestServer;
  const doc = 'emr/pat-1/note/n-audit';
  let auditorToken: string;

  before(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'emr-sync-audit-'));
    store = await openTestStore(dataDir);
    t = await startTestServer({ store });
    auditorToken = await customToken(
      { sub: 'aud-1', name: 'Audit Office', role: 'auditor', patients: ['pat-1'] },
      Date.now() + 3_600_000,
    );
  });
  after(async () => {
    await t.stop();
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('records every accepted update with the user from the token, its size and hash', async () => {
    const a = t.connect(doc, await token('dr-okafor'));
    const b = t.connect(doc, await token('dr-lindqvist'));
    await Promise.all([a.synced, b.synced]);
    // The client may claim to be anyone in its presence: the audit record ignores it.
    a.provider.awareness.setLocalStateField('user', { id: 'someone-else', name: 'Someone Else' });
    a.doc.getText('body').insert(0, 'Wound dressed.');
    await until(b.doc, () => b.doc.getText('body').length > 0);
    b.doc.getText('body').insert(0, 'Reviewed. ');
    await until(a.doc, () => a.doc.getText('body').toString().startsWith('Reviewed.'));

    const records = await store.readAudit('pat-1');
    const stored = await store.loadUpdates(doc);
    assert.equal(records.length, 2);
    assert.deepEqual(
      records.map((r) => [r.userId, r.userName, r.role, r.document, r.patientId]),
      [
        ['dr-okafor', 'Dr Ada Okafor', 'clinician', doc, 'pat-1'],
        ['dr-lindqvist', 'Dr Erik Lindqvist', 'clinician', doc, 'pat-1'],
      ],
    );
    assert.deepEqual(
      records.map((r) => r.sha256),
      stored.map((u) => createHash('sha256').update(u).digest('hex')),
    );
    assert.deepEqual(
      records.map((r) => r.bytes),
      stored.map((u) => u.byteLength),
    );
    assert.ok(records.every((r) => !Number.isNaN(Date.parse(r.time))));
  });

  it('GET /audit gives an auditor or a clinician the records of a patient their token allows', async () => {
    const asAuditor = await getJson(httpUrl(t.server, '/audit?patient=pat-1'), {
      authorization: `Bearer ${auditorToken}`,
    });
    assert.equal(asAuditor.status, 200);
    assert.equal(asAuditor.body.patient, 'pat-1');
    const records = asAuditor.body.records as AuditRecord[];
    assert.deepEqual(records, await store.readAudit('pat-1'));
    const asClinician = await getJson(httpUrl(t.server, '/audit?patient=pat-1'), {
      authorization: `Bearer ${await token('dr-okafor')}`,
    });
    assert.equal(asClinician.status, 200);
  });

  it('GET /audit refuses no token, a viewer, and another patient, and logs each', async () => {
    const url = httpUrl(t.server, '/audit?patient=pat-1');
    assert.equal((await getJson(url)).status, 401);
    const viewer = await getJson(url, { authorization: `Bearer ${await token('portal-viewer')}` });
    assert.equal(viewer.status, 403);
    assert.match(String(viewer.body.error), /viewer may not read the audit log/);
    const otherPatient = await getJson(httpUrl(t.server, '/audit?patient=pat-2'), {
      authorization: `Bearer ${auditorToken}`,
    });
    assert.equal(otherPatient.status, 403);
    const refusals = t.log.filter((l) => l.event === 'audit-refused');
    assert.deepEqual(
      refusals.map((l) => [l.user, l.patient]),
      [
        [undefined, 'pat-1'],
        ['portal-viewer', 'pat-1'],
        ['aud-1', 'pat-2'],
      ],
    );
  });

  it('emr-kit audit prints the records from a stopped server’s data directory', async () => {
    const sharedDir = await mkdtemp(path.join(tmpdir(), 'emr-sync-audit-cli-'));
    try {
      const own = await startTestServer({ dataDir: sharedDir });
      const a = own.connect('emr/pat-7/core', await token('dr-okafor', ['pat-7']));
      const b = own.connect('emr/pat-7/note/n-1', await token('dr-okafor', ['pat-7']));
      const watcher = own.connect('emr/pat-7/note/n-1', await token('dr-lindqvist', ['pat-7']));
      await Promise.all([a.synced, b.synced, watcher.synced]);
      b.doc.getText('body').insert(0, 'Seen on the ward round.');
      await until(watcher.doc, () => watcher.doc.getText('body').length > 0);
      await own.stop();

      const from = await storeArguments(sharedDir);
      const text = await emrKit(
        'audit',
        ...from.filter((arg) => arg !== '--migrate'),
        '--patient',
        'pat-7',
      );
      assert.equal(text.code, 0, text.stderr);
      assert.match(text.stdout, /^1 accepted update for patient pat-7\n/);
      assert.match(
        text.stdout,
        /dr-okafor \(Dr Ada Okafor, clinician\) {2}emr\/pat-7\/note\/n-1 {2}\d+ bytes {2}sha256 [0-9a-f]{64}/,
      );
      const json = await emrKit(
        'audit',
        ...from.filter((arg) => arg !== '--migrate'),
        '--patient',
        'pat-7',
        '--json',
      );
      assert.equal(JSON.parse(json.stdout).records[0].userId, 'dr-okafor');
    } finally {
      await rm(sharedDir, { recursive: true, force: true });
    }
  });

  it('emr-kit audit: a missing store is an error, missing options a usage error', async () => {
    const missing = await emrKit(
      'audit',
      '--data',
      path.join(dataDir, 'nowhere'),
      '--patient',
      'pat-1',
    );
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /no sync server store in .*nowhere/);
    const usage = await emrKit('audit', '--patient', 'pat-1');
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /audit needs --data DIR \(or --postgres URL\) and --patient ID/);
  });
});
