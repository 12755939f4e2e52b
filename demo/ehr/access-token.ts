// What a FHIR server asks of a bearer token: is it one this issuer signed,
// for this FHIR server, still valid; and if so, what does it allow.
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';

/** What a valid access token allows, as the FHIR server's `authorize` hook returns it. */
export interface TokenAuthorization {
  /** The resource scopes granted (`patient/*.rs`, `user/Observation.cruds`, …). */
  scopes: string[];
  /** The Patient id the token is for, when it was granted with a patient in context. */
  patient?: string;
  /** The Encounter id in context, if any. */
  encounter?: string;
  /** The user as a reference relative to the FHIR base (`Practitioner/…`). */
  user?: string;
  /** The app the token was issued to. */
  clientId?: string;
}

export interface AccessTokenCheck {
  issuer: string;
  /** The public keys the issuer signs with. */
  jwks: JSONWebKeySet;
  /** The FHIR base URL, the only audience accepted; no audience, no token accepted. */
  audience: () => string | undefined;
}

/**
 * Verifies a JWT access token (RFC 9068, `typ: at+jwt`) against the issuer's
 * keys: signature, issuer, audience and expiry. Returns undefined for any
 * token that does not pass; never throws.
 */
export function accessTokenVerifier(
  check: AccessTokenCheck,
): (bearerToken: string) => Promise<TokenAuthorization | undefined> {
  const keys = createLocalJWKSet(check.jwks);
  return async (bearerToken) => {
    const audience = check.audience();
    if (audience === undefined || !bearerToken) return undefined;
    try {
      const { payload } = await jwtVerify(bearerToken, keys, {
        issuer: check.issuer,
        audience,
        typ: 'at+jwt',
        algorithms: ['RS256'],
        requiredClaims: ['exp', 'scope'],
      });
      const text = (name: string) =>
        typeof payload[name] === 'string' ? (payload[name] as string) : undefined;
      const fhirUser = text('fhirUser');
      return {
        scopes: (text('scope') ?? '').split(' ').filter(Boolean),
        ...(text('patient') === undefined ? {} : { patient: text('patient') }),
        ...(text('encounter') === undefined ? {} : { encounter: text('encounter') }),
        ...(fhirUser === undefined ? {} : { user: relativeReference(fhirUser, audience) }),
        ...(text('client_id') === undefined ? {} : { clientId: text('client_id') }),
      };
    } catch {
      return undefined;
    }
  };
}

/** `http://…/fhir/Practitioner/1` as `Practitioner/1` when it is on this FHIR server. */
export function relativeReference(url: string, fhirBaseUrl: string): string {
  const prefix = `${fhirBaseUrl}/`;
  return url.startsWith(prefix) ? url.slice(prefix.length) : url;
}
