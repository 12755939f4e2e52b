import { canonicalJson, type FhirResource, type Revision } from '../../model/index.js';
import type { DeliveryReceipt } from '../../storage/index.js';
import type { FhirWrite } from '../http/fhir-http.js';
import { fullUrlOf } from './outgoing-references.js';

// The FHIR interaction that carries one change, each safe to send twice:
// an update is a PUT checked against the version it was made from
// (If-Match), a new record a conditional create on an identifier the kit
// gives it (If-None-Exist), so a repeat finds the record the first made; new
// records made together go as one transaction of such creates.

/** The identifier system under which the kit names the records it creates in the EHR, by the kit's own id. */
export const KIT_RECORD_SYSTEM = 'urn:emr-kit:record';

type WithMeta = FhirResource & {
  meta?: Record<string, unknown>;
  identifier?: Array<{ system?: string; value?: string }>;
};

/** The resource as the EHR is sent it: its id there, and no version of the kit's copy (the server sets it). */
function outgoing(resource: FhirResource, id: string | undefined): WithMeta {
  const { meta, id: _id, ...rest } = resource as WithMeta;
  const { versionId: _versionId, lastUpdated: _lastUpdated, ...otherMeta } = meta ?? {};
  return {
    ...rest,
    ...(id !== undefined && { id }),
    ...(Object.keys(otherMeta).length > 0 && { meta: otherMeta }),
  } as WithMeta;
}

/** The body with the identifier the kit names its record by in the EHR (its own id under `system`). */
function withKitIdentifier(body: WithMeta, revision: Revision, system: string): WithMeta {
  const others = (body.identifier ?? []).filter((identifier) => identifier.system !== system);
  return { ...body, identifier: [...others, { system, value: revision.resource.id! }] };
}

/** The new record as created in the EHR: no id (the server gives one), and the kit's identifier. */
export function createBody(revision: Revision, system: string): WithMeta {
  return withKitIdentifier(outgoing(revision.resource, undefined), revision, system);
}

export function ifNoneExist(revision: Revision, system: string): string {
  return `identifier=${system}|${revision.resource.id!}`;
}

export function createWrite(revision: Revision, system: string): FhirWrite {
  return {
    method: 'POST',
    path: revision.resource.resourceType,
    body: createBody(revision, system),
    headers: { 'if-none-exist': ifNoneExist(revision, system) },
  };
}

/**
 * A change of a record the EHR holds as `ehrId`, over its version `base`. A
 * record the kit created there keeps the identifier it was created under
 * (`createdUnder`, the system): a PUT replaces the whole resource, and
 * without it a repeated create would no longer find the record.
 */
export function updateWrite(
  revision: Revision,
  ehrId: string,
  base: string,
  createdUnder?: string,
): FhirWrite {
  const body = outgoing(revision.resource, ehrId);
  return {
    method: 'PUT',
    path: `${revision.resource.resourceType}/${encodeURIComponent(ehrId)}`,
    body: createdUnder ? withKitIdentifier(body, revision, createdUnder) : body,
    headers: { 'if-match': `W/"${base}"` },
  };
}

/** New records made together, in one transaction of conditional creates: all of them or none. */
export function transactionWrite(revisions: readonly Revision[], system: string): FhirWrite {
  return {
    method: 'POST',
    path: '',
    body: {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: revisions.map((revision) => ({
        ...(fullUrlOf(revision.resource.id!) && { fullUrl: fullUrlOf(revision.resource.id!) }),
        resource: createBody(revision, system),
        request: {
          method: 'POST',
          url: revision.resource.resourceType,
          ifNoneExist: ifNoneExist(revision, system),
        },
      })),
    },
  };
}

interface Answered {
  id?: unknown;
  meta?: { versionId?: unknown; lastUpdated?: unknown };
}

/** What the EHR holds after a write: from the resource it answered, else its ETag and Location. */
export function receiptOf(
  resource: unknown,
  etag: string | undefined,
  location: string | undefined,
): DeliveryReceipt | undefined {
  const answered = (resource ?? {}) as Answered;
  // `[base/]Type/id[/_history/vid]`
  const fromLocation = /([A-Z][A-Za-z]+)\/([^/]+)(?:\/_history\/([^/]+))?\/?$/.exec(location ?? '');
  const id = typeof answered.id === 'string' ? answered.id : fromLocation?.[2];
  const versionId =
    typeof answered.meta?.versionId === 'string'
      ? answered.meta.versionId
      : (/"([^"]+)"/.exec(etag ?? '')?.[1] ?? fromLocation?.[3]);
  if (!id || !versionId) return undefined;
  const lastUpdated = answered.meta?.lastUpdated;
  return { id, versionId, ...(typeof lastUpdated === 'string' && { lastUpdated }) };
}

/** Whether the EHR's copy is what the kit sent: the same content, whatever the server's id, version and time. */
export function sameContent(sent: unknown, held: unknown): boolean {
  return canonicalJson(strip(sent)) === canonicalJson(strip(held));
}

function strip(resource: unknown): unknown {
  const { id: _id, meta: _meta, ...rest } = (resource ?? {}) as Record<string, unknown>;
  return rest;
}
