import { importSPKI, type CryptoKey } from 'jose';

// What verifies tokens. Either a shared secret (HS256; the server and whoever
// mints tokens both hold it) or a public key (ES256 or EdDSA; only the
// identity provider holds the private key). The development key is a
// published secret: it exists so that `emr-kit serve --dev` and the demo run
// with nothing configured, and it is used only when asked for by name.

export const DEVELOPMENT_SECRET = 'emr-kit DEVELOPMENT key: public, never use it in production';

/** Shortest secret accepted (bytes): HS256 wants at least its hash length. */
export const MIN_SECRET_BYTES = 32;

export const SECRET_ENV = 'EMR_SYNC_SECRET';
export const PUBLIC_KEY_ENV = 'EMR_SYNC_PUBLIC_KEY';

export interface KeyOptions {
  /** HS256 secret. Default: the EMR_SYNC_SECRET environment variable. */
  secret?: string;
  /** SPKI PEM of an ES256 or EdDSA public key. Default: the EMR_SYNC_PUBLIC_KEY environment variable. */
  publicKey?: string;
  /** Use the published development key. Never in production. */
  dev?: boolean;
}

export interface VerificationKey {
  key: Uint8Array | CryptoKey;
  algorithms: string[];
  /** Said in the start-up log line, so a server on the development key is obvious. */
  description: string;
}

export class KeyConfigError extends Error {}

export function secretKey(secret: string): Uint8Array {
  const bytes = new TextEncoder().encode(secret);
  if (bytes.length < MIN_SECRET_BYTES)
    throw new KeyConfigError(
      `the token secret must be at least ${MIN_SECRET_BYTES} bytes, it is ${bytes.length}`,
    );
  return bytes;
}

/** The HS256 secret for minting tokens: the development key when asked for, else the configured secret. */
export function signingSecret(
  options: KeyOptions,
  env: NodeJS.ProcessEnv = process.env,
): Uint8Array {
  if (options.dev) return secretKey(DEVELOPMENT_SECRET);
  const secret = options.secret ?? env[SECRET_ENV];
  if (!secret)
    throw new KeyConfigError(
      `no token secret: set ${SECRET_ENV}, or pass --dev to use the development key`,
    );
  return secretKey(secret);
}

export async function verificationKey(
  options: KeyOptions,
  env: NodeJS.ProcessEnv = process.env,
): Promise<VerificationKey> {
  if (options.dev)
    return {
      key: secretKey(DEVELOPMENT_SECRET),
      algorithms: ['HS256'],
      description: 'DEVELOPMENT key (HS256, public: never use in production)',
    };
  const secret = options.secret ?? env[SECRET_ENV];
  const publicKey = options.publicKey ?? env[PUBLIC_KEY_ENV];
  if (secret && publicKey)
    throw new KeyConfigError(
      `give either a token secret (${SECRET_ENV}) or a public key (${PUBLIC_KEY_ENV}), not both`,
    );
  if (secret)
    return { key: secretKey(secret), algorithms: ['HS256'], description: 'shared secret (HS256)' };
  if (publicKey) return importPublicKey(publicKey);
  throw new KeyConfigError(
    `no key to verify tokens: set ${SECRET_ENV} (HS256) or ${PUBLIC_KEY_ENV} (ES256/EdDSA public key, PEM), or use the development key (--dev)`,
  );
}

async function importPublicKey(pem: string): Promise<VerificationKey> {
  for (const algorithm of ['ES256', 'EdDSA']) {
    try {
      return {
        key: await importSPKI(pem, algorithm),
        algorithms: [algorithm],
        description: `public key (${algorithm})`,
      };
    } catch {
      // Not a key of this algorithm: try the next.
    }
  }
  throw new KeyConfigError(`${PUBLIC_KEY_ENV} is not an ES256 or EdDSA public key in SPKI PEM`);
}
