import { sha256 } from '@noble/hashes/sha2.js';
import type { FhirResource } from '../fhir/resources.js';
import { canonicalJson } from './canonical-json.js';
import { resourceKey } from './revision.js';
import type { Revision } from './revision.js';

// An imported version of a record is named by what it is, not drawn at
// random: `import-` and 128 bits of the SHA-256 of the record's key, the
// revisions it replaces (sorted) and its content in canonical JSON. Two
// devices that import one version of a chart make the same revision, and
// anyone holding the revision can recompute its id from the revision alone:
// the sync server and the store verify it, so the prefix cannot be borrowed
// by a revision whose content is not what its id says. The digest is
// synchronous (@noble/hashes, audited, no dependencies): the server and the
// store check revisions inside steps that cannot wait for WebCrypto.

export const IMPORT_ID_PREFIX = 'import-';

/**
 * Ids derived already, per resource object and parents: a store checks the
 * revisions it has just named (rule 0 of revision-rule.ts) without hashing
 * each again. A resource in a revision is never changed in place; one parsed
 * from elsewhere is a new object, so it is always hashed.
 */
const derived = new WeakMap<FhirResource, Map<string, string>>();

/** The content-derived id of an imported version (`content`: its canonical JSON, when the caller has it already). */
export function importedRevisionId(
  resource: FhirResource,
  parents: readonly string[],
  content?: string,
): string {
  const named = [...parents].sort().join(' ');
  const known = derived.get(resource)?.get(named);
  if (known) return known;
  const text = `${resourceKey(resource)}\n${named}\n${content ?? canonicalJson(resource)}`;
  const digest = sha256(new TextEncoder().encode(text));
  let hex = '';
  for (const byte of digest.subarray(0, 16)) hex += byte.toString(16).padStart(2, '0');
  const id = `${IMPORT_ID_PREFIX}${hex}`;
  derived.set(resource, (derived.get(resource) ?? new Map()).set(named, id));
  return id;
}

/** Whether the revision's id is the one its own key, parents and content derive: an import, verified. */
export function hasImportedId(
  revision: Pick<Revision, 'revisionId' | 'key' | 'parents' | 'resource'>,
): boolean {
  if (!revision.revisionId.startsWith(IMPORT_ID_PREFIX)) return false;
  if (resourceKey(revision.resource) !== revision.key) return false;
  return importedRevisionId(revision.resource, revision.parents) === revision.revisionId;
}
