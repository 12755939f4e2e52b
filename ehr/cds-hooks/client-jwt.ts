// The signed JWT every request to a CDS service carries, so the service can
// tell this application from anyone else ("Trusting CDS Clients",
// https://cds-hooks.hl7.org/2.0/#trusting-cds-clients): an asymmetric
// signature (ES384 unless the host says otherwise; never `none` or HMAC),
// header `kid`, `typ: JWT` and `jku` when the host publishes its key set;
// claims iss, sub, aud (the URL called), iat, exp (five minutes at most)
// and a fresh jti. jose is loaded on the first request, so a host that
// calls no CDS service needs no jose.

/** Who this application is to the hospital's CDS services, and the key it signs with. */
export interface CdsClientIdentity {
  /** `iss`: this application's URI, as the services know it. */
  issuer: string;
  /** `sub`: this application's client id, as registered with the services. */
  clientId: string;
  /** The private key: a WebCrypto key (non-extractable is best) or a private JWK. */
  privateKey: CryptoKey | JsonWebKey;
  /** `kid`: the key's id in this application's JWK Set. */
  keyId: string;
  /** An asymmetric JWS algorithm; ES384 by default (the spec recommends ES384 or RS384). */
  algorithm?: string;
  /** `jku`: where the JWK Set with the public key is published, when it is. */
  jwksUrl?: string;
  /** `tenant`: the healthcare organisation calling, when the services want it. */
  tenant?: string;
}

/** Tokens live this long (the spec's services refuse older ones). */
export const CLIENT_JWT_LIFETIME_S = 300;

const SYMMETRIC = /^(HS|none)/i;

type Jose = typeof import('jose');
let jose: Promise<Jose> | undefined;
const imported = new WeakMap<JsonWebKey, Promise<CryptoKey | Uint8Array>>();

/** A token for one request to `audience`, the exact URL called. */
export async function clientJwt(identity: CdsClientIdentity, audience: string): Promise<string> {
  const algorithm = identity.algorithm ?? 'ES384';
  if (SYMMETRIC.test(algorithm))
    throw new Error(`CDS Hooks forbids ${algorithm} for client tokens: use ES384 or RS384.`);
  jose ??= import('jose');
  const { SignJWT, importJWK } = await jose;
  const key = await signingKey(identity.privateKey, algorithm, importJWK);
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ ...(identity.tenant && { tenant: identity.tenant }) })
    .setProtectedHeader({
      alg: algorithm,
      typ: 'JWT',
      kid: identity.keyId,
      ...(identity.jwksUrl && { jku: identity.jwksUrl }),
    })
    .setIssuer(identity.issuer)
    .setSubject(identity.clientId)
    .setAudience(audience)
    .setIssuedAt(now)
    .setExpirationTime(now + CLIENT_JWT_LIFETIME_S)
    .setJti(crypto.randomUUID())
    .sign(key);
}

function signingKey(
  key: CryptoKey | JsonWebKey,
  algorithm: string,
  importJWK: Jose['importJWK'],
): Promise<CryptoKey | Uint8Array> {
  if (isCryptoKey(key)) return Promise.resolve(key);
  let pending = imported.get(key);
  if (!pending) {
    pending = importJWK(key as Parameters<Jose['importJWK']>[0], algorithm);
    imported.set(key, pending);
  }
  return pending;
}

function isCryptoKey(key: CryptoKey | JsonWebKey): key is CryptoKey {
  return typeof CryptoKey !== 'undefined' && key instanceof CryptoKey;
}
