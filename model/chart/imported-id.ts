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

/** The content-derived id of an imported version (`content`: its canonical JSON, when the caller has it already). */
export function importedRevisionId(resource: FhirResource, parents: readonly string[], content = canonicalJson(resource)): string {
  const text = `${resourceKey(resource)}\n${[...parents].sort().join(' ')}\n${content}`;
  const digest = sha256(new TextEncoder().encode(text));
  let hex = '';
  for (const byte of digest.subarray(0, 16)) hex += byte.toString(16).padStart(2, '0');
  return `${IMPORT_ID_PREFIX}${hex}`;
}

/** Whether the revision's id is the one its own key, parents and content derive: an import, verified. */
export function hasImportedId(revision: Pick<Revision, 'revisionId' | 'key' | 'parents' | 'resource'>): boolean {
  if (!revision.revisionId.startsWith(IMPORT_ID_PREFIX)) return false;
  if (resourceKey(revision.resource) !== revision.key) return false;
  return importedRevisionId(revision.resource, revision.parents) === revision.revisionId;
}
