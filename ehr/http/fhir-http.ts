import { EhrError } from '../errors.js';
import { createLimiter } from './limiter.js';
import { retryDelay, type BackoffOptions } from './retry-delay.js';

/** How requests are authorised: a SMART session, a bearer token, or nothing (the host's own fetch does it). */
export interface FhirAuth {
  /** The Authorization header value for the next request (refreshed ahead of expiry by a SMART session). */
  authorization(): Promise<string | undefined> | string | undefined;
  /** After a 401: fetch a new token; true when there is a new one to try (once per request). */
  refresh?(): Promise<boolean>;
}

/** Where the hospital's FHIR server is and how the kit may talk to it. */
export interface FhirConnection {
  /** The FHIR base, e.g. `https://ehr.example.org/fhir/r4`. Only this origin is ever sent a token. */
  fhirBaseUrl: string;
  auth?: FhirAuth;
  /** A fetch of the host's own (one that signs requests itself, say); the global fetch when absent. */
  fetch?: typeof fetch;
  /** Requests in flight at once (4 when absent): an EHR is shared by a whole hospital. */
  maxInFlight?: number;
  /** Attempts per request for 429, 503 and no answer (6 when absent). */
  maxAttempts?: number;
  backoff?: BackoffOptions;
  signal?: AbortSignal;
}

export interface FhirAnswer {
  body: unknown;
  /** The HTTP status (200, 201...). */
  status: number;
  /** The version tag of the resource answered (its ETag), or undefined. */
  etag?: string;
  /** Where a created resource is (its Location), or undefined. */
  location?: string;
  /** The server's clock when it answered (its Date header), or undefined. */
  serverTime?: string;
  /** The request as sent, relative to the FHIR base. */
  request: string;
}

const RETRIED = new Set([429, 503]);
const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 500, maxMs: 30_000 };

/** A write to the FHIR server: its method, path (relative to the base), body and conditional headers (If-Match, If-None-Exist). */
export interface FhirWrite {
  method: 'PUT' | 'POST';
  path: string;
  body: unknown;
  headers?: Record<string, string>;
}

/** A read: `fresh` when the browser's cache must not answer it unasked. */
interface Read {
  fresh: boolean;
}

/** Writes are retried on these too: each the kit sends is safe to repeat (If-Match, conditional creates). */
const RETRIED_WRITES = new Set([429, 500, 502, 503, 504]);

/** Requests to one FHIR server: a bounded number in flight, 429/503 retried with backoff, 401 refreshed once, every failure an EhrError that names the type. */
export class FhirHttp {
  readonly base: URL;
  readonly #connection: FhirConnection;
  readonly #limit: <T>(task: () => Promise<T>) => Promise<T>;
  #refreshing: Promise<boolean> | undefined;

  constructor(connection: FhirConnection) {
    this.base = new URL(
      connection.fhirBaseUrl.endsWith('/') ? connection.fhirBaseUrl : `${connection.fhirBaseUrl}/`,
    );
    this.#connection = connection;
    this.#limit = createLimiter(connection.maxInFlight ?? 4);
  }

  /** The fetch requests go through: the host's, or the global one. */
  get fetcher(): typeof fetch {
    return this.#connection.fetch ?? globalThis.fetch;
  }

  /**
   * GETs `path` (relative to the FHIR base, or a full URL on the same origin: a `next` link) and
   * parses its JSON. `fresh`: the server is asked even when the browser holds an answer it
   * deems fresh (see #fetch).
   */
  async get(
    path: string,
    resourceType: string,
    options: { fresh?: boolean } = {},
  ): Promise<FhirAnswer> {
    const url = new URL(path, this.base);
    const request = this.#describe(url);
    if (url.origin !== this.base.origin) {
      // A link elsewhere would carry the user's token to another host.
      throw new EhrError(
        'invalid-response',
        `${resourceType}: the server's link ${url.origin}${url.pathname} leads off the FHIR server (${this.base.origin}); not followed`,
        { url: request, resourceType },
      );
    }
    const read: Read = { fresh: options.fresh ?? false };
    return this.#limit(() => this.#exchange('GET', url, request, resourceType, RETRIED, read));
  }

