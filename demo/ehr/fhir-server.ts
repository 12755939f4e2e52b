import './websocket-shim.js';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getStatus, normalizeOperationOutcome, type WithId } from '@medplum/core';
import {
  FhirRouter,
  type FhirRepository,
  type FhirRequest,
  type HttpMethod,
} from '@medplum/fhir-router';
import type { Bundle, OperationOutcome, Resource } from '@medplum/fhirtypes';
import { AuthorizedRepository, type AccessContext } from './authorized-repository.js';
import { capabilityStatement } from './capability-statement.js';
import { EhrRepository } from './ehr-repository.js';
import { Faults, type LoggedRequest } from './faults.js';
import { patientEverything } from './patient-everything.js';
import { normalizeSearchQuery } from './search-query.js';

// The demo EHR: Medplum's FHIR router and in-memory repository behind a Node
// HTTP server on 127.0.0.1, speaking FHIR R4 JSON at `[base]` = /fhir.
// This file is the HTTP side: CORS, access tokens, statuses and headers,
// absolute paging links, the CapabilityStatement and SMART configuration.

export interface FhirServerOptions {
  /** Default 0: any free port. */
  port?: number;
  host?: string;
  /** Default a new, empty EhrRepository. */
  repository?: EhrRepository;
  /**
   * When set, every request but `metadata` and `.well-known/smart-configuration`
   * needs a bearer token this accepts (401 otherwise); what it returns decides
   * what the request may do (SMART scopes, patient in context).
   */
  authorize?: (
    bearerToken: string | undefined,
    request: IncomingMessage,
  ) => Promise<AccessContext | undefined>;
  /** Served at `[base]/.well-known/smart-configuration`; 404 there when absent. A function is given the server's FHIR base once it listens (the authorization server names it as the tokens' audience). */
  smartConfiguration?: Record<string, unknown> | ((fhirBaseUrl: string) => Record<string, unknown>);
  /** Page size of a search without `_count` (default 20). */
  defaultCount?: number;
  /** Largest page a search returns; a larger `_count` is lowered to it (default 1000). */
  maxCount?: number;
  faults?: Faults;
  /** Told of every request once it is answered (`npm start` prints the writes). */
  onAnswer?: (request: LoggedRequest) => void;
}

export interface FhirServer {
  /** The FHIR base, e.g. http://127.0.0.1:PORT/fhir */
  url: string;
  port: number;
  repository: EhrRepository;
  router: FhirRouter;
  faults: Faults;
  /** Every request received, in order, with the status it got (0: cut off). */
  requests: LoggedRequest[];
  close(): Promise<void>;
}

const BASE_PATH = '/fhir';
const FHIR_JSON = 'application/fhir+json; charset=utf-8';
const CORS_HEADERS = {
  'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
  'Access-Control-Allow-Headers':
    'Authorization, Content-Type, Accept, If-Match, If-None-Exist, If-None-Match, Prefer',
  'Access-Control-Expose-Headers':
    'ETag, Location, Last-Modified, Retry-After, Content-Location, WWW-Authenticate',
  'Access-Control-Max-Age': '600',
};
const MAX_BODY_BYTES = 64 * 1024 * 1024;

