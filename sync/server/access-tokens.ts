import { errors, jwtVerify, SignJWT } from 'jose';
import type { VerificationKey } from './keys.js';

// The token a client presents: a JWT naming the user, their role and the
// patients whose chart documents they may open, with an expiry.
//
//   sub       user id                        "dr-okafor"
//   name      display name                   "Dr Ada Okafor"
//   role      clinician | viewer | auditor   clinicians write; the others only read
//   patients  patient ids it may open        ["pat-1", "pat-2"]
//   exp       expiry (seconds since epoch); required
//   aud       "emr-kit-sync" (configurable)

export const ROLES = ['clinician', 'viewer', 'auditor'] as const;
export type SyncRole = (typeof ROLES)[number];

export const WRITING_ROLES: readonly SyncRole[] = ['clinician'];

export const DEFAULT_AUDIENCE = 'emr-kit-sync';

/** Who is connected, as the token says. */
export interface Principal {
  userId: string;
  name: string;
  role: SyncRole;
  patients: readonly string[];
  /** Expiry, ms since epoch. */
  expiresAt: number;
}

export type TokenCheck = { ok: true; principal: Principal } | { ok: false; reason: string };

export function canWrite(principal: Principal): boolean {
  return WRITING_ROLES.includes(principal.role);
}

/** Verifies signature, expiry and audience, then the claims. Never throws, never echoes the token. */
export async function verifyToken(
  token: string,
  key: VerificationKey,
  audience = DEFAULT_AUDIENCE,
): Promise<TokenCheck> {
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, key.key, {
      algorithms: key.algorithms,
      audience,
      requiredClaims: ['exp', 'sub'],
    }));
  } catch (error) {
    return { ok: false, reason: describeJoseError(error) };
  }
  const { sub, name, role, patients, exp } = payload;
  if (typeof sub !== 'string' || sub.length === 0 || sub.length > 256)
    return { ok: false, reason: 'token claim sub must be a user id' };
  if (typeof name !== 'string' || name.length > 256)
    return { ok: false, reason: 'token claim name must be a display name' };
  if (!ROLES.includes(role as SyncRole))
    return { ok: false, reason: `token claim role must be one of ${ROLES.join(', ')}` };
  if (!Array.isArray(patients) || !patients.every((p) => typeof p === 'string'))
    return { ok: false, reason: 'token claim patients must be a list of patient ids' };
  return {
    ok: true,
    principal: {
      userId: sub,
      name,
      role: role as SyncRole,
      patients,
      expiresAt: (exp as number) * 1000,
    },
  };
}

function describeJoseError(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'token expired';
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return 'token signature does not verify';
  if (error instanceof errors.JWTClaimValidationFailed)
    return `token claim ${error.claim} ${error.reason === 'missing' ? 'missing' : 'invalid'}`;
  if (error instanceof errors.JOSEAlgNotAllowed)
    return 'token signed with an algorithm the server does not accept';
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid)
    return 'token malformed';
  return 'token could not be verified';
}

export interface TokenClaims {
  userId: string;
  name: string;
  role: SyncRole;
  patients: readonly string[];
  /** How long it is valid, in jose's notation: "8h", "30m", "7d". */
  lifetime?: string;
  audience?: string;
}

/** Mints an HS256 token. */
export async function mintToken(claims: TokenClaims, secret: Uint8Array): Promise<string> {
  return new SignJWT({ name: claims.name, role: claims.role, patients: [...claims.patients] })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.userId)
    .setAudience(claims.audience ?? DEFAULT_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(claims.lifetime ?? '8h')
    .sign(secret);
}