  /**
   * Sends a write and parses the JSON answered. A write with no answer (the
   * network), a 429 or a 5xx is sent again with backoff: every write the kit
   * sends is conditional, so a repeat never applies it twice.
   */
  async send(write: FhirWrite, resourceType: string): Promise<FhirAnswer> {
    const url = new URL(write.path, this.base);
    const request = this.#describe(url);
    return this.#limit(() =>
      this.#exchange(write.method, url, request, resourceType, RETRIED_WRITES, write),
    );
  }

  async #exchange(
    method: string,
    url: URL,
    request: string,
    resourceType: string,
    retried: ReadonlySet<number>,
    exchange: FhirWrite | Read,
  ): Promise<FhirAnswer> {
    const attempts = this.#connection.maxAttempts ?? 6;
    let refreshed = false;
    for (let attempt = 0; ; attempt++) {
      const response = await this.#fetch(url, request, resourceType, exchange).catch(
        (error: unknown) => {
          if (error instanceof EhrError && error.kind === 'network' && attempt + 1 < attempts)
            return undefined;
          throw error;
        },
      );
      if (!response) {
        await this.#wait(retryDelay(attempt, null, this.#backoff()));
        continue;
      }
      if (response.ok)
        return {
          body: await readJson(response, method, request, resourceType),
          status: response.status,
          serverTime: serverTime(response),
          request,
          ...header(response, 'etag', 'etag'),
          ...header(response, 'location', 'location'),
        };
      if (response.status === 401 && !refreshed && this.#connection.auth?.refresh) {
        refreshed = true;
        await response.body?.cancel();
        if (await this.#refresh()) {
          attempt--; // a refresh is not a retry
          continue;
        }
      }
      if (retried.has(response.status) && attempt + 1 < attempts) {
        const retryAfter = response.headers.get('retry-after');
        await response.body?.cancel();
        await this.#wait(retryDelay(attempt, retryAfter, this.#backoff()));
        continue;
      }
      throw await refusal(response, method, request, resourceType, attempt + 1);
    }
  }

  async #fetch(
    url: URL,
    request: string,
    resourceType: string,
    exchange: FhirWrite | Read,
  ): Promise<Response> {
    const write = 'method' in exchange ? exchange : undefined;
    const signal = this.#connection.signal;
    if (signal?.aborted)
      throw new EhrError('aborted', `${resourceType}: the pull was stopped`, {
        url: request,
        resourceType,
        cause: signal.reason,
      });
    const headers: Record<string, string> = { accept: 'application/fhir+json', ...write?.headers };
    if (write) headers['content-type'] = 'application/fhir+json';
    const authorization = await this.#connection.auth?.authorization();
    if (authorization) headers.authorization = authorization;
    // A fresh read asks the server even when the browser holds an answer it deems fresh (one
    // with a Last-Modified and no Cache-Control may be given again unasked for a while): a
    // record read back to stand as the EHR's current version must be current. Only those reads:
    // with cache mode 'no-cache' Chromium also skips its CORS preflight cache, so every such
    // read costs a preflight round trip.
    const init: RequestInit = write
      ? { method: write.method, headers, body: JSON.stringify(write.body), signal }
      : { headers, signal };
    if ('fresh' in exchange && exchange.fresh) init.cache = 'no-cache';
    // Called on its own: the browser's fetch refuses to run as a method of another object.
    const fetcher = this.fetcher;
    try {
      return await fetcher(url, init);
    } catch (error) {
      if (signal?.aborted)
        throw new EhrError('aborted', `${resourceType}: the pull was stopped`, {
          url: request,
          resourceType,
          cause: signal.reason,
        });
      throw new EhrError(
        'network',
        `${resourceType}: no answer from ${this.base.origin} for ${write?.method ?? 'GET'} ${request} (${(error as Error).message})`,
        { url: request, resourceType, cause: error },
      );
    }
  }

  /** One refresh for every request that met a 401 meanwhile. */
  #refresh(): Promise<boolean> {
    this.#refreshing ??= this.#connection.auth!.refresh!().finally(
      () => (this.#refreshing = undefined),
    );
    return this.#refreshing;
  }

  #backoff(): BackoffOptions {
    return this.#connection.backoff ?? DEFAULT_BACKOFF;
  }

  #wait(ms: number): Promise<void> {
    const signal = this.#connection.signal;
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      signal?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
    });
  }

  /** The request relative to the FHIR base, as messages show it. */
  #describe(url: URL): string {
    const full = url.href;
    return full.startsWith(this.base.href) ? full.slice(this.base.href.length) : full;
  }
}

async function readJson(
  response: Response,
  method: string,
  request: string,
  resourceType: string,
): Promise<unknown> {
  const text = await response.text();
  // A write may be answered with no body (Prefer: return=minimal).
  if (method !== 'GET' && text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new EhrError(
      'invalid-response',
      `${resourceType}: ${method} ${request} answered ${response.status} with a body that is not JSON (${(error as Error).message})`,
      { status: response.status, url: request, resourceType, cause: error },
    );
  }
}

function header<K extends string>(
  response: Response,
  name: string,
  as: K,
): Partial<Record<K, string>> {
  const value = response.headers.get(name);
  return value === null ? {} : ({ [as]: value } as Record<K, string>);
}

function serverTime(response: Response): string | undefined {
  const date = response.headers.get('date');
  const at = date ? Date.parse(date) : NaN;
  return Number.isNaN(at) ? undefined : new Date(at).toISOString();
}

const KINDS: Record<number, 'unauthorized' | 'forbidden' | 'not-found'> = {
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
};

async function refusal(
  response: Response,
  method: string,
  request: string,
  resourceType: string,
  attempts: number,
): Promise<EhrError> {
  const { status } = response;
  const said = outcomeText(await response.text().catch(() => ''));
  const kind =
    KINDS[status] ?? (RETRIED.has(status) ? 'unavailable' : status >= 500 ? 'server' : 'refused');
  const what = {
    unauthorized: 'the server did not accept the authorisation (sign in again)',
    forbidden: `the user or the app may not ${method === 'GET' ? 'read' : 'write'} ${resourceType}`,
    'not-found': `${resourceType} not found`,
    unavailable: `the server is busy or unavailable (${attempts} attempts)`,
    server: 'the server failed',
    refused: 'the server refused the request',
  }[kind];
  return new EhrError(
    kind,
    `${resourceType}: ${method} ${request} answered ${status}: ${what}${said ? ` — ${said}` : ''}`,
    { status, url: request, resourceType, ...(said && { said }) },
  );
}

/** What an OperationOutcome says, in a line; or the start of a body that is not one. */
function outcomeText(text: string): string {
  try {
    const body = JSON.parse(text) as {
      resourceType?: unknown;
      issue?: Array<{ diagnostics?: unknown; details?: { text?: unknown } }>;
    };
    if (body.resourceType === 'OperationOutcome' && Array.isArray(body.issue)) {
      return body.issue
        .map((issue) => String(issue.details?.text ?? issue.diagnostics ?? ''))
        .filter(Boolean)
        .join('; ')
        .slice(0, 300);
    }
  } catch {
    // not JSON: shown as it is, shortened
  }
  return text.trim().slice(0, 200);
}
