import { EhrError } from './errors.js';
import type { FhirHttp } from './http/fhir-http.js';

// What the hospital's FHIR server says it can do (its CapabilityStatement,
// `[base]/metadata`): read once per server and page, then the pull asks only
// what was offered.

export interface ServerCapabilities {
  fhirVersion: string;
  /** Types a client may search, each with the search parameters the server lists for it. */
  searchable: ReadonlyMap<string, ReadonlySet<string>>;
  /** The `_include`s the server lists per type (searchInclude), e.g. `MedicationRequest:medication`. */
  includes: ReadonlyMap<string, ReadonlySet<string>>;
  /** `Patient/$everything` is offered. */
  everything: boolean;
}

/** By the fetch that read them (a host's own fetch may see another server behind the same URL), then by FHIR base. */
const read = new WeakMap<typeof fetch, Map<string, Promise<ServerCapabilities>>>();

/** The server's capabilities, read once per FHIR base and fetch (a failed read is asked again next time). */
export function serverCapabilities(http: FhirHttp): Promise<ServerCapabilities> {
  const key = http.base.href;
  if (!read.has(http.fetcher)) read.set(http.fetcher, new Map());
  const byBase = read.get(http.fetcher)!;
  let known = byBase.get(key);
  if (!known) {
    known = readCapabilities(http);
    byBase.set(key, known);
    known.catch(() => byBase.delete(key));
  }
  return known;
}

interface Statement {
  resourceType?: unknown;
  fhirVersion?: unknown;
  rest?: Array<{
    mode?: unknown;
    resource?: Array<{
      type?: unknown;
      interaction?: Array<{ code?: unknown }>;
      searchParam?: Array<{ name?: unknown }>;
      searchInclude?: unknown[];
      operation?: Array<{ name?: unknown; definition?: unknown }>;
    }>;
    operation?: Array<{ name?: unknown; definition?: unknown }>;
  }>;
}

async function readCapabilities(http: FhirHttp): Promise<ServerCapabilities> {
  const { body, request } = await http.get('metadata', 'CapabilityStatement');
  const statement = body as Statement;
  if (
    typeof body !== 'object' ||
    body === null ||
    statement.resourceType !== 'CapabilityStatement'
  ) {
    throw new EhrError(
      'invalid-response',
      `GET ${request} did not answer a CapabilityStatement: is ${http.base.href} a FHIR base?`,
      { url: request, resourceType: 'CapabilityStatement' },
    );
  }
  const fhirVersion = typeof statement.fhirVersion === 'string' ? statement.fhirVersion : '';
  if (!fhirVersion.startsWith('4.0')) {
    throw new EhrError(
      'invalid-response',
      `the server at ${http.base.href} speaks FHIR ${fhirVersion || '(no version given)'}; the kit reads FHIR R4 (4.0.x)`,
      { url: request, resourceType: 'CapabilityStatement' },
    );
  }
  const server =
    (statement.rest ?? []).find((rest) => rest.mode === 'server') ?? statement.rest?.[0];
  const searchable = new Map<string, Set<string>>();
  const includes = new Map<string, Set<string>>();
  let everything = isEverything(server?.operation);
  for (const resource of server?.resource ?? []) {
    if (typeof resource.type !== 'string') continue;
    if ((resource.interaction ?? []).some((interaction) => interaction.code === 'search-type')) {
      searchable.set(
        resource.type,
        new Set(
          (resource.searchParam ?? []).flatMap((param) =>
            typeof param.name === 'string' ? [param.name] : [],
          ),
        ),
      );
    }
    includes.set(
      resource.type,
      new Set(
        (resource.searchInclude ?? []).filter((name): name is string => typeof name === 'string'),
      ),
    );
    if (resource.type === 'Patient' && isEverything(resource.operation)) everything = true;
  }
  return { fhirVersion, searchable, includes, everything };
}

function isEverything(
  operations: Array<{ name?: unknown; definition?: unknown }> | undefined,
): boolean {
  return (operations ?? []).some(
    ({ name, definition }) =>
      name === 'everything' ||
      name === '$everything' ||
      (typeof definition === 'string' && definition.endsWith('/Patient-everything')),
  );
}