export async function startFhirServer(options: FhirServerOptions = {}): Promise<FhirServer> {
  const host = options.host ?? '127.0.0.1';
  const repository = options.repository ?? new EhrRepository();
  const faults = options.faults ?? new Faults();
  const requests: LoggedRequest[] = [];
  const router = new FhirRouter();
  router.add('GET', 'Patient/:id/$everything', patientEverything);
  router.add('POST', 'Patient/:id/$everything', patientEverything);
  const startedAt = new Date().toISOString();
  const defaultCount = options.defaultCount ?? 20;
  const maxCount = options.maxCount ?? 1000;

  let server: Server = createServer((req, res) => void handle(req, res));
  let port = await listen(server, options.port ?? 0, host);
  const url = `http://${host}:${port}${BASE_PATH}`;
  const smart =
    typeof options.smartConfiguration === 'function'
      ? options.smartConfiguration(url)
      : options.smartConfiguration;
  const capability = capabilityStatement({
    url,
    router,
    startedAt,
    ...(options.authorize
      ? {
          smart: {
            authorize: str(smart?.authorization_endpoint),
            token: str(smart?.token_endpoint),
          },
        }
      : {}),
  });

  faults.bind({
    die: () => {
      server.close();
      server.closeAllConnections();
    },
    revive: async () => {
      server = createServer((req, res) => void handle(req, res));
      port = await listen(server, port, host);
    },
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const logged: LoggedRequest = { method, path: req.url ?? '/', status: 0 };
    requests.push(logged);
    const decision = faults.decide(method, logged.path);
    if (decision.kind === 'die') {
      faults.die();
      req.socket.destroy();
      return;
    }
    if (faults.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, faults.delayMs));
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      logged.status = status;
      options.onAnswer?.(logged);
      const text = body === undefined ? '' : JSON.stringify(body);
      res.writeHead(status, {
        'Access-Control-Allow-Origin': '*',
        ...CORS_HEADERS,
        ...(text ? { 'Content-Type': FHIR_JSON } : {}),
        ...headers,
      });
      res.end(text);
    };
    try {
      if (decision.kind === 'refuse') {
        const headers: Record<string, string> =
          decision.retryAfter === undefined ? {} : { 'Retry-After': String(decision.retryAfter) };
        send(
          decision.status,
          outcome(
            decision.status === 429
              ? 'throttled'
              : decision.status >= 500
                ? 'transient'
                : 'processing',
            decision.message ?? `Injected fault: ${decision.status}`,
          ),
          headers,
        );
        return;
      }
      if (method === 'OPTIONS') {
        send(204, undefined);
        return;
      }
      const target = new URL(req.url ?? '/', 'http://localhost');
      if (target.pathname !== BASE_PATH && !target.pathname.startsWith(`${BASE_PATH}/`)) {
        send(404, outcome('not-found', `No FHIR endpoint at ${target.pathname}`));
        return;
      }
      const path = target.pathname.slice(BASE_PATH.length + 1);
      if (method === 'GET' && path === 'metadata') {
        send(200, capability);
        return;
      }
      if (method === 'GET' && path === '.well-known/smart-configuration') {
        if (smart) send(200, smart, { 'Content-Type': 'application/json' });
        else send(404, outcome('not-found', 'This server has no SMART configuration'));
        return;
      }

      let repo: FhirRepository = repository;
      if (options.authorize) {
        const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
        const access = await options.authorize(token, req);
        if (!access) {
          const challenge = token
            ? 'Bearer realm="fhir", error="invalid_token"'
            : 'Bearer realm="fhir"';
          send(
            401,
            outcome('login', token ? 'Access token refused' : 'An access token is required'),
            { 'WWW-Authenticate': challenge },
          );
          return;
        }
        repo = new AuthorizedRepository(repository, access);
      }

      const body = await readBody(req);
      const route = router.find(method as HttpMethod, path);
      let query = target.searchParams;
      const interaction = route?.data?.interaction;
      if (interaction === 'search-type' && method === 'GET') {
        const normalized = normalizeSearchQuery(route?.params.resourceType ?? '', query, {
          defaultCount,
          maxCount,
          lenient: /handling=lenient/.test(String(req.headers.prefer ?? '')),
        });
        if (!normalized.ok) {
          send(400, outcome('not-supported', normalized.error));
          return;
        }
        query = normalized.query;
      } else if (query.has('_count') && Number(query.get('_count')) > maxCount) {
        query.set('_count', String(maxCount));
      }
      const search = query.toString();
      const fhirRequest: FhirRequest = {
        method: method as HttpMethod,
        url: search ? `${path}?${search}` : path,
        pathname: '',
        params: {},
        query: {},
        body: body.value,
        headers: { ...req.headers, ...ifMatch(req.headers['if-match']) },
        config: { transactions: true },
      };
      if (body.error) {
        send(400, outcome('structure', body.error));
        return;
      }
      // A searchset says when its search ran (Bundle.meta.lastUpdated): a client asks for changes since.
      const searchedAt = new Date().toISOString();
      const [result, resource] = await router.handleRequest(fhirRequest, repo);
      const status = getStatus(result);
      const base = `http://${req.headers.host ?? `${host}:${port}`}${BASE_PATH}`;
      if (!resource) {
        send(status, result);
        return;
      }
      if (resource.resourceType === 'Bundle') {
        send(status, withLinks(resource, base, path, query, searchedAt));
        return;
      }
      const headers = resourceHeaders(resource as WithId<Resource>, base, status === 201);
      const prefer = String(req.headers.prefer ?? '');
      if (/return=minimal/.test(prefer)) send(status, undefined, headers);
      else if (/return=OperationOutcome/.test(prefer)) send(status, result, headers);
      else send(status, resource, headers);
    } catch (err) {
      const failure = normalizeOperationOutcome(err);
      send(getStatus(failure), failure);
    }
  }

  return {
    url,
    get port() {
      return port;
    },
    repository,
    router,
    faults,
    requests,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The engine honours If-Match only as a quoted tag (`W/"3"`); a bare version is made one rather than ignored. */
function ifMatch(header: string | undefined): Record<string, string> {
  if (!header) return {};
  return { 'if-match': header.includes('"') ? header : `W/"${header.trim()}"` };
}

async function readBody(req: IncomingMessage): Promise<{ value?: unknown; error?: string }> {
  if (req.method === 'GET' || req.method === 'DELETE' || req.method === 'OPTIONS') return {};
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return { error: 'Request body too large' };
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return {};
  const type = String(req.headers['content-type'] ?? '');
  if (type.startsWith('application/x-www-form-urlencoded')) {
    return { value: Object.fromEntries(new URLSearchParams(text)) };
  }
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (err) {
    return { error: `Body is not JSON: ${(err as Error).message}` };
  }
}

function resourceHeaders(
  resource: WithId<Resource>,
  base: string,
  created: boolean,
): Record<string, string> {
  const headers: Record<string, string> = {};
  const version = resource.meta?.versionId;
  if (version) headers.ETag = `W/"${version}"`;
  if (resource.meta?.lastUpdated)
    headers['Last-Modified'] = new Date(resource.meta.lastUpdated).toUTCString();
  if (created) {
    headers.Location = `${base}/${resource.resourceType}/${resource.id}${version ? `/_history/${version}` : ''}`;
    headers['Content-Location'] = headers.Location;
  }
  return headers;
}

/** Absolute self/first/previous/next links for a searchset, a fullUrl on every entry, and when the search ran. */
function withLinks(
  bundle: Bundle,
  base: string,
  path: string,
  query: URLSearchParams,
  searchedAt: string,
): Bundle {
  if (bundle.type !== 'searchset') return bundle;
  const link = (offset: number, count: number) => {
    const q = new URLSearchParams(query);
    q.set('_offset', String(offset));
    q.set('_count', String(count));
    return `${base}/${path}?${q.toString()}`;
  };
  const self = `${base}/${path}${query.size ? `?${query.toString()}` : ''}`;
  const links: NonNullable<Bundle['link']> = [{ relation: 'self', url: self }];
  const count = query.has('_count') ? Number(query.get('_count')) : undefined;
  const offset = Number(query.get('_offset') ?? 0);
  const total = bundle.total ?? 0;
  if (count !== undefined && count > 0) {
    links.push({ relation: 'first', url: link(0, count) });
    if (offset > 0)
      links.push({ relation: 'previous', url: link(Math.max(0, offset - count), count) });
    if (offset + count < total) links.push({ relation: 'next', url: link(offset + count, count) });
  }
  const entry = bundle.entry?.map((e) =>
    e.resource?.id ? { fullUrl: `${base}/${e.resource.resourceType}/${e.resource.id}`, ...e } : e,
  );
  return {
    ...bundle,
    meta: { ...bundle.meta, lastUpdated: searchedAt },
    link: links,
    ...(entry ? { entry } : {}),
  };
}

function outcome(
  code:
    | 'not-found'
    | 'throttled'
    | 'transient'
    | 'processing'
    | 'structure'
    | 'login'
    | 'not-supported',
  text: string,
): OperationOutcome {
  return {
    resourceType: 'OperationOutcome',
    issue: [{ severity: 'error', code, details: { text } }],
  };
}
