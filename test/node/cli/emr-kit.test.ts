import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { readBundle } from '../../../model/bundle-reader.js';
import { syntheaFixture, syntheaFixtures } from '../../support/synthea-files.js';

// The real command, as a hospital team runs it.
const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../bin/emr-kit.mjs');

function emrKit(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { maxBuffer: 64 * 1024 * 1024 },
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

describe('emr-kit', () => {
  let dir: string;
  let badFile: string;
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'emr-kit-cli-'));
    badFile = path.join(dir, 'bad.json');
    await writeFile(
      badFile,
      JSON.stringify({
        resourceType: 'Bundle',
        type: 'collection',
        entry: [
          { resource: { resourceType: 'Claim', id: 'c1' } },
          {
            resource: {
              resourceType: 'Observation',
              id: 'o1',
              status: 'final',
              code: { text: 'Heart rate' },
              effectiveDateTime: '2020-02-30',
            },
          },
        ],
      }),
    );
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('validate: every fixture, counts by type and skipped types, exit 0', async () => {
    const files = syntheaFixtures().map((f) => f.file);
    const { code, stdout } = await emrKit('validate', ...files);
    assert.equal(code, 0);
    assert.match(stdout, /Versie_Botsford.*: valid transaction bundle, 155 resources/);
    assert.match(stdout, /read: AllergyIntolerance 10, Condition 5,/);
    assert.match(
      stdout,
      /skipped \(types the kit does not model\): CarePlan 3, Claim 27, ExplanationOfBenefit 19/,
    );
    assert.match(stdout, /6 of 6 files valid/);
  });

  it('validate: errors with entry and field, exit 1', async () => {
    const { code, stdout } = await emrKit('validate', badFile, path.join(dir, 'missing.json'));
    assert.equal(code, 1);
    assert.match(stdout, /bad\.json: 1 error, nothing read/);
    assert.match(
      stdout,
      /entry 1 \(Observation\/o1\) Observation\.effectiveDateTime: "2020-02-30" is not a FHIR dateTime/,
    );
    assert.match(stdout, /skipped \(types the kit does not model\): Claim 1/);
    assert.match(stdout, /missing\.json: 1 error.*\n.*cannot read the file: ENOENT/);
  });

  it('validate --json: one JSON document', async () => {
    const { code, stdout } = await emrKit(
      'validate',
      '--json',
      syntheaFixture('Karena').file,
      badFile,
    );
    assert.equal(code, 1);
    const report = JSON.parse(stdout);
    assert.equal(report.ok, false);
    assert.equal(report.files[0].ok, true);
    assert.equal(report.files[0].counts.AllergyIntolerance, 6);
    assert.deepEqual(report.files[1].errors[0], {
      entry: 1,
      resourceType: 'Observation',
      id: 'o1',
      code: 'invalid',
      path: 'Observation.effectiveDateTime',
      message: '"2020-02-30" is not a FHIR dateTime (e.g. 2024-03-01T09:30:00Z)',
    });
  });

  it('export: the bundle as the kit stores it, references resolved', async () => {
    const fixture = syntheaFixture('Brent');
    const { code, stdout } = await emrKit('export', fixture.file, '--type', 'transaction');
    assert.equal(code, 0);
    const exported = JSON.parse(stdout);
    assert.equal(exported.type, 'transaction');
    assert.doesNotMatch(stdout, /urn:uuid:/);
    assert.deepEqual(readBundle(exported).resources, readBundle(fixture.text).resources);
  });

  it('export: a bad file prints nothing on stdout and the errors on stderr', async () => {
    const { code, stdout, stderr } = await emrKit('export', badFile);
    assert.equal(code, 1);
    assert.equal(stdout, '');
    assert.match(stderr, /nothing exported/);
  });

  it('usage errors exit 2 with the usage text', async () => {
    for (const args of [
      [],
      ['frobnicate'],
      ['validate'],
      ['export', '--type', 'history', badFile],
      ['validate', '--nope', badFile],
    ]) {
      const { code, stderr, stdout } = await emrKit(...args);
      assert.equal(code, 2, args.join(' '));
      assert.match(stderr + stdout, /Usage: emr-kit <command>/);
    }
  });
});
