import { readImportMark, type DexieChartStore, type ImportMark } from '../../storage/index.js';

// What a pull has saved of each type, kept beside the chart and saved in the
// transaction that saves the records (storage's import marks): a later pull
// resumes a history half pulled and refreshes a whole type with only what
// changed since it began.

export interface TypeMark {
  /** The server holds nothing of this type, for this patient, that the chart lacks (as of `since`). */
  complete: boolean;
  /** When the server ran the search that began this pull, by its clock (pull-since.ts): a refresh asks for what changed since. Absent when the server did not say: the next pull asks for all of it again. */
  since?: string;
  /** Newest first and not yet whole: where the history continues (the server's next link). */
  next?: string;
  /** Newest first and not yet whole: saved from this clinical time onwards. */
  savedBackTo?: string;
}

function markKey(fhirBase: string, patientId: string, resourceType: string): string {
  return `ehr-pull ${fhirBase} ${patientId} ${resourceType}`;
}

export async function readTypeMark(
  store: DexieChartStore,
  fhirBase: string,
  patientId: string,
  resourceType: string,
): Promise<TypeMark | undefined> {
  const value = (await readImportMark(store, markKey(fhirBase, patientId, resourceType))) as
    TypeMark | undefined;
  return value && typeof value.complete === 'boolean' ? value : undefined;
}

export function typeMark(
  fhirBase: string,
  patientId: string,
  resourceType: string,
  mark: TypeMark,
): ImportMark {
  return { key: markKey(fhirBase, patientId, resourceType), value: mark };
}
