import type { AuthorizationServer } from 'oauth4webapi';
import { EhrError } from '../errors.js';

// SMART App Launch 2.0 discovery: `[fhirBase]/.well-known/smart-configuration`
// names the authorization server's endpoints and what it supports. The kit
// only launches where PKCE with S256 is offered (SMART 2.0 requires it).

export interface SmartConfiguration {
  issuer?: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri?: string;
  revocation_endpoint?: string;
  scopes_supported?: string[];
  capabilities?: string[];
  code_challenge_methods_supported?: string[];
}

export async function discoverSmart(
  fhirBaseUrl: string,
  fetcher: typeof fetch = globalThis.fetch,
): Promise<SmartConfiguration> {
  const url = `${fhirBaseUrl.replace(/\/$/, '')}/.well-known/smart-configuration`;
  let response: Response;
  try {
    response = await fetcher(url, { headers: { accept: 'application/json' } });
  } catch (error) {
    throw new EhrError(
      'launch',
      `SMART discovery: no answer from ${url} (${(error as Error).message})`,
      { url, cause: error },
    );
  }
  if (!response.ok)
    throw new EhrError(
      'launch',
      `SMART discovery: ${url} answered ${response.status}; is ${fhirBaseUrl} a SMART on FHIR server?`,
      { url, status: response.status },
    );
  const config = (await response.json().catch(() => undefined)) as
    Partial<SmartConfiguration> | undefined;
  const missing = (['authorization_endpoint', 'token_endpoint'] as const).filter(
    (field) => typeof config?.[field] !== 'string',
  );
  if (!config || missing.length > 0)
    throw new EhrError(
      'launch',
      `SMART discovery: ${url} lacks ${missing.join(' and ') || 'a JSON body'}`,
      { url },
    );
  if (!config.code_challenge_methods_supported?.includes('S256')) {
    throw new EhrError(
      'launch',
      `SMART discovery: ${url} does not offer PKCE with S256 (code_challenge_methods_supported: ${JSON.stringify(config.code_challenge_methods_supported ?? [])}); the kit launches only with it`,
      { url },
    );
  }
  return config as SmartConfiguration;
}

/** The configuration as oauth4webapi's authorization server. */
export function authorizationServer(config: SmartConfiguration): AuthorizationServer {
  return {
    issuer: config.issuer ?? new URL(config.token_endpoint).origin,
    authorization_endpoint: config.authorization_endpoint,
    token_endpoint: config.token_endpoint,
    ...(config.jwks_uri && { jwks_uri: config.jwks_uri }),
    ...(config.revocation_endpoint && { revocation_endpoint: config.revocation_endpoint }),
    code_challenge_methods_supported: config.code_challenge_methods_supported,
  };
}

/** Plain http only for a server on this machine (a demo or a test): oauth4webapi otherwise refuses it, rightly. */
export function isLoopback(url: string): boolean {
  const { hostname } = new URL(url);
  return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
}
