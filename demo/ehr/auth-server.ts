// The demo EHR's SMART on FHIR authorization server: oidc-provider (a
// certified OpenID provider) on 127.0.0.1, configured for SMART App Launch
// 2.0 — EHR and standalone launch, authorization code with PKCE (S256 only),
// JWT access tokens for one FHIR server, refresh tokens for offline_access
// and online_access. See demo/ehr/README.md.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import { Provider, type ClientMetadata } from 'oidc-provider';
import { accessTokenVerifier, type TokenAuthorization } from './access-token.js';
import type { Choice } from './interaction-pages.js';
import { interactionHandler, type DemoUser } from './interactions.js';
import { LaunchContexts, type LaunchInput } from './launch-contexts.js';
import { memoryAdapterStore } from './memory-adapter.js';
import { offlineAccessConsent } from './offline-access.js';
import { providerConfiguration } from './provider-configuration.js';
import { smartConfiguration, type SmartConfiguration } from './smart-configuration.js';
import { DEMO_EHR_STYLE, STYLE_PATH, type SmartStyle } from './demo-ehr-style.js';
import { tokenResponseMiddleware } from './token-response.js';

export type { DemoUser } from './interactions.js';
export type { LaunchInput } from './launch-contexts.js';
export type { TokenAuthorization } from './access-token.js';
export type { SmartConfiguration } from './smart-configuration.js';

/** An app registered with the EHR. Without a secret it is a public client and authenticates with PKCE alone. */
export interface AuthClient {
  clientId: string;
  redirectUris: string[];
  /** A confidential client's secret (HTTP Basic or form post at the token endpoint). */
  clientSecret?: string;
  /** Shown on the sign-in and consent pages. */
  name?: string;
}

export interface AuthServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** The address to listen on and the issuer's host; 127.0.0.1 by default. */
  host?: string;
  /** The FHIR server this issuer grants access to (the `aud` apps must ask for); it can also be set later. */
  fhirBaseUrl?: string;
  clients?: AuthClient[];
  users: DemoUser[];
  /** The standalone launch's patient picker. */
  patients?: Choice[];
  /** Seconds an access token lives; 3600 by default. */
  accessTokenLifetime?: number;
  /** Seconds a refresh token (and the grant behind it) lives; 14 days by default. A public client's rotates on use without living longer. */
  refreshTokenLifetime?: number;
  /** The RS256 private key (a JWK) tokens are signed with; a new one each start by default. */
  signingKey?: JWK;
  /** Signs in as this user id and consents without a page (tests). */
  autoLogin?: string;
  /** With `autoLogin`, the patient a standalone launch picks without a page (tests). */
  autoPatient?: string;
  /** Overrides of the demo EHR's SMART style. */
  style?: Partial<SmartStyle>;
}

export interface AuthServer {
  /** `http://127.0.0.1:<port>`, the issuer and the base of every endpoint. */
  readonly issuer: string;
  /** The URL of the style JSON given as `smart_style_url` unless a launch names another. */
  readonly styleUrl: string;
  readonly fhirBaseUrl: string | undefined;
  /** Names the FHIR server (its base URL) this issuer grants access to, once. */
  setFhirBaseUrl(url: string): void;
  /**
   * The document the FHIR server serves at `[base]/.well-known/smart-configuration`.
   * Also names `fhirBaseUrl` as this issuer's FHIR server, if none was named yet.
   */
  smartConfiguration(fhirBaseUrl: string): SmartConfiguration;
  /** The FHIR server's hook: what a bearer token allows, or undefined when it is not valid for this FHIR server. */
  authorize(bearerToken: string): Promise<TokenAuthorization | undefined>;
  /** Records an EHR launch; returns the opaque id for the app's launch URL (`?iss=…&launch=…`). */
  createLaunch(launch: LaunchInput): string;
  /** Registers another app while the server runs. */
  registerClient(client: AuthClient): void;
  /** Tokens issued so far, by grant type (`authorization_code`, `refresh_token`). */
  grantCounts(): Readonly<Record<string, number>>;
  close(): Promise<void>;
}

const withoutTrailingSlash = (url: string) => url.replace(/\/+$/, '');

