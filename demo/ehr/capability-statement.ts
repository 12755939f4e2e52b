import './websocket-shim.js';
import { getResourceTypes, globalSchema } from '@medplum/core';
import type {
  CapabilityStatement,
  CapabilityStatementRestResource,
  CapabilityStatementRestResourceInteraction,
} from '@medplum/fhirtypes';
import type { FhirRouter } from '@medplum/fhir-router';

// The demo EHR's CapabilityStatement, derived from what it runs: the
// interactions are those the router has routes for, the search parameters
// those of the indexed R4 definitions whose type the engine can match.

/** Search parameter types the in-memory engine matches; number, quantity, composite and special match nothing there. */
export const SEARCHABLE_TYPES = new Set(['string', 'token', 'reference', 'date', 'uri']);
/** Medplum's own parameters, which the R4 definitions do not have and the in-memory engine does not fill. */
const MEDPLUM_ONLY = new Set(['_compartment', '_project']);

/** Is `code` a search parameter of this type that the server matches? */
export function isSupportedSearchParam(resourceType: string, code: string): boolean {
  const param = globalSchema.types[resourceType]?.searchParams?.[code];
  return !!param && SEARCHABLE_TYPES.has(param.type ?? '') && !MEDPLUM_ONLY.has(code);
}

type InstanceInteraction = CapabilityStatementRestResourceInteraction['code'];

export interface CapabilityOptions {
  url: string;
  router: FhirRouter;
  /** Set when the server requires SMART access tokens. */
  smart?: { authorize?: string; token?: string };
  startedAt: string;
}

export function capabilityStatement({
  url,
  router,
  smart,
  startedAt,
}: CapabilityOptions): CapabilityStatement {
  const routed = new Set(
    router.router.routes.filter((r) => r.path[0]?.param).map((r) => r.data?.interaction),
  );
  const interactions = (
    [
      'read',
      'vread',
      'update',
      'patch',
      'delete',
      'history-instance',
      'create',
      'search-type',
    ] as const
  ).filter((code) => routed.has(code));
  const everything = router.router.routes.some(
    (r) => r.path.map((p) => p.value).join('/') === 'Patient/id/$everything',
  );
  const resource: CapabilityStatementRestResource[] = getResourceTypes()
    .sort()
    .map((type) => {
      const params = Object.values(globalSchema.types[type]?.searchParams ?? {}).filter((p) =>
        isSupportedSearchParam(type, p.code ?? ''),
      );
      return {
        type,
        interaction: interactions.map((code): { code: InstanceInteraction } => ({ code })),
        versioning: 'versioned-update',
        readHistory: true,
        updateCreate: true,
        conditionalCreate: true,
        conditionalUpdate: true,
        conditionalDelete: 'single',
        searchInclude: params.filter((p) => p.type === 'reference').map((p) => `${type}:${p.code}`),
        searchRevInclude: [],
        searchParam: params.map((p) => ({
          name: p.code ?? '',
          type: p.type,
          ...(p.url ? { definition: p.url } : {}),
        })),
        ...(type === 'Patient' && everything
          ? {
              operation: [
                {
                  name: 'everything',
                  definition: 'http://hl7.org/fhir/OperationDefinition/Patient-everything',
                },
              ],
            }
          : {}),
      };
    });
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: startedAt,
    kind: 'instance',
    software: { name: 'emr-kit demo EHR on the Medplum FHIR router', version: '5.2.13' },
    implementation: { description: 'Demo EHR for tests and the demo portal (in memory)', url },
    fhirVersion: '4.0.1',
    format: ['json'],
    patchFormat: ['application/json-patch+json'],
    rest: [
      {
        mode: 'server',
        ...(smart ? { security: smartSecurity(smart) } : {}),
        resource,
        interaction: [{ code: 'transaction' }, { code: 'batch' }],
        searchParam: [
          {
            name: '_count',
            type: 'number',
            documentation: 'Page size; the default is used when absent, larger values are capped.',
          },
          {
            name: '_offset',
            type: 'number',
            documentation: 'Start of the page (used by the next links).',
          },
          { name: '_sort', type: 'string' },
          { name: '_include', type: 'string' },
          { name: '_revinclude', type: 'string' },
        ],
      },
    ],
  };
}

function smartSecurity(smart: {
  authorize?: string;
  token?: string;
}): NonNullable<CapabilityStatement['rest']>[number]['security'] {
  const uris = [
    ...(smart.authorize ? [{ url: 'authorize', valueUri: smart.authorize }] : []),
    ...(smart.token ? [{ url: 'token', valueUri: smart.token }] : []),
  ];
  return {
    service: [
      {
        coding: [
          {
            system: 'http://terminology.hl7.org/CodeSystem/restful-security-service',
            code: 'SMART-on-FHIR',
          },
        ],
      },
    ],
    ...(uris.length
      ? {
          extension: [
            {
              url: 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris',
              extension: uris,
            },
          ],
        }
      : {}),
  };
}
