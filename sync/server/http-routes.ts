import type { IncomingMessage, ServerResponse } from 'node:http';
import type { VerificationKey } from './keys.js';
import type { LogEntry } from './log.js';
import type { RefusalLimit } from './refusal-limit.js';
import type { SyncStore } from './sync-store.js';
import { verifyToken, type SyncRole } from './access-tokens.js';

// The plain HTTP side of the server: health for the load balancer, the
// names of a patient's documents (so that a device learns of those another
// device made: a day of observations, a note), and the audit log of one
// patient, each for those whose token allows that patient. Browsers call
// these from the host's page, another origin: answers allow any origin,
// since a token, not a cookie, is what grants access.

export interface HttpContext {
  key: VerificationKey;
  audience?: string;
  store: SyncStore;
  log: (entry: LogEntry) => void;
  health(): Promise<Record<string, unknown>>;
  /** Refusals count against the remote address as refused upgrades do (refusal-limit.ts). */
  refusals: RefusalLimit;
}

const AUDIT_READERS: readonly SyncRole[] = ['auditor', 'clinician'];

export async function handleHttp(
  request: IncomingMessage,
  response: ServerResponse,
  context: HttpContext,
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://server');
  if (request.method !== 'GET') return reply(response, 405, { error: 'only GET' });
  if (url.pathname === '/health') return reply(response, 200, await context.health());
  const remote = request.socket.remoteAddress ?? 'unknown';
  const retryAfter = context.refusals.retryAfter(remote);
  if (retryAfter > 0) {
    response.setHeader('retry-after', String(retryAfter));
    return reply(response, 429, {
      error: 'too many refused requests from this address; try again later',
    });
  }
  if (url.pathname === '/audit') return audit(request, response, url, context);
  if (url.pathname === '/documents') return documents(request, response, url, context);
  return reply(response, 404, {
    error:
      'not found: the server answers GET /health, GET /documents?patient=ID, GET /audit?patient=ID, and WebSocket connections to emr/<patientId>/… documents',
  });
}

/**
 * The patient's document names. The token may come in the query, as for the
 * websocket, so that a browser sends a simple request (no CORS preflight).
 */
async function documents(
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  context: HttpContext,
): Promise<void> {
  const patientId = url.searchParams.get('patient');
  const refuse = (status: number, reason: string, user?: string) => {
    context.refusals.record(request.socket.remoteAddress ?? 'unknown');
    context.log({
      event: 'documents-refused',
      reason,
      remote: request.socket.remoteAddress,
      user,
      patient: patientId ?? undefined,
    });
    reply(response, status, { error: reason });
  };
  const token =
    /^Bearer (\S+)$/i.exec(request.headers.authorization ?? '')?.[1] ??
    url.searchParams.get('token');
  if (!token) return refuse(401, 'no token: send Authorization: Bearer <token> or ?token=');
  const check = await verifyToken(token, context.key, context.audience);
  if (!check.ok) return refuse(401, check.reason);
  const { principal } = check;
  if (!patientId) return refuse(400, 'the patient query parameter is required', principal.userId);
  if (!principal.patients.includes(patientId))
    return refuse(403, 'token does not allow this patient', principal.userId);
  // `changeNotices`: the core document's socket tells of changes to the others, on request (sync/change-notice.ts).
  reply(response, 200, {
    patient: patientId,
    documents: await context.store.listDocuments(patientId),
    changeNotices: true,
  });
}

async function audit(
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  context: HttpContext,
): Promise<void> {
  const patientId = url.searchParams.get('patient');
  const refuse = (status: number, reason: string, user?: string) => {
    context.refusals.record(request.socket.remoteAddress ?? 'unknown');
    context.log({
      event: 'audit-refused',
      reason,
      remote: request.socket.remoteAddress,
      user,
      patient: patientId ?? undefined,
    });
    reply(response, status, { error: reason });
  };
  const header = request.headers.authorization ?? '';
  const token = /^Bearer (\S+)$/i.exec(header)?.[1];
  if (!token) return refuse(401, 'no token: send Authorization: Bearer <token>');
  const check = await verifyToken(token, context.key, context.audience);
  if (!check.ok) return refuse(401, check.reason);
  const { principal } = check;
  if (!patientId) return refuse(400, 'the patient query parameter is required', principal.userId);
  if (!AUDIT_READERS.includes(principal.role))
    return refuse(403, `role ${principal.role} may not read the audit log`, principal.userId);
  if (!principal.patients.includes(patientId))
    return refuse(403, 'token does not allow this patient', principal.userId);
  const records = await context.store.readAudit(patientId);
  reply(response, 200, { patient: patientId, records });
}

function reply(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    'content-type': 'application/json',
    'cache-control': 'no-store',
    'access-control-allow-origin': '*',
  });
  response.end(JSON.stringify(body));
}
