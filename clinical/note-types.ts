import { LOINC, type CodeableConcept } from '../model/index.js';
import { lookUp } from './coding.js';

// The kinds of clinical note the kit writes, by their LOINC document codes.
// DocumentReference.type carries the code; the label is what a clinician
// reads in the list and the editor.

export interface NoteType {
  /** LOINC document code. */
  code: string;
  /** LOINC display. */
  display: string;
  /** Short label for lists and pickers. */
  label: string;
}

export const NOTE_TYPES: readonly NoteType[] = [
  { code: '11506-3', display: 'Progress note', label: 'Progress note' },
  { code: '34117-2', display: 'History and physical note', label: 'History and physical' },
  { code: '11488-4', display: 'Consult note', label: 'Consult note' },
  { code: '18842-5', display: 'Discharge summary', label: 'Discharge summary' },
  { code: '28570-0', display: 'Procedure note', label: 'Procedure note' },
];

/** A new note is a progress note unless the host says otherwise. */
export const DEFAULT_NOTE_TYPE: NoteType = NOTE_TYPES[0]!;

const BY_CODE: Readonly<Record<string, NoteType>> = Object.fromEntries(
  NOTE_TYPES.map((type) => [type.code, type]),
);

/** The note type of a LOINC code, or undefined for a code the kit does not know. */
export function noteTypeByCode(code: string | undefined): NoteType | undefined {
  return code !== undefined && Object.hasOwn(BY_CODE, code) ? BY_CODE[code] : undefined;
}

/** DocumentReference.type for a note type. */
export function noteTypeConcept(type: NoteType): CodeableConcept {
  return { coding: [{ system: LOINC, code: type.code, display: type.display }], text: type.label };
}

/** What a person calls the type of a note: the kit's label, else the document's own text or display. */
export function noteTypeLabel(concept: CodeableConcept | undefined): string {
  return (
    lookUp(concept, LOINC, BY_CODE)?.label ??
    concept?.text ??
    concept?.coding?.find((c) => c.display)?.display ??
    'Clinical note'
  );
}
