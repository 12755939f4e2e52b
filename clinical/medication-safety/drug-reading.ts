import type { CodeableConcept, MedicationRequest, MedicationStatement } from '../../model/index.js';
import { RXNORM } from '../../model/index.js';
import { conceptLabel } from '../coding.js';
import { knowledge } from './knowledge.js';
import { medicationSafetyMessages as messages } from './messages.js';
import { ingredientsFromRxNormName } from './rxnorm-name.js';
import type { UnreadableReason } from './types.js';

// What a medication contains, read from its RxNorm coding only:
// 1. an RxNorm code in the kit's drug data (clinical/data/rxnorm-drugs.ts);
// 2. else an RxNorm coding whose display is an RxNorm normalized name naming
//    ingredients the kit knows (rxnorm-name.ts);
// 3. else nothing: the drug is reported as unchecked, with the reason.
// Other code systems, a medicationReference and text are never read into
// ingredients: a name that looks like a drug is not a match.

export type Medication = MedicationRequest | MedicationStatement;

export type DrugReading =
  | { known: true; label: string; ingredients: readonly string[] }
  | { known: false; label: string; reason: UnreadableReason };

/** The ingredients of an RxNorm-coded concept, or why there are none. */
export function readRxNormConcept(
  concept: CodeableConcept | undefined,
): { ingredients: readonly string[] } | { reason: UnreadableReason } {
  const data = knowledge();
  const codings = concept?.coding ?? [];
  // A coding of RxNorm has a code; one with the system and a display alone is text.
  const rxnorm = codings.filter((c) => c.system === RXNORM && c.code);
  for (const coding of rxnorm) {
    const found = coding.code === undefined ? undefined : data.drugByRxNorm.get(coding.code);
    if (found) return { ingredients: found };
  }
  const known = (name: string) => data.ingredients.has(name);
  for (const coding of rxnorm) {
    const read = coding.display ? ingredientsFromRxNormName(coding.display, known) : undefined;
    if (read) return { ingredients: read };
  }
  if (rxnorm.length) return { reason: 'unknown-rxnorm' };
  if (codings.some((c) => c.system === RXNORM)) return { reason: 'uncoded' };
  return { reason: codings.some((c) => c.code) ? 'not-rxnorm' : 'uncoded' };
}

const readings = new WeakMap<Medication, DrugReading>();

/** What the medication contains (memoised per resource object: resources are never changed in place). */
export function readDrug(medication: Medication): DrugReading {
  const cached = readings.get(medication);
  if (cached) return cached;
  const concept = medication.medicationCodeableConcept;
  const label =
    conceptLabel(concept) ?? medication.medicationReference?.display ?? messages.detail.unnamedDrug;
  let reading: DrugReading;
  if (!concept) reading = { known: false, label, reason: 'reference' };
  else {
    const read = readRxNormConcept(concept);
    reading =
      'ingredients' in read
        ? { known: true, label, ingredients: read.ingredients }
        : { known: false, label, reason: read.reason };
  }
  readings.set(medication, reading);
  return reading;
}
