import { EhrError } from '../errors.js';
import type { FhirHttp } from '../http/fhir-http.js';

export type FhirObject = Record<string, unknown> & { resourceType: string };

export interface SearchPage {
  /** The resources the search matched. */
  matches: FhirObject[];
  /** Entries `_include` brought (a medication, a prescriber), with their fullUrl. */
  included: Array<{ fullUrl?: string; resource: FhirObject }>;
  /** The server's `next` link, or undefined on the last page. */
  next?: string;
  /** What the server counted for the whole search, when it said. */
  total?: number;
  serverTime?: string;
  /** When the server ran the search (the searchset's meta.lastUpdated), when it says. */
  searchedAt?: string;
}

interface Entry {
  fullUrl?: unknown;
  resource?: unknown;
  search?: { mode?: unknown };
}

/** The pages of one search, following `next` links to the end. */
export async function* searchPages(
  http: FhirHttp,
  first: string,
  resourceType: string,
): AsyncGenerator<SearchPage> {
  let url: string | undefined = first;
  const seen = new Set<string>();
  while (url) {
    if (seen.has(url))
      throw new EhrError(
        'invalid-response',
        `${resourceType}: the server's next link repeats a page already read (${url}); the search never ends`,
        { url, resourceType },
      );
    seen.add(url);
    const { body, serverTime, request } = await http.get(url, resourceType);
    const page = readPage(body, request, resourceType);
    yield { ...page, serverTime };
    url = page.next;
  }
}

function readPage(
  body: unknown,
  request: string,
  resourceType: string,
): Omit<SearchPage, 'serverTime'> {
  const bundle = body as {
    resourceType?: unknown;
    type?: unknown;
    entry?: unknown;
    link?: unknown;
    total?: unknown;
    meta?: { lastUpdated?: unknown };
  };
  if (
    typeof body !== 'object' ||
    body === null ||
    bundle.resourceType !== 'Bundle' ||
    bundle.type !== 'searchset'
  ) {
    throw new EhrError(
      'invalid-response',
      `${resourceType}: GET ${request} answered ${describe(body)}, not a searchset Bundle`,
      { url: request, resourceType },
    );
  }
  if (bundle.entry !== undefined && !Array.isArray(bundle.entry)) {
    throw new EhrError(
      'invalid-response',
      `${resourceType}: GET ${request}: Bundle.entry is not a list`,
      { url: request, resourceType },
    );
  }
  const matches: FhirObject[] = [];
  const included: SearchPage['included'] = [];
  ((bundle.entry ?? []) as Entry[]).forEach((entry, index) => {
    const resource = entry?.resource as FhirObject | undefined;
    if (
      typeof resource !== 'object' ||
      resource === null ||
      typeof resource.resourceType !== 'string'
    ) {
      throw new EhrError(
        'invalid-response',
        `${resourceType}: GET ${request}: entry ${index} has no resource`,
        { url: request, resourceType },
      );
    }
    const mode = entry.search?.mode;
    // An OperationOutcome in a searchset is the server's warning, not a record.
    if (mode === 'outcome' || resource.resourceType === 'OperationOutcome') return;
    if (mode === 'include' || resource.resourceType !== resourceType)
      included.push({
        fullUrl: typeof entry.fullUrl === 'string' ? entry.fullUrl : undefined,
        resource,
      });
    else matches.push(resource);
  });
  const links = Array.isArray(bundle.link)
    ? (bundle.link as Array<{ relation?: unknown; url?: unknown }>)
    : [];
  const next = links.find((link) => link.relation === 'next' && typeof link.url === 'string')
    ?.url as string | undefined;
  const searchedAt =
    typeof bundle.meta?.lastUpdated === 'string' ? bundle.meta.lastUpdated : undefined;
  return {
    matches,
    included,
    next,
    total: typeof bundle.total === 'number' ? bundle.total : undefined,
    searchedAt,
  };
}

function describe(body: unknown): string {
  if (typeof body !== 'object' || body === null)
    return `a JSON ${body === null ? 'null' : typeof body}`;
  const { resourceType, type } = body as { resourceType?: unknown; type?: unknown };
  return typeof resourceType === 'string'
    ? `a ${resourceType}${typeof type === 'string' ? ` of type ${type}` : ''}`
    : 'an object without a resourceType';
}
