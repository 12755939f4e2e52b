// The document a FHIR server publishes at `[base]/.well-known/smart-configuration`
// (SMART App Launch 2.0) for the demo EHR's authorization server.
import { NAMED_SCOPES, RESOURCE_SCOPE_EXAMPLES } from './smart-scopes.js';

/** Endpoint paths of the authorization server, relative to its issuer. */
export const ROUTES = {
  authorization: '/auth',
  token: '/token',
  jwks: '/jwks',
  revocation: '/token/revocation',
} as const;

export interface SmartConfiguration {
  issuer: string;
  jwks_uri: string;
  authorization_endpoint: string;
  token_endpoint: string;
  revocation_endpoint: string;
  grant_types_supported: string[];
  response_types_supported: string[];
  scopes_supported: string[];
  token_endpoint_auth_methods_supported: string[];
  code_challenge_methods_supported: string[];
  capabilities: string[];
}

/** What the server does, in SMART's capability names. */
export const CAPABILITIES = [
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
  'permission-online',
  'permission-patient',
  'permission-user',
  'permission-v1',
  'permission-v2',
  'sso-openid-connect',
];

export function smartConfiguration(issuer: string): SmartConfiguration {
  return {
    issuer,
    jwks_uri: issuer + ROUTES.jwks,
    authorization_endpoint: issuer + ROUTES.authorization,
    token_endpoint: issuer + ROUTES.token,
    revocation_endpoint: issuer + ROUTES.revocation,
    grant_types_supported: ['authorization_code', 'refresh_token'],
    response_types_supported: ['code'],
    scopes_supported: [...NAMED_SCOPES, ...RESOURCE_SCOPE_EXAMPLES],
    token_endpoint_auth_methods_supported: ['none', 'client_secret_basic'],
    code_challenge_methods_supported: ['S256'],
    capabilities: [...CAPABILITIES],
  };
}
