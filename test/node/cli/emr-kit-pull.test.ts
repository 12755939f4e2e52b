import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startDemoEhr, type DemoEhr } from '../../../demo/ehr/demo-ehr.js';
import { readBundle } from '../../../model/bundle-reader.js';
import { APP, APP_REDIRECT, launchApp } from '../ehr-server/smart-flow.js';
import { syntheaDir } from '../../support/synthea-files.js';

// `emr-kit pull` against the demo EHR (Medplum's FHIR engine behind the SMART
// authorization server, on 127.0.0.1): the chart a hospital team's EHR would
// give the kit, checked and printed as a Bundle that `emr-kit validate` takes.

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../bin/emr-kit.mjs');

function emrKit(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { maxBuffer: 64 * 1024 * 1024, env: { ...process.env, ...env } },
      (error, stdout, stderr) => {
        resolve({
          code: error ? (typeof error.code === 'number' ? error.code : 1) : 0,
          stdout,
          stderr,
        });
      },
    );
  });
}

describe('emr-kit pull', () => {
  let ehr: DemoEhr;
  let dir: string;
  const tokens = new Map<string, string>();

  before(async () => {
    ehr = await startDemoEhr({
      clients: [{ clientId: APP, redirectUris: [APP_REDIRECT] }],
      autoLogin: 'dr-okafor',
    });
    dir = await mkdtemp(path.join(tmpdir(), 'emr-kit-pull-'));
  });
  after(async () => {
    await ehr.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function tokenFor(
    patient: string,
    scope = 'launch openid fhirUser patient/*.rs',
  ): Promise<string> {
    const key = `${patient} ${scope}`;
    if (!tokens.has(key)) {
      const { status, body } = await launchApp(ehr.auth, {
        scope,
        aud: ehr.fhir.url,
        launch: ehr.auth.createLaunch({ patient, user: 'dr-okafor' }),
      });
      assert.equal(status, 200, JSON.stringify(body));
      tokens.set(key, body.access_token!);
    }
    return tokens.get(key)!;
  }

  it('prints each Synthea patient’s chart as the kit reads it: the same resources as its bundle, and validate accepts it', async () => {
    for (const patient of ehr.patients) {
      const { code, stdout, stderr } = await emrKit(
        ['pull', '--fhir', ehr.fhir.url, '--patient', patient.id],
        { EMR_FHIR_TOKEN: await tokenFor(patient.id) },
      );
      assert.equal(code, 0, stderr);
      assert.match(stderr, new RegExp(`Patient/${patient.id}: \\d+ resources \\(`));
      const pulled = readBundle(stdout);
      assert.ok(pulled.ok);
      const expected = readBundle(await readFile(path.join(syntheaDir, patient.file), 'utf8'));
      assert.ok(expected.ok);
      assert.deepEqual(pulled.counts, expected.counts, patient.file);
      const key = (r: { resourceType: string; id?: string }) => `${r.resourceType}/${r.id}`;
      assert.deepEqual(pulled.resources.map(key).sort(), expected.resources.map(key).sort());
      const file = path.join(dir, `${patient.id}.json`);
      await writeFile(file, stdout);
      const validated = await emrKit(['validate', file]);
      assert.equal(validated.code, 0, validated.stdout + validated.stderr);
    }
  });

  it('pages with --page-size, and takes the token from --token too', async () => {
    const patient = ehr.patients[0]!;
    const from = ehr.fhir.requests.length;
    const { code, stderr } = await emrKit([
      'pull',
      '--fhir',
      ehr.fhir.url,
      '--patient',
      patient.id,
      '--page-size',
      '7',
      '--token',
      await tokenFor(patient.id),
    ]);
    assert.equal(code, 0, stderr);
    const searches = ehr.fhir.requests.slice(from).filter((r) => /[?&]patient=/.test(r.path));
    assert.ok(searches.length > 11, `${searches.length} searches`);
    assert.ok(searches.every((r) => /_count=7\b/.test(r.path)));
  });

  it('says what the server refused, with exit 1: no token, a type out of scope, a patient it does not have', async () => {
    const patient = ehr.patients[0]!;
    const noToken = await emrKit(['pull', '--fhir', ehr.fhir.url, '--patient', patient.id], {
      EMR_FHIR_TOKEN: '',
    });
    assert.equal(noToken.code, 1);
    assert.match(noToken.stderr, /answered 401: the server did not accept the authorisation/);
    assert.equal(noToken.stdout, '');
    const narrow = await emrKit(['pull', '--fhir', ehr.fhir.url, '--patient', patient.id], {
      EMR_FHIR_TOKEN: await tokenFor(patient.id, 'launch openid patient/Patient.rs'),
    });
    assert.equal(narrow.code, 1);
    assert.match(
      narrow.stderr,
      /^[A-Za-z]+: GET [A-Za-z]+\?patient=.* answered 403: the user or the app may not read/m,
    );
    const unknown = await emrKit(['pull', '--fhir', ehr.fhir.url, '--patient', 'nobody'], {
      EMR_FHIR_TOKEN: await tokenFor(patient.id),
    });
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /answered 40[34]/);
  });

  it('a server that is not there, or not FHIR R4, is a clear error; a missing option is a usage error', async () => {
    const down = await emrKit(['pull', '--fhir', 'http://127.0.0.1:9/fhir', '--patient', 'x']);
    assert.equal(down.code, 1);
    assert.match(down.stderr, /no answer from http:\/\/127\.0\.0\.1:9 for GET metadata/);
    const notFhir = await emrKit(['pull', '--fhir', `${ehr.auth.issuer}/`, '--patient', 'x']);
    assert.equal(notFhir.code, 1);
    assert.match(notFhir.stderr, /CapabilityStatement|not JSON|answered 404/);
    const usage = await emrKit(['pull', '--patient', 'x']);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /pull needs --fhir URL/);
  });
});
