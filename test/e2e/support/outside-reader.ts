import type { DemoEhr } from '../../../demo/ehr/demo-ehr.js';
import {
  APP_REDIRECT,
  authorizationUrl,
  Browser,
  exchangeCode,
  pkce,
} from '../../node/ehr-server/smart-flow.js';

// Another of the hospital's apps, not the portal: it is launched from the
// EHR on a patient's chart (the clinician allows it on the consent page) and
// reads that chart from the FHIR server over HTTP with its own token, to see
// what the EHR holds.

const CLIENT_ID = 'ward-dashboard';

export type FhirRead = <T = Record<string, unknown>>(path: string) => Promise<T>;

/** Launches the reader on the patient's chart as the clinician; resolves to its read. */
export async function outsideReader(
  ehr: DemoEhr,
  patientId: string,
  clinicianId = 'dr-okafor',
): Promise<FhirRead> {
  ehr.auth.registerClient({
    clientId: CLIENT_ID,
    name: 'Ward dashboard',
    redirectUris: [APP_REDIRECT],
  });
  const { verifier, challenge } = pkce();
  const launch = ehr.auth.createLaunch({ patient: patientId, user: clinicianId });
  const browser = new Browser();
  const url = authorizationUrl(ehr.auth, {
    clientId: CLIENT_ID,
    scope: 'launch openid patient/*.rs',
    aud: ehr.fhir.url,
    launch,
    challenge,
  });
  // The launch names the clinician: no sign-in, only the consent page.
  const consent = await browser.follow(url);
  if (consent instanceof URL || !consent.ok)
    throw new Error(
      `expected the consent page, got ${consent instanceof URL ? consent.href : consent.status}`,
    );
  const redirect = await browser.follow(`${consent.url}/consent`, { method: 'POST', form: {} });
  const code = redirect instanceof URL ? redirect.searchParams.get('code') : null;
  if (!code) throw new Error('the consent gave no code');
  const { status, body } = await exchangeCode(ehr.auth, code, verifier, CLIENT_ID);
  if (status !== 200 || !body.access_token)
    throw new Error(`token: ${status} ${JSON.stringify(body)}`);
  const token = body.access_token;
  return async <T>(path: string) => {
    const response = await fetch(`${ehr.fhir.url}/${path}`, {
      headers: { authorization: `Bearer ${token}`, accept: 'application/fhir+json' },
    });
    if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
    return (await response.json()) as T;
  };
}
