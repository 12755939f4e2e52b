import type { CodeableConcept, Coding } from '../model/index.js';

// Small readers over CodeableConcept shared by the clinical rules.

/** True when the concept has a coding in `system` with one of `codes`. */
export function hasCode(
  concept: CodeableConcept | undefined,
  system: string,
  codes: Iterable<string>,
): boolean {
  const wanted = new Set(codes);
  return (
    concept?.coding?.some(
      (c) => c.system === system && c.code !== undefined && wanted.has(c.code),
    ) ?? false
  );
}

/** The first coding in `system` whose code is a key of `table`, mapped through it. */
export function lookUp<T>(
  concept: CodeableConcept | undefined,
  system: string,
  table: Readonly<Record<string, T>>,
): T | undefined {
  for (const coding of concept?.coding ?? []) {
    if (coding.system === system && coding.code !== undefined && Object.hasOwn(table, coding.code))
      return table[coding.code];
  }
  return undefined;
}

/** What a person calls the concept: its text, else the first display, else undefined. */
export function conceptLabel(concept: CodeableConcept | undefined): string | undefined {
  const text = concept?.text?.trim();
  if (text) return text;
  return concept?.coding?.map((c: Coding) => c.display?.trim()).find((d) => d) ?? undefined;
}

/**
 * A terminology display inside a sentence: "Wheezing" → "wheezing", but
 * "COPD" and "HIV infection" keep their capitals.
 */
export function inSentence(label: string): string {
  const [first = '', second = ''] = label;
  if (second && second === second.toUpperCase() && second !== second.toLowerCase()) return label;
  return first.toLowerCase() + label.slice(1);
}
