// A SMART app's side of the authorization code flow, with plain fetch: the
// redirects followed by hand, the cookies the authorization server sets kept
// in a jar, the interaction forms read and submitted like a browser would.
import { createHash, randomBytes } from 'node:crypto';
import {
  startAuthServer,
  type AuthServer,
  type AuthServerOptions,
} from '../../../demo/ehr/auth-server.js';

export const FHIR_BASE = 'http://127.0.0.1:9/fhir';
export const APP_REDIRECT = 'http://127.0.0.1:8/app/callback';
export const APP = 'chart-app';
export const CONFIDENTIAL_APP = 'chart-service';
export const CONFIDENTIAL_SECRET = 'a demo secret that is long enough';

export const USERS = [
  { id: 'dr-okafor', name: 'Dr Ada Okafor', fhirUser: 'Practitioner/pr-okafor' },
  { id: 'dr-lindqvist', name: 'Dr Sven Lindqvist', fhirUser: 'Practitioner/pr-lindqvist' },
];
export const PATIENTS = [
  { id: 'pat-1', name: 'Maria Jones (1961-04-02)' },
  { id: 'pat-2', name: 'Tomás García (1984-11-19)' },
];

export function startTestAuthServer(options: Partial<AuthServerOptions> = {}): Promise<AuthServer> {
  return startAuthServer({
    fhirBaseUrl: FHIR_BASE,
    clients: [
      { clientId: APP, redirectUris: [APP_REDIRECT], name: 'Chart app' },
      {
        clientId: CONFIDENTIAL_APP,
        redirectUris: [APP_REDIRECT],
        clientSecret: CONFIDENTIAL_SECRET,
      },
    ],
    users: USERS,
    patients: PATIENTS,
    ...options,
  });
}

export function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export interface AuthorizationRequest {
  scope: string;
  aud?: string | undefined;
  launch?: string;
  state?: string;
  clientId?: string;
  challenge?: string | undefined;
  challengeMethod?: string | undefined;
}

export function authorizationUrl(server: AuthServer, request: AuthorizationRequest): URL {
  const url = new URL(`${server.issuer}/auth`);
  const params: Record<string, string | undefined> = {
    response_type: 'code',
    client_id: request.clientId ?? APP,
    redirect_uri: APP_REDIRECT,
    scope: request.scope,
    state: request.state ?? randomBytes(8).toString('hex'),
    aud: 'aud' in request ? request.aud : FHIR_BASE,
    launch: request.launch,
    code_challenge: request.challenge,
    code_challenge_method:
      'challengeMethod' in request
        ? request.challengeMethod
        : request.challenge
          ? 'S256'
          : undefined,
  };
  for (const [name, value] of Object.entries(params))
    if (value !== undefined) url.searchParams.set(name, value);
  return url;
}

/** A browser, as far as the flow needs one: cookies by name, redirects by hand. */
export class Browser {
  readonly #cookies = new Map<string, string>();

  async request(
    url: string | URL,
    init: { method?: string; form?: Record<string, string> } = {},
  ): Promise<Response> {
    const headers: Record<string, string> = {};
    if (this.#cookies.size)
      headers.cookie = [...this.#cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    let body: string | undefined;
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    }
    const response = await fetch(url, {
      method: init.method ?? 'GET',
      headers,
      body,
      redirect: 'manual',
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      if (/expires=Thu, 01 Jan 1970/i.test(line) || value === '') this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
    return response;
  }

  /**
   * Follows redirects from `url` until one leaves for the app's redirect URI
   * (returned as a URL) or a page answers (returned as a Response).
   */
  async follow(
    url: string | URL,
    init: { method?: string; form?: Record<string, string> } = {},
  ): Promise<URL | Response> {
    let response = await this.request(url, init);
    for (let hops = 0; hops < 20; hops++) {
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) return response;
      const next = new URL(location, response.url || url);
      if (next.href.startsWith(APP_REDIRECT)) return next;
      response = await this.request(next);
    }
    throw new Error('too many redirects');
  }
}

/** Runs an authorization request through to the app's redirect URI (the server must complete it unattended). */
export async function authorizeUnattended(
  server: AuthServer,
  request: AuthorizationRequest,
  browser = new Browser(),
): Promise<URL> {
  const result = await browser.follow(authorizationUrl(server, request));
  if (result instanceof URL) return result;
  throw new Error(`stopped at a page: ${result.status} ${(await result.text()).slice(0, 500)}`);
}

export interface TokenResponse {
  access_token?: string;
  refresh_token?: string;
  id_token?: string;
  token_type?: string;
  expires_in?: number;
  scope?: string;
  patient?: string;
  encounter?: string;
  need_patient_banner?: boolean;
  smart_style_url?: string;
  error?: string;
  error_description?: string;
}

export async function tokenRequest(
  server: AuthServer,
  form: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: TokenResponse; headers: Headers }> {
  const response = await fetch(`${server.issuer}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form).toString(),
  });
  return {
    status: response.status,
    body: (await response.json()) as TokenResponse,
    headers: response.headers,
  };
}

export function exchangeCode(
  server: AuthServer,
  code: string,
  verifier: string | undefined,
  clientId = APP,
) {
  return tokenRequest(server, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: APP_REDIRECT,
    client_id: clientId,
    ...(verifier === undefined ? {} : { code_verifier: verifier }),
  });
}

/** Authorizes unattended and exchanges the code: the whole flow of a public app. */
export async function launchApp(
  server: AuthServer,
  request: Omit<AuthorizationRequest, 'challenge'>,
) {
  const { verifier, challenge } = pkce();
  const redirect = await authorizeUnattended(server, { ...request, challenge });
  const code = redirect.searchParams.get('code');
  if (!code) throw new Error(`no code: ${redirect.href}`);
  return exchangeCode(server, code, verifier, request.clientId);
}
