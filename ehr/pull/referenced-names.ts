import { NAMED_TYPES } from '../../model/bundle/entry-names.js';
import { EhrError } from '../errors.js';
import type { FhirHttp } from '../http/fhir-http.js';
import { searchPages, type FhirObject, type SearchPage } from './search-pages.js';

// Who and what a chart's records point to without saying a name: the
// practitioner of an encounter, the organisation that provided it, the
// medication a request names. The kit keeps none of those resources, but the
// reader gives each reference the name it finds beside it in the bundle
// (model/bundle/entry-names.ts, whose list of such types this uses), as it
// does for a bundle a host imports. So a pull fetches them: by id, many per
// request.

const IDS_PER_REQUEST = 50;
/** A name is a courtesy: a server that will not give one leaves the reference as it is. */
const NOT_GIVEN = new Set(['forbidden', 'not-found', 'refused']);

/** `Type/id` of each reference without display, in the records, to a named type, not among `known`. */
export function unnamedReferences(
  records: readonly FhirObject[],
  known: ReadonlySet<string>,
  fhirBase: string,
): Map<string, Set<string>> {
  const wanted = new Map<string, Set<string>>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (typeof value !== 'object' || value === null) return;
    const { reference, display } = value as { reference?: unknown; display?: unknown };
    if (typeof reference === 'string' && display === undefined) {
      const relative = reference.startsWith(fhirBase)
        ? reference.slice(fhirBase.length)
        : reference;
      const match = /^([A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})$/.exec(relative);
      if (match && NAMED_TYPES.has(match[1]!) && !known.has(relative)) {
        const ids = wanted.get(match[1]!) ?? new Set();
        wanted.set(match[1]!, ids.add(match[2]!));
      }
    }
    for (const child of Object.values(value)) visit(child);
  };
  records.forEach(visit);
  return wanted;
}

/** The resources those references name, as included entries. */
export async function fetchReferencedNames(
  http: FhirHttp,
  records: readonly FhirObject[],
  included: SearchPage['included'],
): Promise<SearchPage['included']> {
  const known = new Set(
    included.map(({ resource }) => `${resource.resourceType}/${String(resource.id)}`),
  );
  const wanted = unnamedReferences(records, known, http.base.href);
  const found: SearchPage['included'] = [];
  await Promise.all(
    [...wanted].flatMap(([type, ids]) => {
      const list = [...ids];
      return Array.from({ length: Math.ceil(list.length / IDS_PER_REQUEST) }, async (_, i) => {
        const params = new URLSearchParams({
          _id: list.slice(i * IDS_PER_REQUEST, (i + 1) * IDS_PER_REQUEST).join(','),
          _count: String(IDS_PER_REQUEST),
        });
        try {
          for await (const page of searchPages(http, `${type}?${params}`, type))
            found.push(...page.matches.map((resource) => ({ resource })));
        } catch (error) {
          if (!(error instanceof EhrError && NOT_GIVEN.has(error.kind))) throw error;
        }
      });
    }),
  );
  return found;
}
