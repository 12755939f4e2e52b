import type { FhirResource, ResourceType } from '../fhir/resources.js';

/** Who acts on a chart. The host names the user when it creates the store. */
export interface ChartUser {
  id: string;
  displayName: string;
  role: UserRole;
}

/**
 * Clinicians read and write; a patient viewing their own chart through a
 * portal, or an auditor, reads only.
 */
export type UserRole = 'clinician' | 'nurse' | 'patient' | 'auditor';

export const WRITING_ROLES: readonly UserRole[] = ['clinician', 'nurse'];

/** `Type/id`: how the kit names one resource across its revisions. */
export type ResourceKey = `${ResourceType}/${string}`;

export function resourceKey(resource: Pick<FhirResource, 'resourceType' | 'id'>): ResourceKey {
  return `${resource.resourceType}/${resource.id}` as ResourceKey;
}

/** What a revision says about itself, without the resource. */
export interface RevisionMeta {
  /** Unique across every replica. */
  revisionId: string;
  key: ResourceKey;
  /** The revision(s) this one replaces: none for a new record, two or more to resolve a conflict. */
  parents: string[];
  author: ChartUser;
  /** ISO instant of the change, on the author's clock. */
  at: string;
  /** Why, when a person said: "entered in error: wrong patient", "conflict resolved". */
  reason?: string;
}

/** One entry of a patient's revision log: who changed a resource, when, from what, to what. */
export interface Revision<R extends FhirResource = FhirResource> extends RevisionMeta {
  resource: R;
}

/**
 * A resource as the chart holds it now. Usually one head; two or more when
 * clinicians changed it concurrently: a conflict, shown with every value and
 * never resolved by the kit itself.
 */
export interface ChartRecord<R extends FhirResource = FhirResource> {
  key: ResourceKey;
  /** The newest head (by time, then revision id): what to show when there is no conflict. */
  current: R;
  heads: Array<Revision<R>>;
}

export function inConflict(record: ChartRecord): boolean {
  return record.heads.length > 1;
}
