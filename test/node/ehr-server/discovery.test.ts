import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { AuthServer } from '../../../demo/ehr/auth-server.js';
import { APP, APP_REDIRECT, FHIR_BASE, startTestAuthServer } from './smart-flow.js';

// What an app reads before it launches: the SMART configuration the FHIR
// server publishes for this issuer, the issuer's own metadata and keys, and
// the style JSON; and the CORS answers a browser app needs.

describe('demo EHR auth server: discovery', () => {
  let server: AuthServer;
  before(async () => {
    server = await startTestAuthServer();
  });
  after(() => server.close());

  it('describes itself as SMART App Launch 2.0 asks, with endpoints that answer', async () => {
    const config = server.smartConfiguration(FHIR_BASE);
    assert.equal(config.issuer, server.issuer);
    assert.equal(config.authorization_endpoint, `${server.issuer}/auth`);
    assert.equal(config.token_endpoint, `${server.issuer}/token`);
    assert.deepEqual(config.code_challenge_methods_supported, ['S256']);
    assert.deepEqual(config.response_types_supported, ['code']);
    assert.deepEqual(config.grant_types_supported, ['authorization_code', 'refresh_token']);
    for (const capability of [
      'launch-ehr',
      'launch-standalone',
      'client-public',
      'client-confidential-symmetric',
      'context-ehr-patient',
      'context-ehr-encounter',
      'context-standalone-patient',
      'context-banner',
      'context-style',
      'permission-offline',
      'permission-patient',
      'permission-v2',
      'sso-openid-connect',
    ]) {
      assert.ok(config.capabilities.includes(capability), capability);
    }
    for (const scope of [
      'openid',
      'fhirUser',
      'launch',
      'launch/patient',
      'offline_access',
      'patient/*.rs',
    ]) {
      assert.ok(config.scopes_supported.includes(scope), scope);
    }

    const metadata = (await (
      await fetch(`${server.issuer}/.well-known/openid-configuration`)
    ).json()) as Record<string, unknown>;
    assert.equal(metadata.issuer, config.issuer);
    assert.equal(metadata.authorization_endpoint, config.authorization_endpoint);
    assert.equal(metadata.token_endpoint, config.token_endpoint);
    assert.equal(metadata.jwks_uri, config.jwks_uri);
    assert.equal(metadata.revocation_endpoint, config.revocation_endpoint);
    const jwks = (await (await fetch(config.jwks_uri)).json()) as {
      keys: Array<Record<string, unknown>>;
    };
    assert.equal(jwks.keys.length, 1);
    assert.equal(jwks.keys[0]?.kty, 'RSA');
    assert.equal(jwks.keys[0]?.d, undefined, 'only the public key is published');
  });

  it('belongs to one FHIR server: asking for another one’s configuration throws', () => {
    assert.equal(
      server.smartConfiguration(`${FHIR_BASE}/`).issuer,
      server.issuer,
      'a trailing slash is the same base',
    );
    assert.throws(
      () => server.smartConfiguration('http://127.0.0.1:9/other-fhir'),
      /already serves the FHIR server/,
    );
  });

  it('serves the style JSON with every SMART style key, to any origin', async () => {
    const response = await fetch(server.styleUrl, { headers: { origin: 'http://app.example' } });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
    const style = (await response.json()) as Record<string, string>;
    for (const key of [
      'color_background',
      'color_error',
      'color_highlight',
      'color_modal_backdrop',
      'color_success',
      'color_text',
      'dim_border_radius',
      'dim_font_size',
      'dim_spacing_size',
      'font_family_body',
      'font_family_heading',
    ]) {
      assert.equal(typeof style[key], 'string', key);
    }
  });

  it('lets a browser app call the token endpoint from its own origin, and no other', async () => {
    const appOrigin = new URL(APP_REDIRECT).origin;
    const preflight = await fetch(`${server.issuer}/token`, {
      method: 'OPTIONS',
      headers: {
        origin: appOrigin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), appOrigin);
    assert.match(preflight.headers.get('access-control-allow-methods') ?? '', /POST/);

    const post = (origin: string) =>
      fetch(`${server.issuer}/token`, {
        method: 'POST',
        headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code: 'not-a-code',
          redirect_uri: APP_REDIRECT,
          client_id: APP,
          code_verifier: 'x'.repeat(43),
        }),
      });
    const fromApp = await post(appOrigin);
    assert.equal(fromApp.status, 400, 'a bad code is still a bad code');
    assert.equal(fromApp.headers.get('access-control-allow-origin'), appOrigin);
    assert.equal(((await fromApp.json()) as { error: string }).error, 'invalid_grant');

    const fromElsewhere = await post('http://elsewhere.example');
    assert.equal(fromElsewhere.headers.get('access-control-allow-origin'), null);
    assert.match(
      ((await fromElsewhere.json()) as { error_description: string }).error_description,
      /origin .* not allowed/,
    );
  });
});
