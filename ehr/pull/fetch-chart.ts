import type { ResourceType } from '../../model/index.js';
import { serverCapabilities } from '../capabilities.js';
import { FhirHttp, type FhirConnection } from '../http/fhir-http.js';
import { checkCompartment, searchUrl } from './fetch-type.js';
import { TYPE_SEARCHES } from './pull-plan.js';
import { readPatient } from './read-patient.js';
import { fetchReferencedNames } from './referenced-names.js';
import { searchPages } from './search-pages.js';
import { searchsetOf } from './searchset.js';

export interface FetchChartOptions extends FhirConnection {
  patientId: string;
  pageSize?: number;
  types?: readonly ResourceType[];
  /** Told of each page: the type and how many records it brought. */
  onPage?: (resourceType: string, count: number) => void;
}

/**
 * A patient's whole chart from the FHIR server as one searchset Bundle, the
 * way pullChart asks for it, without a store: for `emr-kit pull`, which
 * checks an EHR's data against the kit before anything is embedded.
 */
export async function fetchChart(
  options: FetchChartOptions,
): Promise<{ bundle: object; notOffered: string[] }> {
  const http = new FhirHttp(options);
  const capabilities = await serverCapabilities(http);
  const wanted = TYPE_SEARCHES.filter(
    ({ resourceType }) => !options.types || options.types.includes(resourceType),
  );
  const offered = wanted.filter(({ resourceType }) => capabilities.searchable.has(resourceType));
  const context = { patientId: options.patientId, pageSize: options.pageSize ?? 500 };
  const fetched = await Promise.all(
    offered.map(async (search) => {
      const matches = [];
      const included = [];
      for await (const page of searchPages(
        http,
        searchUrl(search, {
          ...context,
          includes: capabilities.includes.get(search.resourceType) ?? new Set(),
        }),
        search.resourceType,
      )) {
        checkCompartment(page.matches, options.patientId, search.resourceType);
        matches.push(...page.matches);
        included.push(...page.included);
        options.onPage?.(search.resourceType, page.matches.length);
      }
      return { matches, included };
    }),
  );
  const records = [
    await readPatient(http, options.patientId),
    ...fetched.flatMap((type) => type.matches),
  ];
  const included = fetched.flatMap((type) => type.included);
  const names = await fetchReferencedNames(http, records, included);
  return {
    bundle: searchsetOf(records, [...included, ...names]),
    notOffered: wanted
      .filter((search) => !offered.includes(search))
      .map((search) => search.resourceType),
  };
}
