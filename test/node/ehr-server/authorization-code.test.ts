import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { decodeJwt } from 'jose';
import type { AuthServer } from '../../../demo/ehr/auth-server.js';
import {
  APP,
  APP_REDIRECT,
  CONFIDENTIAL_APP,
  CONFIDENTIAL_SECRET,
  FHIR_BASE,
  authorizeUnattended,
  exchangeCode,
  launchApp,
  pkce,
  startTestAuthServer,
  tokenRequest,
} from './smart-flow.js';

// The authorization code flow of a standalone launch, with PKCE, done the
// way an app does it: plain HTTP, the redirects followed by hand.

const STANDALONE = 'openid fhirUser launch/patient patient/*.rs offline_access';

describe('demo EHR auth server: authorization code with PKCE', () => {
  let server: AuthServer;
  before(async () => {
    server = await startTestAuthServer({
      autoLogin: 'dr-okafor',
      autoPatient: 'pat-2',
      accessTokenLifetime: 5,
    });
  });
  after(() => server.close());

  it('returns the code with the app’s state and the issuer', async () => {
    const redirect = await authorizeUnattended(server, {
      scope: STANDALONE,
      state: 'state-123',
      challenge: pkce().challenge,
    });
    assert.equal(redirect.origin + redirect.pathname, APP_REDIRECT);
    assert.equal(redirect.searchParams.get('state'), 'state-123');
    assert.equal(redirect.searchParams.get('iss'), server.issuer);
    assert.ok(redirect.searchParams.get('code'));
  });

  it('answers with the token, its scopes and the launch context at the top level', async () => {
    const { status, body } = await launchApp(server, { scope: STANDALONE });
    assert.equal(status, 200);
    assert.equal(body.token_type, 'Bearer');
    assert.equal(body.expires_in, 5);
    assert.equal(body.patient, 'pat-2');
    assert.equal(body.need_patient_banner, true);
    assert.equal(body.smart_style_url, server.styleUrl);
    assert.deepEqual(new Set(body.scope?.split(' ')), new Set(STANDALONE.split(' ')));
    assert.ok(body.refresh_token, 'offline_access gives a refresh token');

    const idToken = decodeJwt(body.id_token ?? '');
    assert.equal(idToken.fhirUser, `${FHIR_BASE}/Practitioner/pr-okafor`);
    assert.equal(idToken.aud, APP);
    assert.equal(idToken.iss, server.issuer);

    const accessToken = decodeJwt(body.access_token ?? '');
    assert.equal(accessToken.aud, FHIR_BASE);
    assert.equal(accessToken.scope, 'patient/*.rs');
    assert.equal(accessToken.patient, 'pat-2');
  });

  it('grants the resource scopes asked for, by SMART’s grammar, and no others', async () => {
    const scope =
      'launch/patient patient/Observation.rs patient/AllergyIntolerance.cruds user/Practitioner.r patient/Condition.rs?clinical-status=active';
    const { body } = await launchApp(server, { scope });
    assert.deepEqual(new Set(body.scope?.split(' ')), new Set(scope.split(' ')));
    assert.equal(
      body.refresh_token,
      undefined,
      'no refresh token without offline_access or online_access',
    );
    assert.equal(body.id_token, undefined, 'no id_token without openid');
    const granted = await server.authorize(body.access_token ?? '');
    assert.deepEqual(
      new Set(granted?.scopes),
      new Set(scope.split(' ').filter((s) => s !== 'launch/patient')),
    );
  });

  it('refreshes: a new access token, the same context, a rotated refresh token', async () => {
    const first = await launchApp(server, { scope: STANDALONE });
    const refreshed = await tokenRequest(server, {
      grant_type: 'refresh_token',
      refresh_token: first.body.refresh_token ?? '',
      client_id: APP,
    });
    assert.equal(refreshed.status, 200);
    assert.ok(refreshed.body.access_token);
    assert.notEqual(refreshed.body.access_token, first.body.access_token);
    assert.equal(refreshed.body.patient, 'pat-2');
    assert.equal(refreshed.body.smart_style_url, server.styleUrl);
    assert.deepEqual(new Set(refreshed.body.scope?.split(' ')), new Set(STANDALONE.split(' ')));
    assert.deepEqual((await server.authorize(refreshed.body.access_token ?? ''))?.scopes, [
      'patient/*.rs',
    ]);

    assert.ok(refreshed.body.refresh_token);
    assert.notEqual(
      refreshed.body.refresh_token,
      first.body.refresh_token,
      'a public client’s refresh token rotates',
    );
    const again = await tokenRequest(server, {
      grant_type: 'refresh_token',
      refresh_token: refreshed.body.refresh_token ?? '',
      client_id: APP,
    });
    assert.equal(again.status, 200);

    const reused = await tokenRequest(server, {
      grant_type: 'refresh_token',
      refresh_token: first.body.refresh_token ?? '',
      client_id: APP,
    });
    assert.equal(reused.status, 400);
    assert.equal(reused.body.error, 'invalid_grant', 'a used refresh token is refused');
  });

  it('puts fhirUser in the id_token only when fhirUser is asked, and the name with profile', async () => {
    const plain = await launchApp(server, { scope: 'openid launch/patient patient/*.rs' });
    const bare = decodeJwt(plain.body.id_token ?? '');
    assert.equal(bare.sub, 'dr-okafor');
    assert.equal(bare.fhirUser, undefined);
    assert.equal(bare.name, undefined);
    const full = await launchApp(server, {
      scope: 'openid fhirUser profile launch/patient patient/*.rs',
    });
    const named = decodeJwt(full.body.id_token ?? '');
    assert.equal(named.fhirUser, `${FHIR_BASE}/Practitioner/pr-okafor`);
    assert.equal(named.name, 'Dr Ada Okafor');
  });

  it('revokes a refresh token at the revocation endpoint: it refreshes no more', async () => {
    const { body } = await launchApp(server, { scope: STANDALONE });
    const revoked = await fetch(server.smartConfiguration(FHIR_BASE).revocation_endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        token: body.refresh_token ?? '',
        token_type_hint: 'refresh_token',
        client_id: APP,
      }),
    });
    assert.equal(revoked.status, 200);
    const refreshed = await tokenRequest(server, {
      grant_type: 'refresh_token',
      refresh_token: body.refresh_token ?? '',
      client_id: APP,
    });
    assert.equal(refreshed.status, 400);
    assert.equal(refreshed.body.error, 'invalid_grant');
  });

  it('gives a refresh token for online_access too', async () => {
    const { body } = await launchApp(server, {
      scope: 'launch/patient patient/*.rs online_access',
    });
    assert.ok(body.refresh_token);
    assert.match(body.scope ?? '', /\bonline_access\b/);
  });

  it('refuses a code without its code_verifier; the right one still gets it once', async () => {
    const { verifier, challenge } = pkce();
    const code =
      (await authorizeUnattended(server, { scope: STANDALONE, challenge })).searchParams.get(
        'code',
      ) ?? '';
    const wrong = await exchangeCode(server, code, pkce().verifier);
    assert.equal(wrong.status, 400);
    assert.equal(wrong.body.error, 'invalid_grant');
    assert.equal(wrong.body.access_token, undefined);
    const missing = await exchangeCode(server, code, undefined);
    assert.equal(missing.status, 400);
    assert.equal(missing.body.error, 'invalid_grant');

    const right = await exchangeCode(server, code, verifier);
    assert.equal(right.status, 200);
    const replayed = await exchangeCode(server, code, verifier);
    assert.equal(replayed.status, 400);
    assert.equal(replayed.body.error, 'invalid_grant', 'a code is good for one token request');
  });

  it('refuses an authorization request without PKCE, or with the plain method', async () => {
    const none = await authorizeUnattended(server, { scope: STANDALONE });
    assert.equal(none.searchParams.get('error'), 'invalid_request');
    assert.match(none.searchParams.get('error_description') ?? '', /PKCE/);

    const { verifier } = pkce();
    const plain = await authorizeUnattended(server, {
      scope: STANDALONE,
      challenge: verifier,
      challengeMethod: 'plain',
    });
    assert.equal(plain.searchParams.get('error'), 'invalid_request');
    assert.match(plain.searchParams.get('error_description') ?? '', /code_challenge_method/);
    assert.equal(plain.searchParams.get('code'), null);
  });

  it('requires PKCE of a confidential client too, and its secret', async () => {
    const without = await authorizeUnattended(server, {
      scope: STANDALONE,
      clientId: CONFIDENTIAL_APP,
    });
    assert.equal(without.searchParams.get('error'), 'invalid_request');

    const { verifier, challenge } = pkce();
    const code =
      (
        await authorizeUnattended(server, {
          scope: STANDALONE,
          clientId: CONFIDENTIAL_APP,
          challenge,
        })
      ).searchParams.get('code') ?? '';
    const form = {
      grant_type: 'authorization_code',
      code,
      redirect_uri: APP_REDIRECT,
      code_verifier: verifier,
    };
    const basic = (secret: string) => ({
      authorization: `Basic ${Buffer.from(`${CONFIDENTIAL_APP}:${secret}`).toString('base64')}`,
    });
    const wrongSecret = await tokenRequest(server, form, basic('not the secret'));
    assert.equal(wrongSecret.status, 401);
    assert.equal(wrongSecret.body.error, 'invalid_client');
    const right = await tokenRequest(server, form, basic(CONFIDENTIAL_SECRET));
    assert.equal(right.status, 200);
    assert.equal(right.body.patient, 'pat-2');
  });

  it('refuses an aud that is not its FHIR server, and a missing one', async () => {
    const { challenge } = pkce();
    const wrong = await authorizeUnattended(server, {
      scope: STANDALONE,
      challenge,
      aud: 'http://127.0.0.1:9/another-fhir',
    });
    assert.equal(wrong.searchParams.get('error'), 'invalid_request');
    assert.match(wrong.searchParams.get('error_description') ?? '', /aud/);
    assert.equal(wrong.searchParams.get('code'), null);

    const missing = await authorizeUnattended(server, {
      scope: STANDALONE,
      challenge,
      aud: undefined,
    });
    assert.equal(missing.searchParams.get('error'), 'invalid_request');
    assert.match(missing.searchParams.get('error_description') ?? '', /aud is required/);
  });

  it('accepts a client registered while it runs', async () => {
    server.registerClient({ clientId: 'late-app', redirectUris: [APP_REDIRECT] });
    const { status, body } = await launchApp(server, { scope: STANDALONE, clientId: 'late-app' });
    assert.equal(status, 200);
    assert.equal(body.patient, 'pat-2');
  });
});
