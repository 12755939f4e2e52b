import './websocket-shim.js';
import {
  OperationOutcomeError,
  type Operation,
  type SearchRequest,
  type WithId,
} from '@medplum/core';
import type { Bundle, OperationOutcome, Parameters, Reference, Resource } from '@medplum/fhirtypes';
import {
  FhirRepository,
  type CreateResourceOptions,
  type DeleteResourceOptions,
  type RepositoryMode,
  type TransactionOptions,
  type UpdateResourceOptions,
} from '@medplum/fhir-router';
import type { EhrRepository, EverythingOptions } from './ehr-repository.js';
import { compartmentParams } from './patient-compartment.js';
import { ACTION_NAMES, grantFor, parseScopes, type ScopeAction } from './scope-grants.js';

/** What an accepted access token says: its scopes, and the patient and user in context. */
export interface AccessContext {
  scopes: string[];
  patient?: string;
  user?: string;
}

/**
 * The repository as one request's access token sees it. The FHIR router
 * calls it for everything (a read, a search and its `_include`s, each entry
 * of a batch or transaction, $everything), so the token's SMART scopes are
 * enforced at one place. With a patient in context, patient/ scopes reach
 * that patient's compartment only; resources of types that belong to no
 * patient (Medication, Practitioner, Organization, Location) are reachable
 * through patient/ scopes too, as a patient-facing app needs them to show a
 * prescription or who wrote a note.
 */
export class AuthorizedRepository extends FhirRepository {
  readonly #scopes: ReturnType<typeof parseScopes>;

  constructor(
    readonly inner: EhrRepository,
    readonly access: AccessContext,
  ) {
    super();
    this.#scopes = parseScopes(access.scopes);
  }

  /** Throws 403 unless the token may do `action` on this type; says whether access is limited to the patient's compartment. */
  #check(resourceType: string, action: ScopeAction): { patient: string | undefined } {
    const grant = grantFor(this.#scopes, resourceType, action);
    if (grant === 'any') return { patient: undefined };
    if (grant === 'patient' && this.access.patient) return { patient: this.access.patient };
    const why = grant === 'patient' ? 'patient/ scopes with no patient in context' : 'no scope';
    throw new OperationOutcomeError(
      forbidden(`Access token does not allow ${ACTION_NAMES[action]} of ${resourceType} (${why})`),
    );
  }

