// What the client reads from its own sync token: when it expires (to fetch
// the next one in time) and who it names (for presence). The signature is
// the server's business; nothing here trusts these claims for access.

export interface TokenClaims {
  /** Expiry, ms since epoch; undefined when the token does not say. */
  expiresAt?: number;
  userId?: string;
  name?: string;
}

/** The claims of a JWT's payload, or none when the token is not a readable JWT. */
export function readTokenClaims(token: string): TokenClaims {
  const payload = token.split('.')[1];
  if (!payload) return {};
  try {
    const json = JSON.parse(decodeBase64Url(payload)) as Record<string, unknown>;
    return {
      ...(typeof json.exp === 'number' && { expiresAt: json.exp * 1000 }),
      ...(typeof json.sub === 'string' && { userId: json.sub }),
      ...(typeof json.name === 'string' && { name: json.name }),
    };
  } catch {
    return {};
  }
}

function decodeBase64Url(text: string): string {
  const base64 = text
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(text.length / 4) * 4, '=');
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}
