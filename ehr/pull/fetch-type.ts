import { patientOf, type FhirResource } from '../../model/index.js';
import { EhrError } from '../errors.js';
import type { FhirHttp } from '../http/fhir-http.js';
import { clinicalTime } from './clinical-time.js';
import { RECENT_SPAN_MS, type TypeSearch } from './pull-plan.js';
import type { TypeMark } from './pull-marks.js';
import { searchTime } from './pull-since.js';
import { searchPages, type FhirObject, type SearchPage } from './search-pages.js';

export interface FetchedType {
  resourceType: string;
  matches: FhirObject[];
  included: SearchPage['included'];
  /** The mark to save with these records. */
  mark: TypeMark;
}

export interface FetchContext {
  http: FhirHttp;
  patientId: string;
  pageSize: number;
  includes: ReadonlySet<string>;
  /** Told of each page's matches, and of the server's count when a search gives one. */
  received(count: number, total?: number): void;
}

/** The URL of a patient search for one type, with its includes and options. */
export function searchUrl(
  search: TypeSearch,
  { patientId, pageSize, includes }: Pick<FetchContext, 'patientId' | 'pageSize' | 'includes'>,
  extra: Record<string, string> = {},
): string {
  const params = new URLSearchParams({ patient: patientId, _count: String(pageSize) });
  if (search.newestFirst) params.set('_sort', '-date');
  for (const include of search.includes ?? [])
    if (includes.has(include)) params.append('_include', include);
  for (const [name, value] of Object.entries(extra)) params.set(name, value);
  return `${search.resourceType}?${params}`;
}

/**
 * What the chart itself needs of one type: everything, or (newest first) its
 * most recent day with a mark saying where the rest continues; for a type
 * pulled before, only what changed since.
 */
export async function fetchType(
  search: TypeSearch,
  mark: TypeMark | undefined,
  context: FetchContext,
): Promise<FetchedType> {
  const { resourceType } = search;
  const refreshing = mark?.since !== undefined;
  const first = refreshing
    ? searchUrl(search, context, { _lastUpdated: `ge${mark.since}` })
    : searchUrl(search, context);
  const matches: FhirObject[] = [];
  const included: SearchPage['included'] = [];
  let since: string | undefined;
  let firstPage = true;
  let next: string | undefined;
  let newest: number | undefined;
  for await (const page of searchPages(context.http, first, resourceType)) {
    if (firstPage) since = searchTime(page);
    firstPage = false;
    checkCompartment(page.matches, context.patientId, resourceType);
    matches.push(...page.matches);
    included.push(...page.included);
    context.received(page.matches.length, page.total);
    // A history pulled newest first: stop once its most recent day is in hand.
    if (search.newestFirst && !refreshing && page.next) {
      newest ??= timeOf(page.matches[0]);
      const oldest = timeOf(page.matches.at(-1));
      if (newest !== undefined && oldest !== undefined && oldest <= newest - RECENT_SPAN_MS) {
        next = page.next;
        break;
      }
    }
  }
  if (next)
    return {
      resourceType,
      matches,
      included,
      mark: { complete: false, since, next, savedBackTo: clinicalTime(matches.at(-1)!) },
    };
  // A history half pulled keeps its place: this pass only caught up with what changed.
  if (refreshing && !mark.complete) return { resourceType, matches, included, mark: { ...mark } };
  return {
    resourceType,
    matches,
    included,
    mark: { complete: true, since: refreshing ? (since ?? mark.since) : since },
  };
}

/** Every match must be this patient's: a server that answers with another patient's records must not put them in this chart. */
export function checkCompartment(
  matches: readonly FhirObject[],
  patientId: string,
  resourceType: string,
): void {
  for (const resource of matches) {
    const owner = patientOf(resource as unknown as FhirResource);
    if (owner !== patientId) {
      throw new EhrError(
        'invalid-response',
        `${resourceType}: the server answered a search for patient ${patientId} with ${resource.resourceType}/${String(resource.id)}, which belongs to ${owner ? `patient ${owner}` : 'no patient'}; nothing of it was saved`,
        { resourceType },
      );
    }
  }
}

function timeOf(resource: FhirObject | undefined): number | undefined {
  const time = resource ? clinicalTime(resource) : undefined;
  const at = time ? Date.parse(time) : NaN;
  return Number.isNaN(at) ? undefined : at;
}
