import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { decodeJwt } from 'jose';
import type { AuthServer } from '../../../demo/ehr/auth-server.js';
import {
  Browser,
  FHIR_BASE,
  authorizationUrl,
  authorizeUnattended,
  exchangeCode,
  launchApp,
  pkce,
  startTestAuthServer,
} from './smart-flow.js';

// EHR launch (a `launch` id the EHR made for the chart on screen) and the
// standalone launch's sign-in, consent and patient picker, submitted as a
// browser would submit the forms.

const EHR_LAUNCH = 'openid fhirUser launch patient/*.rs';

/** The action of the page's form that posts to `step` (`login`, `consent`, `abort`). */
function formAction(html: string, step: string, base: string): string {
  const action = [...html.matchAll(/<form method="post" action="([^"]+)">/g)]
    .map((m) => m[1] ?? '')
    .find((a) => a.endsWith(`/${step}`));
  assert.ok(action, `the page has a ${step} form`);
  return new URL(action, base).href;
}

describe('demo EHR auth server: EHR launch', () => {
  let server: AuthServer;
  before(async () => {
    server = await startTestAuthServer({ autoLogin: 'dr-okafor' });
  });
  after(() => server.close());

  it('gives the launch’s patient, encounter, banner and style to the app launched with it', async () => {
    const launch = server.createLaunch({
      patient: 'pat-1',
      encounter: 'enc-7',
      needPatientBanner: false,
      styleUrl: 'http://127.0.0.1:8/ehr-style.json',
    });
    const other = server.createLaunch({ patient: 'pat-2' });
    assert.notEqual(launch, other);

    const { status, body } = await launchApp(server, { scope: EHR_LAUNCH, launch });
    assert.equal(status, 200);
    assert.equal(body.patient, 'pat-1');
    assert.equal(body.encounter, 'enc-7');
    assert.equal(body.need_patient_banner, false);
    assert.equal(body.smart_style_url, 'http://127.0.0.1:8/ehr-style.json');
    const granted = await server.authorize(body.access_token ?? '');
    assert.equal(granted?.patient, 'pat-1');
    assert.equal(granted?.encounter, 'enc-7');

    const second = await launchApp(server, { scope: EHR_LAUNCH, launch: other });
    assert.equal(second.body.patient, 'pat-2');
    assert.equal(second.body.encounter, undefined);
    assert.equal(second.body.need_patient_banner, true);
    assert.equal(second.body.smart_style_url, server.styleUrl);
  });

  it('signs the app in as the launch’s user', async () => {
    const launch = server.createLaunch({ patient: 'pat-1', user: 'dr-lindqvist' });
    const { body } = await launchApp(server, { scope: EHR_LAUNCH, launch });
    assert.equal(decodeJwt(body.id_token ?? '').fhirUser, `${FHIR_BASE}/Practitioner/pr-lindqvist`);
    assert.equal(
      (await server.authorize(body.access_token ?? ''))?.user,
      'Practitioner/pr-lindqvist',
    );
  });

  it('refuses a launch id it did not make, and the launch scope without one', async () => {
    const { challenge } = pkce();
    const unknown = await authorizeUnattended(server, {
      scope: EHR_LAUNCH,
      launch: 'made-up',
      challenge,
    });
    assert.equal(unknown.searchParams.get('error'), 'invalid_request');
    assert.match(unknown.searchParams.get('error_description') ?? '', /launch/);

    const without = await authorizeUnattended(server, { scope: EHR_LAUNCH, challenge });
    assert.equal(without.searchParams.get('error'), 'invalid_request');
    assert.match(without.searchParams.get('error_description') ?? '', /launch parameter/);
  });
});

