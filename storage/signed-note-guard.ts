import { signedNoteChangeRefusal } from '../clinical/index.js';
import { ChartStoreError, type FhirResource, type Revision } from '../model/index.js';

// A signed note is never edited in place, whoever asks: the store refuses a
// revision that would change a signed DocumentReference's text, and says
// why. Marking it entered-in-error (or superseded) is still allowed.

export function assertSignedNotesKept(heads: readonly Revision[], next: FhirResource): void {
  if (next.resourceType !== 'DocumentReference') return;
  for (const head of heads) {
    if (head.resource.resourceType !== 'DocumentReference') continue;
    const refusal = signedNoteChangeRefusal(head.resource, next);
    if (refusal) throw new ChartStoreError('invalid', refusal);
  }
}
