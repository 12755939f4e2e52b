import './websocket-shim.js';
import { allOk, badRequest, type SearchRequest } from '@medplum/core';
import type { FhirRouteHandler } from '@medplum/fhir-router';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import type { EverythingOptions } from './ehr-repository.js';

// Patient/$everything, added to the router (the engine has none): the
// patient, its compartment and what they refer to, paged with `_count` and
// `_offset` like a search, narrowed with `_since`. Without `_count` it is all
// in one page.

/** What the operation needs of a repository: the EHR's own, or a token's view of it. */
export interface EverythingSource {
  readResource(resourceType: string, id: string): Promise<Resource>;
  everything(patientId: string, options?: EverythingOptions): Resource[];
  page(searchRequest: SearchRequest, matches: readonly Resource[]): Promise<Bundle>;
}

export const patientEverything: FhirRouteHandler = async (req, repo) => {
  const source = repo as unknown as EverythingSource;
  const { id } = req.params;
  const one = (name: string) => {
    const value = req.query[name];
    return Array.isArray(value) ? value.at(-1) : value;
  };
  const since = one('_since');
  if (since !== undefined && Number.isNaN(Date.parse(since)))
    return [badRequest(`_since is not an instant: ${since}`)];
  const count = one('_count');
  const offset = one('_offset');
  await source.readResource('Patient', id ?? '');
  const matches = source.everything(
    id ?? '',
    since === undefined ? {} : { since: new Date(since).toISOString() },
  );
  const searchRequest: SearchRequest = {
    resourceType: 'Patient',
    ...(count === undefined ? {} : { count: Number(count) }),
    ...(offset === undefined ? {} : { offset: Number(offset) }),
  };
  return [allOk, await source.page(searchRequest, matches)];
};