export async function startAuthServer(options: AuthServerOptions): Promise<AuthServer> {
  const host = options.host ?? '127.0.0.1';
  let fhirBaseUrl =
    options.fhirBaseUrl === undefined ? undefined : withoutTrailingSlash(options.fhirBaseUrl);
  const setFhirBaseUrl = (url: string) => {
    const normalised = withoutTrailingSlash(url);
    if (fhirBaseUrl !== undefined && fhirBaseUrl !== normalised) {
      throw new Error(
        `this authorization server already serves the FHIR server at ${fhirBaseUrl}, not ${normalised}`,
      );
    }
    fhirBaseUrl = normalised;
  };

  // Listen first: the issuer names the port.
  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => {
    res.writeHead(503).end();
  };
  const server = createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const issuer = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const styleUrl = issuer + STYLE_PATH;
  const style = JSON.stringify({ ...DEMO_EHR_STYLE, ...options.style });

  const { signingKey, publicJwks } = await signingKeys(options.signingKey);

  const users = new Map(options.users.map((u) => [u.id, u]));
  const launches = new LaunchContexts();
  const store = memoryAdapterStore();
  const absoluteFhirUser = (reference: string) =>
    /^https?:\/\//.test(reference) || fhirBaseUrl === undefined
      ? reference
      : `${fhirBaseUrl}/${reference}`;

  const provider = new Provider(
    issuer,
    providerConfiguration({
      adapter: store.Adapter,
      clients: (options.clients ?? []).map(clientMetadata),
      signingKey,
      cookieKey: randomBytes(32).toString('base64url'),
      fhirBaseUrl: () => fhirBaseUrl,
      accessTokenLifetime: options.accessTokenLifetime ?? 3600,
      refreshTokenLifetime: options.refreshTokenLifetime ?? 14 * 24 * 3600,
      users,
      absoluteFhirUser,
      launches,
    }),
  );
  provider.use(offlineAccessConsent);
  provider.use(tokenResponseMiddleware({ launches, fhirBaseUrl: () => fhirBaseUrl }));
  const grants: Record<string, number> = {};
  provider.on('grant.success', (...args: unknown[]) => {
    const ctx = args[0] as { oidc?: { params?: { grant_type?: unknown } } } | undefined;
    const type = String(ctx?.oidc?.params?.grant_type ?? 'unknown');
    grants[type] = (grants[type] ?? 0) + 1;
  });
  provider.on('grant.revoked', (...args: unknown[]) => {
    if (typeof args[1] === 'string') launches.forgetGrant(args[1]);
  });

  const interactions = interactionHandler({
    provider,
    users,
    patients: options.patients ?? [],
    launches,
    defaultStyleUrl: styleUrl,
    ...(options.autoLogin === undefined ? {} : { autoLogin: options.autoLogin }),
    ...(options.autoPatient === undefined ? {} : { autoPatient: options.autoPatient }),
  });
  const oidc = provider.callback();

  handle = (req, res) => {
    const path = new URL(req.url ?? '/', issuer).pathname;
    if (path === STYLE_PATH) return serveStyle(req, res, style);
    if (path.startsWith('/interaction/')) {
      interactions(req, res).catch(() => {
        if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('server error');
      });
      return;
    }
    void oidc(req, res);
  };

  const authorize = accessTokenVerifier({ issuer, jwks: publicJwks, audience: () => fhirBaseUrl });

  return {
    issuer,
    styleUrl,
    get fhirBaseUrl() {
      return fhirBaseUrl;
    },
    setFhirBaseUrl,
    smartConfiguration(url) {
      setFhirBaseUrl(url);
      return smartConfiguration(issuer);
    },
    authorize,
    createLaunch: (launch) => launches.createLaunch(launch),
    registerClient: (client) => store.registerClient({ ...clientMetadata(client) }),
    grantCounts: () => ({ ...grants }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** The private key oidc-provider signs with, and the public key set the `authorize` hook checks against. */
async function signingKeys(
  given: JWK | undefined,
): Promise<{ signingKey: JWK; publicJwks: { keys: JWK[] } }> {
  let privateJwk = given;
  if (privateJwk === undefined) {
    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    privateJwk = await exportJWK(privateKey);
  }
  const kid = privateJwk.kid ?? randomBytes(8).toString('base64url');
  const signingKey = { ...privateJwk, kid, alg: 'RS256', use: 'sig' };
  // The public half: the RSA modulus and exponent only.
  const { kty, n, e } = signingKey;
  if (kty !== 'RSA' || signingKey.d === undefined)
    throw new Error('signingKey must be an RSA private key (a JWK with d)');
  await importJWK(signingKey, 'RS256');
  return { signingKey, publicJwks: { keys: [{ kty, n, e, kid, alg: 'RS256', use: 'sig' }] } };
}

function clientMetadata(client: AuthClient): ClientMetadata {
  return {
    client_id: client.clientId,
    ...(client.name === undefined ? {} : { client_name: client.name }),
    redirect_uris: [...client.redirectUris],
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    ...(client.clientSecret === undefined
      ? { token_endpoint_auth_method: 'none' }
      : { client_secret: client.clientSecret, token_endpoint_auth_method: 'client_secret_basic' }),
  };
}

function serveStyle(req: IncomingMessage, res: ServerResponse, style: string): void {
  const cors = { 'Access-Control-Allow-Origin': '*' };
  if (req.method === 'OPTIONS') {
    res
      .writeHead(204, {
        ...cors,
        'Access-Control-Allow-Methods': 'GET',
        'Access-Control-Max-Age': '600',
      })
      .end();
  } else if (req.method === 'GET' || req.method === 'HEAD') {
    res.writeHead(200, {
      ...cors,
      'Content-Type': 'application/json',
      'Cache-Control': 'max-age=300',
    });
    res.end(req.method === 'HEAD' ? undefined : style);
  } else {
    res.writeHead(405, { ...cors, Allow: 'GET, HEAD, OPTIONS' }).end();
  }
}
