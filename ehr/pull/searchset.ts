import { resourceTypes } from '../../model/fhir/resource-types.js';
import type { FhirObject, SearchPage } from './search-pages.js';

/** Types the reader keeps: an included one (another patient's record a reference led to) must not enter this chart. */
const KEPT: ReadonlySet<string> = new Set(resourceTypes);

const keyOf = (resource: FhirObject) => `${resource.resourceType}/${String(resource.id)}`;

/**
 * Records and what their searches included, as one searchset Bundle for
 * importBundle (which gives references the included names). A resource met
 * twice (on two pages of a search the server's data moved under, or
 * included by two records) is kept once: the last version seen. Included
 * resources serve for names only: one of a type the chart keeps is dropped.
 */
export function searchsetOf(
  matches: readonly FhirObject[],
  included: SearchPage['included'],
): object {
  const records = new Map(matches.map((resource) => [keyOf(resource), resource]));
  const extras = new Map(
    included
      .filter(({ resource }) => !KEPT.has(resource.resourceType) && !records.has(keyOf(resource)))
      .map((item) => [keyOf(item.resource), item]),
  );
  const entry = [
    ...[...records.values()].map((resource) => ({ resource, search: { mode: 'match' } })),
    ...[...extras.values()].map(({ fullUrl, resource }) => ({
      ...(fullUrl && { fullUrl }),
      resource,
      search: { mode: 'include' },
    })),
  ];
  return { resourceType: 'Bundle', type: 'searchset', entry };
}
