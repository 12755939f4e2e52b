import type { DrugClassId } from '../data/drug-classes.js';
import type { OncInteractionId } from '../data/onc-high-priority-interactions.js';

// The shapes the medication-safety rules decide and their messages word:
// here so that the messages need not import the logic.

/** Why a drug or an allergen could not be checked. */
export type UnreadableReason =
  'uncoded' | 'reference' | 'not-rxnorm' | 'unknown-rxnorm' | 'unknown-snomed' | 'unknown-code';

/** Which rule a card comes from (also its `source.topic` code). */
export type SafetyRule =
  | 'drug-allergy'
  | 'cross-reactivity'
  | 'duplicate-ingredient'
  | 'duplicate-class'
  | 'onc-interaction'
  | 'no-check';

export type { DrugClassId, OncInteractionId };