  #permits(resource: Resource, action: ScopeAction): boolean {
    try {
      this.#checkResource(resource, action);
      return true;
    } catch {
      return false;
    }
  }

  #checkResource(resource: Resource, action: ScopeAction): void {
    const { patient } = this.#check(resource.resourceType, action);
    if (
      patient &&
      belongsToPatients(resource.resourceType) &&
      !this.inner.inCompartment(resource, patient)
    ) {
      throw new OperationOutcomeError(
        forbidden(
          `Access token does not allow ${ACTION_NAMES[action]} of ${resource.resourceType}/${resource.id ?? ''}: outside the compartment of Patient/${patient}`,
        ),
      );
    }
  }

  setMode(mode: RepositoryMode): void {
    this.inner.setMode(mode);
  }

  generateId(): string {
    return this.inner.generateId();
  }

  async createResource<T extends Resource>(
    resource: T,
    options?: CreateResourceOptions,
  ): Promise<WithId<T>> {
    this.#checkResource(resource, 'c');
    return this.inner.createResource(resource, options);
  }

  async readResource<T extends Resource>(resourceType: string, id: string): Promise<WithId<T>> {
    this.#check(resourceType, 'r');
    const resource = await this.inner.readResource<T>(resourceType, id);
    this.#checkResource(resource, 'r');
    return resource as WithId<T>;
  }

  async readReference<T extends Resource>(reference: Reference<T>): Promise<WithId<T>> {
    const [type, id] = reference.reference?.split('/') ?? [];
    return this.readResource<T>(type ?? '', id ?? '');
  }

  async readReferences<T extends Resource>(
    references: readonly Reference<T>[],
  ): Promise<(T | Error)[]> {
    return Promise.all(
      references.map((r) =>
        this.readReference(r).catch((err: unknown) =>
          err instanceof Error ? err : new Error(String(err)),
        ),
      ),
    );
  }

  async readHistory<T extends Resource>(
    resourceType: string,
    id: string,
  ): Promise<Bundle<WithId<T>>> {
    this.#check(resourceType, 'r');
    const history = await this.inner.readHistory<T>(resourceType, id);
    const current = history.entry?.find((e) => e.resource)?.resource;
    if (current) this.#checkResource(current, 'r');
    return history as Bundle<WithId<T>>;
  }

  async readVersion<T extends Resource>(
    resourceType: string,
    id: string,
    vid: string,
  ): Promise<WithId<T>> {
    this.#check(resourceType, 'r');
    const version = await this.inner.readVersion<T>(resourceType, id, vid);
    this.#checkResource(version, 'r');
    return version as WithId<T>;
  }

  async updateResource<T extends Resource>(
    resource: T,
    options?: UpdateResourceOptions,
  ): Promise<WithId<T>> {
    this.#checkResource(resource, 'u');
    const existing = resource.id ? this.inner.peek(resource.resourceType, resource.id) : undefined;
    if (existing) this.#checkResource(existing, 'u');
    return this.inner.updateResource(resource, options);
  }

  async deleteResource(
    resourceType: string,
    id: string,
    options?: DeleteResourceOptions,
  ): Promise<void> {
    this.#check(resourceType, 'd');
    const existing = this.inner.peek(resourceType, id);
    if (existing) this.#checkResource(existing, 'd');
    return this.inner.deleteResource(resourceType, id, options);
  }

  async patchResource<T extends Resource>(
    resourceType: T['resourceType'],
    id: string,
    patch: Operation[] | Parameters,
    options?: UpdateResourceOptions,
  ): Promise<WithId<T>> {
    this.#check(resourceType, 'u');
    const existing = this.inner.peek(resourceType, id);
    if (existing) this.#checkResource(existing, 'u');
    return this.inner.patchResource<T>(resourceType, id, patch, options);
  }

  async search<T extends Resource>(searchRequest: SearchRequest<T>): Promise<Bundle<WithId<T>>> {
    const { patient } = this.#check(searchRequest.resourceType, 's');
    const within = patient && belongsToPatients(searchRequest.resourceType) ? patient : undefined;
    const bundle = await this.inner.searchWithin(searchRequest, within);
    // Included resources the token may not read are left out.
    if (bundle.entry)
      bundle.entry = bundle.entry.filter(
        (e) => e.search?.mode === 'match' || (e.resource && this.#permits(e.resource, 'r')),
      );
    return bundle;
  }

  async searchByReference<T extends Resource>(
    searchRequest: SearchRequest<T>,
    referenceField: string,
    references: string[],
  ): Promise<Record<string, WithId<T>[]>> {
    const out: Record<string, WithId<T>[]> = {};
    for (const reference of references) {
      const filters = [
        ...(searchRequest.filters ?? []),
        { code: referenceField, operator: 'eq' as const, value: reference },
      ];
      const bundle = await this.search({ ...searchRequest, filters });
      out[reference] = (bundle.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : []));
    }
    return out;
  }

  withTransaction<TResult>(
    callback: (repo: this) => Promise<TResult>,
    _options: TransactionOptions,
  ): Promise<TResult> {
    return this.inner.withTransaction(() => callback(this));
  }

  /** Patient/$everything as this token may see it: its patient only (with a patient in context), types it may read. */
  everything(patientId: string, options?: EverythingOptions): Resource[] {
    const { patient } = this.#check('Patient', 'r');
    if (patient && patient !== patientId) {
      throw new OperationOutcomeError(
        forbidden(
          `Access token does not allow read of Patient/${patientId}: its patient is Patient/${patient}`,
        ),
      );
    }
    return this.inner.everything(patientId, options).filter((r) => this.#permits(r, 'r'));
  }

  page(searchRequest: SearchRequest, matches: readonly Resource[]): Promise<Bundle> {
    return this.inner.page(searchRequest, matches);
  }
}

/** Can a resource of this type be in a patient's compartment? */
function belongsToPatients(resourceType: string): boolean {
  return compartmentParams(resourceType).length > 0;
}

export function forbidden(text: string): OperationOutcome {
  return {
    resourceType: 'OperationOutcome',
    id: 'forbidden',
    issue: [{ severity: 'error', code: 'forbidden', details: { text } }],
  };
}