describe('demo EHR auth server: the pages a person clicks through', () => {
  let server: AuthServer;
  before(async () => {
    server = await startTestAuthServer();
  });
  after(() => server.close());

  it('signs in, picks a patient and allows access through plain forms', async () => {
    const browser = new Browser();
    const { verifier, challenge } = pkce();
    const login = await browser.follow(
      authorizationUrl(server, { scope: 'openid fhirUser launch/patient patient/*.rs', challenge }),
    );
    assert.ok(login instanceof Response);
    assert.equal(login.status, 200);
    assert.equal(login.headers.get('cache-control'), 'no-store');
    const loginHtml = await login.text();
    assert.match(loginHtml, /<label for="user">Sign in as<\/label>/);
    assert.match(loginHtml, /<select id="user" name="user" required>/);
    assert.match(loginHtml, /<option value="dr-lindqvist">Dr Sven Lindqvist<\/option>/);
    assert.match(loginHtml, /Chart app asks you to sign in/);
    assert.match(loginHtml, /<button type="submit" id="sign-in">Sign in<\/button>/);

    const consent = await browser.follow(formAction(loginHtml, 'login', login.url), {
      method: 'POST',
      form: { user: 'dr-lindqvist' },
    });
    assert.ok(consent instanceof Response);
    assert.equal(consent.status, 200);
    const consentHtml = await consent.text();
    assert.match(consentHtml, /Signed in as Dr Sven Lindqvist/);
    assert.match(consentHtml, /<label for="patient">Patient<\/label>/);
    assert.match(consentHtml, /<select id="patient" name="patient" required>/);
    assert.match(consentHtml, /<code>patient\/\*\.rs<\/code>/);
    assert.match(consentHtml, /<button type="submit" id="allow">Allow<\/button>/);
    assert.match(consentHtml, /<button type="submit" id="deny">Deny<\/button>/);

    const consentUrl = formAction(consentHtml, 'consent', consent.url);
    const notListed = await browser.follow(consentUrl, {
      method: 'POST',
      form: { patient: 'pat-999' },
    });
    assert.ok(notListed instanceof Response);
    assert.equal(
      notListed.status,
      400,
      'a patient not in the list is refused, and the page shown again',
    );
    assert.match(await notListed.text(), /<select id="patient"/);

    const redirect = await browser.follow(consentUrl, {
      method: 'POST',
      form: { patient: 'pat-1' },
    });
    assert.ok(redirect instanceof URL);
    const { status, body } = await exchangeCode(
      server,
      redirect.searchParams.get('code') ?? '',
      verifier,
    );
    assert.equal(status, 200);
    assert.equal(body.patient, 'pat-1');
    assert.equal(decodeJwt(body.id_token ?? '').fhirUser, `${FHIR_BASE}/Practitioner/pr-lindqvist`);
  });

  it('skips the sign-in page for an EHR launch but still asks for consent', async () => {
    const browser = new Browser();
    const launch = server.createLaunch({ patient: 'pat-2', user: 'dr-okafor' });
    const page = await browser.follow(
      authorizationUrl(server, { scope: EHR_LAUNCH, launch, challenge: pkce().challenge }),
    );
    assert.ok(page instanceof Response);
    const html = await page.text();
    assert.match(html, /Signed in as Dr Ada Okafor/);
    assert.doesNotMatch(html, /<select id="patient"/, 'the launch gives the patient');
  });

  it('sends the app access_denied when the user denies', async () => {
    const browser = new Browser();
    const login = await browser.follow(
      authorizationUrl(server, {
        scope: 'launch/patient patient/*.rs',
        challenge: pkce().challenge,
        state: 's-1',
      }),
    );
    assert.ok(login instanceof Response);
    const consent = await browser.follow(formAction(await login.text(), 'login', login.url), {
      method: 'POST',
      form: { user: 'dr-okafor' },
    });
    assert.ok(consent instanceof Response);
    const redirect = await browser.follow(formAction(await consent.text(), 'abort', consent.url), {
      method: 'POST',
      form: {},
    });
    assert.ok(redirect instanceof URL);
    assert.equal(redirect.searchParams.get('error'), 'access_denied');
    assert.equal(redirect.searchParams.get('state'), 's-1');
    assert.equal(redirect.searchParams.get('code'), null);
  });

  it('refuses a form posted without the browser’s interaction cookie (another site, another browser)', async () => {
    const browser = new Browser();
    const login = await browser.follow(
      authorizationUrl(server, {
        scope: 'launch/patient patient/*.rs',
        challenge: pkce().challenge,
      }),
    );
    assert.ok(login instanceof Response);
    const action = formAction(await login.text(), 'login', login.url);
    const forged = await new Browser().follow(action, {
      method: 'POST',
      form: { user: 'dr-okafor' },
    });
    assert.ok(forged instanceof Response);
    assert.equal(forged.status, 400);
    assert.match(await forged.text(), /expired or was opened in another browser/);
  });
});
