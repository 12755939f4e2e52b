import type { AllergyValue } from '../../clinical/index.js';
import { bannerMessages as messages, type ConflictField } from './allergy-banner.messages.js';

// What differs between the heads of a record in conflict, field by field,
// each value with who wrote it and when: "criticality high (Dr A, 10:02) /
// low (Nurse B, 10:05)". The banner shows every value and picks none.

export interface ConflictDifference {
  field: ConflictField;
  /** One per head, oldest first. */
  values: Array<{ text: string; value: AllergyValue }>;
}

const FIELDS: readonly ConflictField[] = [
  'label',
  'kind',
  'criticality',
  'worstSeverity',
  'reactions',
  'categories',
  'verification',
];

function textOf(field: ConflictField, value: AllergyValue): string {
  const words = messages.conflict;
  switch (field) {
    case 'label':
      return value.label;
    case 'kind':
      return words.kind[value.kind];
    case 'criticality':
      return value.criticality ? words.criticality[value.criticality] : words.notRecorded;
    case 'worstSeverity':
      return value.worstSeverity ?? words.notRecorded;
    case 'verification':
      // A refuted or entered-in-error head is neither confirmed nor unconfirmed: say what it is.
      return value.kind === 'refuted' || value.kind === 'entered-in-error'
        ? words.kind[value.kind]
        : value.verification;
    case 'categories':
      return value.categories.length ? [...value.categories].sort().join(', ') : words.notRecorded;
    case 'reactions':
      return value.reactions.length ? value.reactions.join(', ') : words.notRecorded;
  }
}

/** The heads oldest first: the order in which they were written. */
export function chronological(values: readonly AllergyValue[]): AllergyValue[] {
  return [...values].sort(
    (a, b) => a.at.localeCompare(b.at) || a.revisionId.localeCompare(b.revisionId),
  );
}

/** The fields on which the heads disagree; empty when they differ only in what the banner does not show. */
export function conflictDifferences(values: readonly AllergyValue[]): ConflictDifference[] {
  const heads = chronological(values);
  return FIELDS.flatMap((field) => {
    const texts = heads.map((value) => ({ text: textOf(field, value), value }));
    return new Set(texts.map((t) => t.text)).size > 1 ? [{ field, values: texts }] : [];
  });
}
