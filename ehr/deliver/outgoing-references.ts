import type { ResourceKey } from '../../model/index.js';
import type { EhrName } from '../../storage/index.js';

// A change names other records by the kit's ids (`Patient/…`, the note an
// addendum appends to, the observations a score is derived from). The EHR
// knows a record the kit created under the id it gave it, so before a change
// goes each reference is named as the EHR knows it:
// - a record created in the same transaction: by the entry's `fullUrl`, which
//   the server replaces with the id it gives;
// - a record the kit created there: by the id the EHR gave it (the receipt);
// - a record still waiting to be created there: by the identifier the kit
//   gives the records it creates, a logical reference the EHR can resolve
//   once the record arrives;
// - any other (pulled from the EHR, or never going there): as it is.

const RELATIVE = /^([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The fullUrl of a new record in a transaction: `urn:uuid:` and its kit id, when that is a UUID. */
export function fullUrlOf(id: string): string | undefined {
  return UUID.test(id) ? `urn:uuid:${id.toLowerCase()}` : undefined;
}

/** How the EHR knows a record (storage's `ehrNameOf`). */
export type { EhrName };

export interface ReferenceNaming {
  ehrNameOf(key: ResourceKey): Promise<EhrName>;
  identifierSystem: string;
  /** Records created in the same transaction, by key: their fullUrl. */
  inTransaction?: ReadonlyMap<ResourceKey, string>;
}

/** The records `body` refers to by a relative reference (`Type/id`). */
export function referencedKeys(body: unknown): Set<ResourceKey> {
  const keys = new Set<ResourceKey>();
  collect(body, keys);
  return keys;
}

/** A copy of `body` whose references name records as the EHR knows them. */
export async function namedForEhr<T>(body: T, naming: ReferenceNaming): Promise<T> {
  const keys = referencedKeys(body);
  const named = new Map<ResourceKey, Record<string, unknown>>();
  for (const key of keys) {
    const [type, id] = [key.slice(0, key.indexOf('/')), key.slice(key.indexOf('/') + 1)];
    const fullUrl = naming.inTransaction?.get(key);
    if (fullUrl) {
      named.set(key, { reference: fullUrl });
      continue;
    }
    const name = await naming.ehrNameOf(key);
    if (name === 'waiting')
      named.set(key, { type, identifier: { system: naming.identifierSystem, value: id } });
    else if (name !== 'same' && name.id !== id) named.set(key, { reference: `${type}/${name.id}` });
  }
  return named.size === 0 ? body : (rewrite(body, named) as T);
}

function referenceKey(value: Record<string, unknown>): ResourceKey | undefined {
  const reference = value['reference'];
  return typeof reference === 'string' && RELATIVE.test(reference)
    ? (reference as ResourceKey)
    : undefined;
}

function collect(value: unknown, keys: Set<ResourceKey>): void {
  if (Array.isArray(value)) value.forEach((item) => collect(item, keys));
  else if (value && typeof value === 'object') {
    const key = referenceKey(value as Record<string, unknown>);
    if (key) keys.add(key);
    Object.values(value).forEach((item) => collect(item, keys));
  }
}

function rewrite(
  value: unknown,
  named: ReadonlyMap<ResourceKey, Record<string, unknown>>,
): unknown {
  if (Array.isArray(value)) return value.map((item) => rewrite(item, named));
  if (!value || typeof value !== 'object') return value;
  const object = value as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const [field, item] of Object.entries(object)) copy[field] = rewrite(item, named);
  const key = referenceKey(object);
  if (!key || !named.has(key)) return copy;
  const { reference: _reference, ...rest } = copy;
  return { ...rest, ...named.get(key) };
}
