import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SignJWT, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import type { AuthServer } from '../../../demo/ehr/auth-server.js';
import { startAuthServer } from '../../../demo/ehr/auth-server.js';
import { FHIR_BASE, USERS, launchApp, startTestAuthServer } from './smart-flow.js';

// The FHIR server's `authorize` hook: a token this issuer signed, for this
// FHIR server, not expired, is accepted with what it allows; anything else
// is refused without an exception.

async function rsaKey(): Promise<JWK> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  return { ...(await exportJWK(privateKey)), kid: 'test-key' };
}

describe('demo EHR auth server: the authorize hook', () => {
  let server: AuthServer;
  let key: JWK;
  before(async () => {
    key = await rsaKey();
    server = await startTestAuthServer({
      autoLogin: 'dr-okafor',
      autoPatient: 'pat-1',
      signingKey: key,
    });
  });
  after(() => server.close());

  /** A token shaped like the server's own, signed with `signWith`, with claims changed. */
  const craft = async (claims: Record<string, unknown>, signWith: JWK = key, expiresIn = 60) => {
    const now = Math.floor(Date.now() / 1000);
    const payload = {
      iss: server.issuer,
      aud: FHIR_BASE,
      sub: 'dr-okafor',
      iat: now - 120,
      exp: now + expiresIn,
      scope: 'patient/*.rs',
      patient: 'pat-1',
      client_id: 'chart-app',
    };
    return new SignJWT({ ...payload, ...claims })
      .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid: signWith.kid ?? '' })
      .sign(await importJWK(signWith, 'RS256'));
  };

  it('accepts a token it issued: scopes, patient, user and app', async () => {
    const { body } = await launchApp(server, {
      scope: 'openid fhirUser launch/patient patient/*.rs user/Practitioner.rs',
    });
    const granted = await server.authorize(body.access_token ?? '');
    assert.deepEqual(granted, {
      scopes: ['patient/*.rs', 'user/Practitioner.rs'],
      patient: 'pat-1',
      user: 'Practitioner/pr-okafor',
      clientId: 'chart-app',
    });
  });

  it('accepts a token signed with its key for its FHIR server (the check is the signature, not a lookup)', async () => {
    assert.equal((await server.authorize(await craft({})))?.patient, 'pat-1');
  });

  it('refuses an expired token', async () => {
    assert.equal(await server.authorize(await craft({}, key, -1)), undefined);
  });

  it('refuses a forged token: the same claims signed with another key of the same kid', async () => {
    const forger = { ...(await rsaKey()), kid: key.kid };
    assert.equal(await server.authorize(await craft({}, forger)), undefined);
  });

  it('refuses a token for another audience, from another issuer, or of another type', async () => {
    assert.equal(
      await server.authorize(await craft({ aud: 'http://127.0.0.1:9/other-fhir' })),
      undefined,
    );
    assert.equal(await server.authorize(await craft({ iss: 'http://127.0.0.1:1' })), undefined);
    const now = Math.floor(Date.now() / 1000);
    const untyped = await new SignJWT({
      iss: server.issuer,
      aud: FHIR_BASE,
      sub: 'dr-okafor',
      exp: now + 60,
      scope: 'patient/*.rs',
    })
      .setProtectedHeader({ alg: 'RS256', kid: key.kid ?? '' })
      .sign(await importJWK(key, 'RS256'));
    assert.equal(
      await server.authorize(untyped),
      undefined,
      'a JWT without typ at+jwt is not an access token',
    );
  });

  it('refuses what is not an access token: an id_token, garbage, nothing', async () => {
    const { body } = await launchApp(server, {
      scope: 'openid fhirUser launch/patient patient/*.rs',
    });
    assert.ok(body.id_token);
    assert.equal(await server.authorize(body.id_token ?? ''), undefined);
    assert.equal(await server.authorize('not-a-jwt'), undefined);
    assert.equal(await server.authorize(''), undefined);
  });

  it('refuses the tokens of another server run (a new key each start)', async () => {
    const other = await startTestAuthServer({ autoLogin: 'dr-okafor', autoPatient: 'pat-1' });
    try {
      const { body } = await launchApp(other, { scope: 'launch/patient patient/*.rs' });
      assert.ok(await other.authorize(body.access_token ?? ''));
      assert.equal(await server.authorize(body.access_token ?? ''), undefined);
    } finally {
      await other.close();
    }
  });
});

describe('demo EHR auth server: the FHIR server named late', () => {
  it('refuses every token until the FHIR server is named, then takes aud from it', async () => {
    const server = await startAuthServer({ users: USERS, clients: [], autoLogin: 'dr-okafor' });
    try {
      assert.equal(server.fhirBaseUrl, undefined);
      assert.equal(await server.authorize('anything'), undefined);
      server.setFhirBaseUrl(`${FHIR_BASE}/`);
      assert.equal(server.fhirBaseUrl, FHIR_BASE);
      assert.throws(() => server.setFhirBaseUrl('http://127.0.0.1:9/other'), /already serves/);
    } finally {
      await server.close();
    }
  });
});
