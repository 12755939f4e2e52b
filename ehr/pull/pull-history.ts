import type { ImportProgress } from '../../model/index.js';
import { importBundle, type DexieChartStore } from '../../storage/index.js';
import { clinicalTime } from './clinical-time.js';
import { checkCompartment, type FetchContext } from './fetch-type.js';
import { typeMark, type TypeMark } from './pull-marks.js';
import { fetchReferencedNames } from './referenced-names.js';
import { searchPages, type FhirObject, type SearchPage } from './search-pages.js';
import { searchsetOf } from './searchset.js';

/**
 * The rest of a history pulled newest first, from where its mark says it
 * continues: saved in chunks, each with a mark that moves the place on, so
 * a pull that stops keeps what it saved and the next one resumes there.
 * Resolves to the type's final mark.
 */
export async function pullHistory(
  store: DexieChartStore,
  resourceType: string,
  mark: TypeMark,
  context: FetchContext & {
    fhirBase: string;
    chunk: number;
    onProgress: (progress: ImportProgress) => void;
  },
): Promise<TypeMark> {
  let matches: FhirObject[] = [];
  let included: SearchPage['included'] = [];
  let place = mark;
  const save = async (next: string | undefined) => {
    const moved: TypeMark = next
      ? { ...place, next, savedBackTo: clinicalTime(matches.at(-1)!) ?? place.savedBackTo }
      : { complete: true, since: place.since };
    const names = await fetchReferencedNames(context.http, matches, included);
    await importBundle(store, searchsetOf(matches, [...included, ...names]), {
      marks: [typeMark(context.fhirBase, context.patientId, resourceType, moved)],
      onProgress: context.onProgress,
    });
    place = moved;
    matches = [];
    included = [];
  };
  for await (const page of searchPages(context.http, mark.next!, resourceType)) {
    checkCompartment(page.matches, context.patientId, resourceType);
    matches.push(...page.matches);
    included.push(...page.included);
    context.received(page.matches.length);
    if (page.next && matches.length >= context.chunk) await save(page.next);
    else if (!page.next) await save(undefined);
  }
  return place;
}
