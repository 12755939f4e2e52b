import * as oauth from 'oauth4webapi';
import { EhrError } from '../errors.js';
import { discoverSmart, type SmartConfiguration } from './smart-discovery.js';

// The first half of SMART App Launch 2.0: to the authorization server with
// PKCE (S256 only) and a random state, in either way a hospital launches an
// app — from the EHR (`iss` + `launch` on the app's launch URL) or on its own
// (standalone, `launch/patient`: the user picks the patient there). What the
// second half needs (the code verifier, the state, the endpoints) waits in
// session storage, never local storage or IndexedDB: it is gone when the tab is.

export interface SmartClient {
  clientId: string;
  /** Registered with the EHR; where completeSmartLaunch runs. */
  redirectUri: string;
  /**
   * What to ask for. EHR launch adds `launch`; standalone adds `launch/patient`
   * when no patient scope context is asked otherwise. Default: read the
   * patient's chart, know who the user is.
   */
  scope?: string;
  /** Kept where completeSmartLaunch finds it (sessionStorage when absent). */
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  fetch?: typeof fetch;
  /**
   * The FHIR servers this app may be launched from. An EHR launch URL names
   * its server in `iss`, and anyone can write one: without this list, a link
   * naming another server sends the user to that server's sign-in page.
   */
  allowedIssuers?: readonly string[];
}

export const DEFAULT_SCOPE = 'openid fhirUser patient/*.rs';

/** What waits between the two halves of a launch, under its state. */
export interface PendingLaunch {
  fhirBaseUrl: string;
  clientId: string;
  redirectUri: string;
  codeVerifier: string;
  configuration: SmartConfiguration;
}

export const PENDING_PREFIX = 'emr-kit smart launch ';

/** The launch URL's parameters when the EHR launched the app (`iss` and `launch`); undefined otherwise. */
export function ehrLaunchParameters(
  url: string | URL,
): { iss: string; launch: string } | undefined {
  const params = new URL(url).searchParams;
  const iss = params.get('iss');
  const launch = params.get('launch');
  return iss && launch ? { iss, launch } : undefined;
}

/**
 * The authorization URL to send the browser to. `launch` present: an EHR
 * launch (from the app's launch URL, see ehrLaunchParameters); absent: a
 * standalone launch at `fhirBaseUrl`.
 */
export async function smartAuthorizationUrl(
  client: SmartClient,
  { fhirBaseUrl, launch }: { fhirBaseUrl: string; launch?: string },
): Promise<URL> {
  const normalise = (url: string) => url.replace(/\/+$/, '');
  if (
    client.allowedIssuers &&
    !client.allowedIssuers.map(normalise).includes(normalise(fhirBaseUrl))
  ) {
    throw new EhrError(
      'launch',
      `SMART launch: ${fhirBaseUrl} is not one of the FHIR servers this app may be launched from; refused`,
    );
  }
  const configuration = await discoverSmart(fhirBaseUrl, client.fetch);
  const codeVerifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const scopes = new Set((client.scope ?? DEFAULT_SCOPE).split(/\s+/).filter(Boolean));
  if (launch) scopes.add('launch');
  else if (![...scopes].some((scope) => scope.startsWith('launch/'))) scopes.add('launch/patient');
  const url = new URL(configuration.authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: client.clientId,
    redirect_uri: client.redirectUri,
    scope: [...scopes].join(' '),
    state,
    // SMART: the FHIR server the token is for; the EHR refuses a token for another.
    aud: fhirBaseUrl,
    code_challenge: await oauth.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    ...(launch && { launch }),
  }).toString();
  const pending: PendingLaunch = {
    fhirBaseUrl,
    clientId: client.clientId,
    redirectUri: client.redirectUri,
    codeVerifier,
    configuration,
  };
  storageOf(client).setItem(PENDING_PREFIX + state, JSON.stringify(pending));
  return url;
}

export function storageOf(
  client: Pick<SmartClient, 'storage'>,
): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
  const storage = client.storage ?? globalThis.sessionStorage;
  if (!storage)
    throw new EhrError('launch', 'SMART launch: no session storage here; pass `storage`');
  return storage;
}
