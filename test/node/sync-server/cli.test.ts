import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { describe, it } from 'node:test';
import { decodeJwt } from 'jose';
import { verificationKey, verifyToken } from '../../../sync/server/index.js';
import { bin } from './child-server.js';

function emrKit(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const clean = { ...process.env };
    delete clean.EMR_SYNC_SECRET;
    execFile(
      process.execPath,
      [bin, ...args],
      { env: { ...clean, ...env } },
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

describe('emr-kit token', () => {
  it('mints a development-key token the server accepts, with the claims asked for', async () => {
    const { code, stdout } = await emrKit([
      'token',
      '--dev',
      '--user',
      'dr-okafor',
      '--name',
      'Dr Ada Okafor',
      '--role',
      'clinician',
      '--patients',
      'pat-1,pat-2',
      '--lifetime',
      '30m',
    ]);
    assert.equal(code, 0);
    const check = await verifyToken(stdout.trim(), await verificationKey({ dev: true }));
    assert.ok(check.ok);
    assert.deepEqual(
      { ...check.principal, expiresAt: undefined },
      {
        userId: 'dr-okafor',
        name: 'Dr Ada Okafor',
        role: 'clinician',
        patients: ['pat-1', 'pat-2'],
        expiresAt: undefined,
      },
    );
    const { exp, iat } = decodeJwt(stdout.trim());
    assert.equal(exp! - iat!, 30 * 60);
  });

  it('signs with EMR_SYNC_SECRET without --dev; a development-key server refuses that token', async () => {
    const secret = 'a hospital secret of more than thirty-two bytes';
    const { code, stdout } = await emrKit(
      ['token', '--user', 'v1', '--role', 'viewer', '--patients', 'pat-1'],
      { EMR_SYNC_SECRET: secret },
    );
    assert.equal(code, 0);
    assert.ok((await verifyToken(stdout.trim(), await verificationKey({ secret }))).ok);
    const onDevKey = await verifyToken(stdout.trim(), await verificationKey({ dev: true }));
    assert.deepEqual(onDevKey, { ok: false, reason: 'token signature does not verify' });
  });

  it('bad arguments: exit 2 with what is wrong and the usage', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['token', '--dev', '--role', 'clinician', '--patients', 'p'], /token needs --user ID/],
      [
        ['token', '--dev', '--user', 'u', '--role', 'nurse', '--patients', 'p'],
        /--role must be one of clinician, viewer, auditor/,
      ],
      [['token', '--dev', '--user', 'u', '--role', 'viewer'], /token needs --patients/],
      [
        [
          'token',
          '--dev',
          '--user',
          'u',
          '--role',
          'viewer',
          '--patients',
          'p',
          '--lifetime',
          'forever',
        ],
        /--lifetime must be a number and a unit/,
      ],
      [
        ['token', '--user', 'u', '--role', 'viewer', '--patients', 'p'],
        /no token secret: set EMR_SYNC_SECRET, or pass --dev/,
      ],
      [['token', '--dev', '--bogus'], /Unknown option '--bogus'/],
      [['serve', '--port', 'http'], /--port must be a port number/],
    ];
    for (const [args, message] of cases) {
      const { code, stderr } = await emrKit(args);
      assert.equal(code, 2, args.join(' '));
      assert.match(stderr, message);
      assert.match(stderr, /Usage: emr-kit <command>/);
    }
  });

  it('serve without a key configured: exit 2, naming the variables to set', async () => {
    const { code, stderr } = await emrKit(['serve', '--port', '0', '--data', 'unused']);
    assert.equal(code, 2);
    assert.match(stderr, /no key to verify tokens: set EMR_SYNC_SECRET .* or EMR_SYNC_PUBLIC_KEY/);
  });
});
