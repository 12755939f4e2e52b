import { evalFhirPath, globalSchema } from '@medplum/core';
import type { Reference, Resource } from '@medplum/fhirtypes';
import { simplePath } from './resource-paths.js';

/**
 * The values of search parameters on stored resources, memoised per
 * resource: a stored version is never changed in place, only replaced, so a
 * value worked out once stands until the resource is dropped.
 */
export class SearchValues {
  readonly #values = new WeakMap<Resource, Map<string, unknown[]>>();

  /** As the engine's FHIRPath gives them (plain paths read straight); undefined when the type has no such parameter. */
  valuesOf(resource: Resource, code: string): unknown[] | undefined {
    let memo = this.#values.get(resource);
    const known = memo?.get(code);
    if (known) return known;
    const param = globalSchema.types[resource.resourceType]?.searchParams?.[code];
    if (!param?.expression) return undefined;
    const values =
      simplePath(param.expression, resource) ?? evalFhirPath(param.expression, resource);
    if (!memo) this.#values.set(resource, (memo = new Map()));
    memo.set(code, values);
    return values;
  }

  /** A reference parameter's values as `Type/id` (`_id` as the resource's own). */
  references(resource: Resource, code: string): string[] {
    const values = this.valuesOf(resource, code) ?? [];
    if (code === '_id') return values.map((v) => `${resource.resourceType}/${String(v)}`);
    return values.flatMap((v) => {
      const reference = (v as Reference | undefined)?.reference;
      return typeof reference === 'string' ? [reference] : [];
    });
  }
}
