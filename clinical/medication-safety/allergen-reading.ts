import type { AllergyIntolerance, CodeableConcept } from '../../model/index.js';
import { RXNORM, SNOMED } from '../../model/index.js';
import { classifyAllergy } from '../allergy-entry.js';
import { conceptLabel } from '../coding.js';
import { readRxNormConcept } from './drug-reading.js';
import { knowledge } from './knowledge.js';
import { medicationSafetyMessages as messages } from './messages.js';
import type { DrugClassId, UnreadableReason } from './types.js';

// What an allergy record says about drugs, read from its codes only: an
// RxNorm ingredient or drug (as drug-reading.ts reads a medication), or a
// SNOMED CT code in the kit's allergen data (clinical/data/snomed-allergens.ts).
//
// Which records are checked at all: only current allergies, as the allergy
// banner lists them (clinical/allergy-entry.ts, classifyAllergy): a "no
// known allergy" assertion (SNOMED 716186003, 409137002 …) is not an
// allergy; refuted, entered-in-error, inactive and resolved records are not
// matched. A record whose allergen the kit cannot read, and whose category
// says it is a food or environmental allergy and not a drug (or biologic)
// one, is left out too: the record itself says no drug is concerned. Any
// other unreadable allergen gives "no check possible".

export type AllergenReading =
  | {
      kind: 'drug';
      label: string;
      ingredients: readonly string[];
      /** Classes the record names directly (a SNOMED CT class allergen). */
      classes: readonly DrugClassId[];
    }
  | { kind: 'not-drug' }
  | { kind: 'not-current' }
  | { kind: 'unreadable'; label: string; reason: UnreadableReason };

type ConceptReading =
  | { kind: 'drug'; ingredients: readonly string[]; classes: readonly DrugClassId[] }
  | { kind: 'not-drug' }
  | { kind: 'unreadable'; reason: UnreadableReason };

function readConcept(concept: CodeableConcept): ConceptReading {
  const codings = concept.coding ?? [];
  if (codings.some((c) => c.system === RXNORM && c.code)) {
    const read = readRxNormConcept(concept);
    if ('ingredients' in read) return { kind: 'drug', ingredients: read.ingredients, classes: [] };
  }
  const snomed = codings.flatMap((c) => (c.system === SNOMED && c.code ? [c.code] : []));
  for (const code of snomed) {
    const found = knowledge().allergenBySnomed.get(code);
    if (!found) continue;
    return 'class' in found
      ? { kind: 'drug', ingredients: [], classes: [found.class] }
      : { kind: 'not-drug' };
  }
  if (codings.some((c) => c.system === RXNORM))
    return { kind: 'unreadable', reason: 'unknown-rxnorm' };
  if (snomed.length) return { kind: 'unreadable', reason: 'unknown-snomed' };
  return { kind: 'unreadable', reason: codings.some((c) => c.code) ? 'unknown-code' : 'uncoded' };
}

const readings = new WeakMap<AllergyIntolerance, AllergenReading>();

/** What the allergy record says about drugs (memoised per resource object). */
export function readAllergen(allergy: AllergyIntolerance): AllergenReading {
  const cached = readings.get(allergy);
  if (cached) return cached;
  const reading = read(allergy);
  readings.set(allergy, reading);
  return reading;
}

function read(allergy: AllergyIntolerance): AllergenReading {
  if (classifyAllergy(allergy).kind !== 'allergy') return { kind: 'not-current' };
  const label =
    conceptLabel(allergy.code) ??
    allergy.reaction?.map((r) => conceptLabel(r.substance)).find((l) => l) ??
    messages.detail.unnamedAllergy;
  const concepts = [allergy.code, ...(allergy.reaction ?? []).map((r) => r.substance)].filter(
    (c): c is CodeableConcept => c !== undefined,
  );
  let first: UnreadableReason | undefined;
  for (const concept of concepts) {
    const reading = readConcept(concept);
    if (reading.kind === 'drug') return { ...reading, label };
    if (reading.kind === 'not-drug') return reading;
    first ??= reading.reason;
  }
  const categories = allergy.category ?? [];
  if (categories.length && categories.every((c) => c === 'food' || c === 'environment'))
    return { kind: 'not-drug' };
  return { kind: 'unreadable', label, reason: first ?? 'uncoded' };
}
