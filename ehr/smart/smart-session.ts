import * as oauth from 'oauth4webapi';
import { EhrError } from '../errors.js';
import type { FhirAuth } from '../http/fhir-http.js';
import { authorizationServer, isLoopback, type SmartConfiguration } from './smart-discovery.js';

// An authorised SMART session: the access token, kept in memory only (a
// host that must survive a reload passes session storage to keep it there;
// never local storage or IndexedDB, never logged), renewed before it
// expires when a refresh token was granted, and the launch context the
// token response carried.

/** What a launch learned besides the token: whose chart, and how the EHR wants it shown. */
export interface LaunchContext {
  fhirBaseUrl: string;
  patient?: string;
  encounter?: string;
  /** The EHR already shows a patient banner: the app need not repeat one. */
  needPatientBanner?: boolean;
  /** The EHR's style (see applySmartStyle). */
  smartStyleUrl?: string;
  /** Who is signed in, e.g. `Practitioner/123` (from the ID token). */
  fhirUser?: string;
  /** The scopes granted, which may be fewer than those asked. */
  scope: string;
}

interface Tokens {
  accessToken: string;
  refreshToken?: string;
  /** Epoch ms; undefined when the server did not say. */
  expiresAt?: number;
  /** When it is renewed ahead of expiry (epoch ms; see renewalMargin). */
  renewAt?: number;
}

export class SmartSession implements FhirAuth {
  readonly context: LaunchContext;
  readonly #configuration: SmartConfiguration;
  readonly #clientId: string;
  readonly #fetch?: typeof fetch;
  #tokens: Tokens;
  #renewing: Promise<boolean> | undefined;

  constructor(
    context: LaunchContext,
    tokens: Tokens,
    configuration: SmartConfiguration,
    clientId: string,
    fetcher?: typeof fetch,
  ) {
    this.context = context;
    this.#tokens = tokens;
    this.#configuration = configuration;
    this.#clientId = clientId;
    this.#fetch = fetcher;
  }

  /** Whether the token can be renewed without the user (a refresh token was granted). */
  get canRefresh(): boolean {
    return this.#tokens.refreshToken !== undefined;
  }

  async authorization(): Promise<string> {
    const { renewAt } = this.#tokens;
    if (renewAt !== undefined && Date.now() >= renewAt && this.canRefresh) await this.refresh();
    return `Bearer ${this.#tokens.accessToken}`;
  }

  /** Renews the access token with the refresh token; false when there is none, or the server refused it (sign in again). One renewal at a time. */
  refresh(): Promise<boolean> {
    this.#renewing ??= this.#renew().finally(() => (this.#renewing = undefined));
    return this.#renewing;
  }

  async #renew(): Promise<boolean> {
    const refreshToken = this.#tokens.refreshToken;
    if (!refreshToken) return false;
    const as = authorizationServer(this.#configuration);
    const client: oauth.Client = { client_id: this.#clientId };
    const options = requestOptions(this.#configuration, this.#fetch);
    try {
      const response = await oauth.refreshTokenGrantRequest(
        as,
        client,
        oauth.None(),
        refreshToken,
        options,
      );
      const result = await oauth.processRefreshTokenResponse(as, client, response);
      this.#tokens = tokensOf(result, refreshToken);
      return true;
    } catch (error) {
      if (error instanceof oauth.ResponseBodyError) return false;
      throw new EhrError(
        'unauthorized',
        `renewing the access token failed: ${(error as Error).message}`,
        { cause: error },
      );
    }
  }
}

export function tokensOf(response: oauth.TokenEndpointResponse, previousRefresh?: string): Tokens {
  const lifetime = response.expires_in !== undefined ? response.expires_in * 1000 : undefined;
  const now = Date.now();
  return {
    accessToken: response.access_token,
    // A server may rotate the refresh token, or keep the old one valid.
    refreshToken: response.refresh_token ?? previousRefresh,
    expiresAt: lifetime !== undefined ? now + lifetime : undefined,
    renewAt: lifetime !== undefined ? now + lifetime - renewalMargin(lifetime) : undefined,
  };
}

/**
 * How long before expiry a token is renewed: a tenth of its lifetime (at most
 * 30 s), plus 2 s because a JWT's expiry is in whole seconds and a request
 * spends time in flight and in the server's queue; never more than half its
 * lifetime. So no request carries a token that lapses before it is read.
 */
function renewalMargin(lifetime: number): number {
  return Math.min(lifetime / 2, Math.min(30_000, lifetime / 10) + 2000);
}

export function requestOptions(
  configuration: SmartConfiguration,
  fetcher?: typeof fetch,
): oauth.TokenEndpointRequestOptions {
  return {
    ...(fetcher && { [oauth.customFetch]: fetcher }),
    ...(isLoopback(configuration.token_endpoint) && { [oauth.allowInsecureRequests]: true }),
  };
}
