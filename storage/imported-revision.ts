import {
  importedRevisionId,
  type ChartUser,
  type FhirResource,
  type Revision,
} from '../model/index.js';
import { newRevision } from './new-revision.js';

// An imported version of a record is named by what it is, not drawn at
// random (model/chart/imported-id.ts): the record, its whole content and the
// revisions it replaces. Two devices that import one version of a chart at
// the same moment (or two imports running together on one device) make the
// same revision, which the projection counts once when the logs merge, so it
// never shows as a conflict. A changed version, or the same content
// replacing other revisions, gets another id.

/** Why an imported revision says it was made; also how the next import finds the version it replaces. */
export const IMPORTED = 'imported';

export function isImported(revision: Revision): boolean {
  return revision.reason === IMPORTED;
}

export function importedRevision<R extends FhirResource>(
  resource: R,
  parents: readonly string[],
  author: ChartUser,
  content?: string,
): Revision<R> {
  const sortedParents = [...parents].sort();
  return {
    ...newRevision(resource, sortedParents, author, IMPORTED),
    revisionId: importedRevisionId(resource, sortedParents, content),
  };
}
