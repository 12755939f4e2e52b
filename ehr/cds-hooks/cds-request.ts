import { cdsHooksMessages as messages } from './cds-hooks.messages.js';
import { CdsServiceError } from './cds-service-error.js';
import { clientJwt, type CdsClientIdentity } from './client-jwt.js';

// One request to a CDS service: signed, JSON in and out, every failure a
// CdsServiceError that says who did not answer and why.

export interface CdsTransport {
  identity: CdsClientIdentity;
  /** The host's fetch, or the global one. */
  fetch?: typeof fetch;
}

export interface CdsRequest {
  url: string;
  /** Who is called, as a note names it. */
  who: string;
  /** Sent as JSON with POST; a GET without it. */
  body?: unknown;
  signal?: AbortSignal;
  /** The answer has no body to read (feedback). */
  noAnswer?: boolean;
}

export async function cdsRequest(transport: CdsTransport, request: CdsRequest): Promise<unknown> {
  const { url, who, body, signal } = request;
  const token = await clientJwt(transport.identity, url);
  let response: Response;
  try {
    response = await (transport.fetch ?? globalThis.fetch)(url, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        Accept: 'application/json',
        Authorization: `Bearer ${token}`,
        ...(body !== undefined && { 'Content-Type': 'application/json' }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
      signal,
      // A CDS answer is about this moment: never one from the browser's cache.
      cache: 'no-store',
    });
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    throw new CdsServiceError('network', messages.network(who), { url, cause: error });
  }
  if (response.status === 401 || response.status === 403)
    throw new CdsServiceError('unauthorized', messages.unauthorized(who, response.status), {
      url,
      status: response.status,
    });
  if (!response.ok)
    throw new CdsServiceError('http', messages.http(who, response.status), {
      url,
      status: response.status,
    });
  if (request.noAnswer) return undefined;
  const text = await response.text().catch((error) => {
    if (signal?.aborted) throw signal.reason;
    throw new CdsServiceError('network', messages.network(who), { url, cause: error });
  });
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new CdsServiceError('invalid-response', messages.invalid(who, messages.notJson), {
      url,
      status: response.status,
      cause: error,
    });
  }
}
