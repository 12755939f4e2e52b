import { patientOf, type FhirResource } from '../../model/index.js';
import type { FhirHttp } from '../http/fhir-http.js';
import type { FetchedType } from './fetch-type.js';
import type { TypeMark } from './pull-marks.js';
import { searchTime } from './pull-since.js';
import { searchPages, type FhirObject, type SearchPage } from './search-pages.js';

/**
 * What changed in a chart pulled before, in one paged request where the
 * server offers `Patient/$everything`: `_since` the earliest of the types'
 * marks (a record seen again costs nothing). Each type keeps its place in a
 * history still being pulled; every mark moves on to when this search ran.
 */
export async function fetchChanges(
  http: FhirHttp,
  patientId: string,
  pageSize: number,
  marks: ReadonlyMap<string, TypeMark>,
  received: (resourceType: string, count: number) => void,
): Promise<FetchedType[]> {
  const since = [...marks.values()].map((mark) => mark.since!).sort()[0]!;
  const params = new URLSearchParams({ _since: since, _count: String(pageSize) });
  const byType = new Map<string, FhirObject[]>([...marks.keys()].map((type) => [type, []]));
  const included: SearchPage['included'] = [];
  let ranAt: string | undefined;
  let first = true;
  for await (const page of searchPages(
    http,
    `Patient/${encodeURIComponent(patientId)}/$everything?${params}`,
    'Patient/$everything',
  )) {
    if (first) ranAt = searchTime(page);
    first = false;
    // Everything the patient's records point to comes too: what the chart keeps is its own records of the types pulled.
    const counted = new Map<string, number>();
    for (const resource of [...page.matches, ...page.included.map((item) => item.resource)]) {
      const records = byType.get(resource.resourceType);
      if (records && patientOf(resource as unknown as FhirResource) === patientId) {
        records.push(resource);
        counted.set(resource.resourceType, (counted.get(resource.resourceType) ?? 0) + 1);
      } else if (resource.resourceType !== 'Patient') included.push({ resource });
    }
    for (const [type, count] of counted) received(type, count);
  }
  return [...byType].map(([resourceType, matches], i) => ({
    resourceType,
    matches,
    // Names once, with the first type: the import takes them from one bundle.
    included: i === 0 ? included : [],
    mark: { ...marks.get(resourceType)!, since: ranAt ?? marks.get(resourceType)!.since },
  }));
}
