import { parseDocumentName, type ParsedDocumentName } from '../../model/index.js';
import { CLOSE, type CloseCode } from './close-codes.js';
import type { VerificationKey } from './keys.js';
import { verifyToken, type Principal } from './access-tokens.js';

// Who may open which document, decided before any document data flows. The
// room is the URL path (y-websocket appends the room name to the server URL),
// the token a query parameter (y-websocket's `params`): a browser cannot set
// headers on a WebSocket.

export type Admission =
  | { ok: true; principal: Principal; document: string; parsed: ParsedDocumentName }
  | { ok: false; code: CloseCode; reason: string; document?: string; userId?: string };

/** Longest token read (identity providers' tokens with many claims reach ~10 KB); anything longer is refused unread, with 4401 so that it is not retried. */
export const MAX_TOKEN_LENGTH = 16 * 1024;

export async function admit(
  requestUrl: string,
  key: VerificationKey,
  audience?: string,
): Promise<Admission> {
  const url = new URL(requestUrl, 'ws://server');
  let document: string;
  try {
    document = decodeURIComponent(url.pathname.slice(1));
  } catch {
    return { ok: false, code: CLOSE.badDocument, reason: 'the path is not a chart document name' };
  }
  const parsed = parseDocumentName(document);
  // The path of a refused document goes in the log, cut short; never the query.
  if (!parsed)
    return {
      ok: false,
      code: CLOSE.badDocument,
      reason: 'the path is not a chart document name',
      document: document.slice(0, 200),
    };

  const token = url.searchParams.get('token');
  if (!token) return { ok: false, code: CLOSE.unauthenticated, reason: 'no token', document };
  if (token.length > MAX_TOKEN_LENGTH)
    return {
      ok: false,
      code: CLOSE.unauthenticated,
      reason: `token too large (over ${MAX_TOKEN_LENGTH} characters)`,
      document,
    };
  const check = await verifyToken(token, key, audience);
  if (!check.ok) return { ok: false, code: CLOSE.unauthenticated, reason: check.reason, document };
  const { principal } = check;
  if (!principal.patients.includes(parsed.patientId)) {
    return {
      ok: false,
      code: CLOSE.forbidden,
      reason: 'token does not allow this patient',
      document,
      userId: principal.userId,
    };
  }
  return { ok: true, principal, document, parsed };
}
