import type { FhirResource } from '../fhir/resources.js';

export type WritableBundleType = 'collection' | 'transaction';

export interface WriteBundleOptions {
  /** `collection` (default) to hand over; `transaction` (PUT each resource) to load into a FHIR server. */
  type?: WritableBundleType;
  /** The server base the ids belong to; entries then carry an absolute fullUrl. */
  baseUrl?: string;
  /** Bundle.timestamp; defaults to now. */
  timestamp?: Date;
}

export interface FhirBundle {
  resourceType: 'Bundle';
  type: WritableBundleType;
  timestamp: string;
  total?: number;
  entry: Array<{
    fullUrl?: string;
    resource: FhirResource;
    request?: { method: 'PUT'; url: string };
  }>;
}

/**
 * Writes resources out as a FHIR R4 Bundle. References stay as the kit
 * stores them (`Type/id`), which resolve against the server base.
 */
export function writeBundle(
  resources: readonly FhirResource[],
  options: WriteBundleOptions = {},
): FhirBundle {
  const type = options.type ?? 'collection';
  const base = options.baseUrl?.replace(/\/+$/, '');
  return {
    resourceType: 'Bundle',
    type,
    timestamp: (options.timestamp ?? new Date()).toISOString(),
    entry: resources.map((resource) => {
      const url = `${resource.resourceType}/${resource.id}`;
      return {
        ...(base ? { fullUrl: `${base}/${url}` } : {}),
        resource,
        ...(type === 'transaction' ? { request: { method: 'PUT' as const, url } } : {}),
      };
    }),
  };
}
