import './websocket-shim.js';
import {
  OperationOutcomeError,
  Operator,
  deepClone,
  globalSchema,
  gone,
  matchesSearchRequest,
  notFound,
  type Filter,
  type SearchRequest,
  type SortRule,
  type WithId,
} from '@medplum/core';
import type { Bundle, BundleEntry, OperationOutcome, Resource } from '@medplum/fhirtypes';
import {
  MemoryRepository,
  getExtraEntries,
  type CreateResourceOptions,
  type DeleteResourceOptions,
} from '@medplum/fhir-router';
import { loadFhirDefinitions } from './fhir-definitions.js';
import { compartmentParams, compartmentTypes } from './patient-compartment.js';
import { references } from './resource-paths.js';
import { SearchValues } from './search-values.js';
import { validateWrite } from './write-validation.js';

// Medplum's MemoryRepository, with what a server in front of it needs and the
// engine lacks or does too slowly:
//
// - Search keeps the engine's matching (`matchesSearchRequest`) and its sort
//   key (the parameter's FHIRPath value, as JSON), but evaluates each key
//   once per resource instead of once per comparison, compares `_sort=a,b`
//   by a then b (the engine's repeated sorts end up ordered by b), clones only
//   the page returned, and keeps the ordered match list of a query until the
//   next write, so page n of a search costs a slice. MemoryRepository as
//   shipped clones every match before slicing: 5 s a page of 1,000 among
//   300,000 observations, and minutes with `_sort=-date`.
// - Search parameter values are memoised per stored resource (a stored
//   version is never changed in place, only replaced), and plain paths
//   (`Observation.subject`, `Observation.effective`) are read without the
//   FHIRPath engine (search-values.ts, resource-paths.ts). `param=Type/id`
//   reference filters are answered from those values; every other filter
//   goes to the engine.
// - Every write is checked against the R4 structure definitions
//   (write-validation.ts).
// - History comes newest first on every read (the engine reverses its stored
//   list in place, so every second read came oldest first) and says when a
//   resource was deleted; reading a deleted resource answers 410 Gone.
// - The Patient compartment (CompartmentDefinition/patient): membership of a
//   resource, searches restricted to one patient's compartment, and
//   Patient/$everything.

interface EngineStore {
  resources: Map<string, Map<string, Resource>>;
  history: Map<string, Map<string, Resource[]>>;
}

/** A search's ordered matches, kept until the repository changes. */
interface CachedMatches {
  version: number;
  matches: Resource[];
}

const CACHE_SIZE = 32;

export interface EverythingOptions {
  /** Only resources last updated at or after this instant (FHIR `_since`). */
  since?: string;
}

export class EhrRepository extends MemoryRepository {
  #version = 0;
  readonly #cache = new Map<string, CachedMatches>();
  readonly #search = new SearchValues();
  readonly #deleted = new Map<string, string>();
  #journal: Array<() => void> | undefined;

  constructor() {
    loadFhirDefinitions();
    super();
  }

