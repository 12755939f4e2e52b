import { resourceKey, type ChartUser, type FhirResource, type Revision } from '../model/index.js';
import { canonicalJson } from './canonical-json.js';
import { newRevision } from './new-revision.js';

// An imported version of a record is named by what it is, not drawn at
// random: the record, its whole content and the revisions it replaces. Two
// devices that import one version of a chart at the same moment (or two
// imports running together on one device) make the same revision, which the
// projection counts once when the logs merge, so it never shows as a
// conflict. A changed version, or the same content replacing other
// revisions, gets another id.

/** Why an imported revision says it was made; also how the next import finds the version it replaces. */
export const IMPORTED = 'imported';

export function isImported(revision: Revision): boolean {
  return revision.reason === IMPORTED;
}

/**
 * `import-` and 128 bits of the SHA-256 of the record's key, its parents
 * (sorted) and its canonical content (`canonicalJson`, passed in when the
 * caller has it already).
 */
export async function importedRevisionId(resource: FhirResource, parents: readonly string[], content = canonicalJson(resource)): Promise<string> {
  const text = `${resourceKey(resource)}\n${[...parents].sort().join(' ')}\n${content}`;
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  let hex = '';
  for (const byte of digest.subarray(0, 16)) hex += byte.toString(16).padStart(2, '0');
  return `import-${hex}`;
}

export async function importedRevision<R extends FhirResource>(resource: R, parents: readonly string[], author: ChartUser, content?: string): Promise<Revision<R>> {
  const sortedParents = [...parents].sort();
  return { ...newRevision(resource, sortedParents, author, IMPORTED), revisionId: await importedRevisionId(resource, sortedParents, content) };
}
