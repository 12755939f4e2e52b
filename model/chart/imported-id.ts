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
  const id = `${IMPORT_ID_PREFIX}${hex128(sha256(new TextEncoder().encode(text)))}`;
  derived.set(resource, (derived.get(resource) ?? new Map()).set(named, id));
  return id;
}

/**
 * The import ids of resources new to a chart (no parents), by WebCrypto's
 * SHA-256, which runs natively rather than as script: for a caller that can
 * wait, such as a bundle's rows shown before they are stored. The same ids
 * as importedRevisionId, remembered as it remembers them, so the import
 * that follows does not hash them again. Where WebCrypto is missing (a page
 * that is not a secure context), hashed as importedRevisionId hashes.
 */
export async function newImportedRevisionIds(
  resources: readonly FhirResource[],
  contents: readonly string[],
): Promise<string[]> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return resources.map((resource, i) => importedRevisionId(resource, [], contents[i]));
  const encoder = new TextEncoder();
  const digests = await Promise.all(
    resources.map((resource, i) =>
      subtle.digest('SHA-256', encoder.encode(`${resourceKey(resource)}\n\n${contents[i]}`)),
    ),
  );
  return resources.map((resource, i) => {
    const id = `${IMPORT_ID_PREFIX}${hex128(new Uint8Array(digests[i]!))}`;
    derived.set(resource, (derived.get(resource) ?? new Map()).set('', id));
    return id;
  });
}

/** The first 128 bits of a digest, in hex. */
function hex128(digest: Uint8Array): string {
  let hex = '';
  for (const byte of digest.subarray(0, 16)) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/** Whether the revision's id is the one its own key, parents and content derive: an import, verified. */
export function hasImportedId(
  revision: Pick<Revision, 'revisionId' | 'key' | 'parents' | 'resource'>,
): boolean {
  if (!revision.revisionId.startsWith(IMPORT_ID_PREFIX)) return false;
  if (resourceKey(revision.resource) !== revision.key) return false;
  return importedRevisionId(revision.resource, revision.parents) === revision.revisionId;
}