  /** MemoryRepository's own maps (private to TypeScript only), read here and never written. */
  get #store(): EngineStore {
    return this as unknown as EngineStore;
  }

  /** Increases on every write; a cached search is good while it is unchanged. */
  get version(): number {
    return this.#version;
  }

  #changed(): void {
    this.#version++;
    this.#cache.clear();
  }

  override async createResource<T extends Resource>(
    resource: T,
    options?: CreateResourceOptions,
    update = false,
  ): Promise<WithId<T>> {
    if (!(this as unknown as { seeding: boolean }).seeding) validateWrite(resource);
    const before = resource.id ? this.peek(resource.resourceType, resource.id) : undefined;
    const result = await super.createResource(resource, options, update);
    this.#recordWrite(result.resourceType, result.id, before);
    this.#deleted.delete(`${result.resourceType}/${result.id}`);
    this.#changed();
    return result;
  }

  override async conditionalCreate<T extends Resource>(
    resource: T,
    search: SearchRequest<T>,
    options?: CreateResourceOptions,
  ): Promise<{ resource: WithId<T>; outcome: OperationOutcome }> {
    // The engine creates here without going through createResource.
    const result = await super.conditionalCreate(resource, search, options);
    if (result.outcome.id === 'created')
      this.#recordWrite(result.resource.resourceType, result.resource.id, undefined);
    this.#changed();
    return result;
  }

  override async deleteResource(
    resourceType: string,
    id: string,
    options?: DeleteResourceOptions,
  ): Promise<void> {
    const before = this.peek(resourceType, id);
    await super.deleteResource(resourceType, id, options);
    const key = `${resourceType}/${id}`;
    this.#journal?.push(() => {
      if (before) this.#store.resources.get(resourceType)?.set(id, before);
      this.#deleted.delete(key);
    });
    this.#deleted.set(key, new Date().toISOString());
    this.#changed();
  }

  /**
   * All or nothing: the engine runs a transaction's entries one by one and
   * keeps those done before a failure. Here each write of the transaction is
   * journalled and undone, newest first, when one fails. The engine resolves
   * every call without yielding to I/O, so no other request's write can fall
   * between a transaction's first and last.
   */
  override async withTransaction<TResult>(
    callback: (repo: this) => Promise<TResult>,
  ): Promise<TResult> {
    if (this.#journal) return callback(this);
    const journal: Array<() => void> = [];
    this.#journal = journal;
    try {
      return await callback(this);
    } catch (err) {
      for (const undo of journal.reverse()) undo();
      this.#changed();
      throw err;
    } finally {
      this.#journal = undefined;
    }
  }

  /** Journals the undo of a create or update just made, inside a transaction. */
  #recordWrite(resourceType: string, id: string, before: Resource | undefined): void {
    if (!this.#journal) return;
    const key = `${resourceType}/${id}`;
    const deletedAt = this.#deleted.get(key);
    this.#journal.push(() => {
      const resources = this.#store.resources.get(resourceType);
      if (before) resources?.set(id, before);
      else resources?.delete(id);
      const versions = this.#store.history.get(resourceType);
      versions?.get(id)?.pop();
      if (versions?.get(id)?.length === 0) versions.delete(id);
      if (deletedAt) this.#deleted.set(key, deletedAt);
    });
  }

  override async expungeResources(resourceType: string, ids: string[]): Promise<void> {
    await super.expungeResources(resourceType, ids);
    for (const id of ids) this.#deleted.delete(`${resourceType}/${id}`);
    this.#changed();
  }

  override clear(): void {
    super.clear();
    this.#deleted.clear();
    this.#changed();
  }

  override async readResource<T extends Resource>(resourceType: string, id: string): Promise<T> {
    if (this.#deleted.has(`${resourceType}/${id}`)) throw new OperationOutcomeError(gone);
    return super.readResource<T>(resourceType, id);
  }

  /** The stored resource itself (not a copy), or undefined. Callers must not change it. */
  peek(resourceType: string, id: string): Resource | undefined {
    return this.#store.resources.get(resourceType)?.get(id);
  }

  override async readHistory<T extends Resource>(
    resourceType: string,
    id: string,
  ): Promise<Bundle<T>> {
    const versions = (this.#store.history.get(resourceType)?.get(id) ?? []) as T[];
    const deletedAt = this.#deleted.get(`${resourceType}/${id}`);
    if (versions.length === 0) throw new OperationOutcomeError(notFound);
    // Newest first, without reversing the engine's stored list in place.
    const entry: BundleEntry<T>[] = versions
      .slice()
      .reverse()
      .map((version) => ({ resource: deepClone(version) }));
    if (deletedAt)
      entry.unshift({
        request: { method: 'DELETE', url: `${resourceType}/${id}` },
        response: { status: '410', lastModified: deletedAt },
      });
    return { resourceType: 'Bundle', type: 'history', total: entry.length, entry };
  }

  override async readVersion<T extends Resource>(
    resourceType: string,
    id: string,
    versionId: string,
  ): Promise<T> {
    const version = this.#store.history
      .get(resourceType)
      ?.get(id)
      ?.find((v) => v.meta?.versionId === versionId);
    if (!version) throw new OperationOutcomeError(notFound);
    return deepClone(version) as T;
  }

  override async search<T extends Resource>(
    searchRequest: SearchRequest<T>,
  ): Promise<Bundle<WithId<T>>> {
    return this.searchWithin(searchRequest, undefined);
  }

  /** A search, restricted to one patient's compartment when `patientId` is given. */
  async searchWithin<T extends Resource>(
    searchRequest: SearchRequest<T>,
    patientId: string | undefined,
  ): Promise<Bundle<WithId<T>>> {
    if (searchRequest.filters?.some((f) => f.code.includes('.') || f.code.startsWith('_has'))) {
      // Chained searches: the engine's own path (no cache), then the compartment.
      const bundle = await super.search(searchRequest);
      if (patientId && bundle.entry)
        bundle.entry = bundle.entry.filter(
          (e) =>
            e.search?.mode !== 'match' || (e.resource && this.inCompartment(e.resource, patientId)),
        );
      return bundle;
    }
    const matches = this.#matches(searchRequest, patientId);
    return this.page(searchRequest, matches) as Promise<Bundle<WithId<T>>>;
  }

  /** Patient/$everything: the patient, every resource of its compartment, then the resources they refer to, in a stable order. */
  everything(patientId: string, options: EverythingOptions = {}): Resource[] {
    const key = JSON.stringify(['$everything', patientId, options.since ?? null]);
    return this.#cached(key, () => {
      const since = options.since;
      const changed = (r: Resource) => !since || (r.meta?.lastUpdated ?? '') >= since;
      const inside: Resource[] = [];
      for (const type of compartmentTypes()) {
        for (const r of this.#store.resources.get(type)?.values() ?? []) {
          if (this.inCompartment(r, patientId)) inside.push(r);
        }
      }
      if (inside.length === 0 || inside[0]?.resourceType !== 'Patient') return [];
      const seen = new Set(inside.map((r) => `${r.resourceType}/${r.id}`));
      const referenced: Resource[] = [];
      for (const r of inside) {
        for (const reference of references(r)) {
          if (seen.has(reference)) continue;
          seen.add(reference);
          const [type, id] = reference.split('/');
          const target = type && id ? this.peek(type, id) : undefined;
          if (target && compartmentParams(target.resourceType).length === 0)
            referenced.push(target);
        }
      }
      return [...inside, ...referenced].filter(changed);
    });
  }

  /** Entries `offset` to `offset + count` of an ordered list, with includes, as a searchset. */
  async page(searchRequest: SearchRequest, matches: readonly Resource[]): Promise<Bundle> {
    const offset = searchRequest.offset ?? 0;
    const end = searchRequest.count === undefined ? undefined : offset + searchRequest.count;
    const resources = matches.slice(offset, end).map((r) => deepClone(r));
    const entry: BundleEntry[] = resources.map((resource) => ({
      search: { mode: 'match' },
      resource,
    }));
    if ((searchRequest.include || searchRequest.revInclude) && entry.length) {
      await getExtraEntries(this, searchRequest, resources, entry);
    }
    return {
      resourceType: 'Bundle',
      type: 'searchset',
      total: matches.length,
      ...(entry.length ? { entry } : {}),
    };
  }

  /** Is this resource in the compartment of Patient/`patientId`? */
  inCompartment(resource: Resource, patientId: string): boolean {
    if (resource.resourceType === 'Patient') return resource.id === patientId;
    const target = `Patient/${patientId}`;
    return compartmentParams(resource.resourceType).some((code) =>
      this.#search.references(resource, code).includes(target),
    );
  }

  #matches(searchRequest: SearchRequest, patientId: string | undefined): Resource[] {
    const { resourceType, filters = [], sortRules = [] } = searchRequest;
    const key = JSON.stringify([resourceType, filters, sortRules, patientId ?? null]);
    return this.#cached(key, () => {
      const referenceFilters = filters.filter((f) => this.#isReferenceEquals(resourceType, f));
      const rest: SearchRequest = {
        resourceType,
        filters: filters.filter((f) => !referenceFilters.includes(f)),
      };
      const matches: Resource[] = [];
      for (const r of this.#store.resources.get(resourceType)?.values() ?? []) {
        if (patientId && !this.inCompartment(r, patientId)) continue;
        if (!referenceFilters.every((f) => this.#matchesReference(r, f))) continue;
        if (rest.filters?.length && !matchesSearchRequest(r, rest)) continue;
        matches.push(r);
      }
      return sortRules.length ? this.#sorted(matches, sortRules) : matches;
    });
  }

  #cached(key: string, compute: () => Resource[]): Resource[] {
    const hit = this.#cache.get(key);
    if (hit && hit.version === this.#version) return hit.matches;
    const matches = compute();
    if (this.#cache.size >= CACHE_SIZE)
      this.#cache.delete(this.#cache.keys().next().value as string);
    this.#cache.set(key, { version: this.#version, matches });
    return matches;
  }

  #sorted(matches: Resource[], sortRules: SortRule[]): Resource[] {
    const keyed = matches.map((resource) => ({
      resource,
      keys: sortRules.map((rule) =>
        JSON.stringify(this.#search.valuesOf(resource, rule.code) ?? []),
      ),
    }));
    keyed.sort((a, b) => {
      for (let i = 0; i < sortRules.length; i++) {
        const x = a.keys[i]!;
        const y = b.keys[i]!;
        if (x !== y) return (x < y ? -1 : 1) * (sortRules[i]?.descending ? -1 : 1);
      }
      return 0;
    });
    return keyed.map((k) => k.resource);
  }

  /** `param=Type/id` on a reference parameter, without modifiers: answered from memoised values. */
  #isReferenceEquals(resourceType: string, filter: Filter): boolean {
    const param = globalSchema.types[resourceType]?.searchParams?.[filter.code];
    return (
      param?.type === 'reference' &&
      filter.operator === Operator.EQUALS &&
      /^[A-Z][A-Za-z]+\/[^/,]+$/.test(filter.value)
    );
  }

  #matchesReference(resource: Resource, filter: Filter): boolean {
    return this.#search.references(resource, filter.code).includes(filter.value);
  }
}
