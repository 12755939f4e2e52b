import type { CodedConcept } from './data/coded-concept.js';

// Search over a shipped list of coded concepts, as a clinician types: every
// word typed must begin a word of the name ("amox 500" finds "amoxicillin
// 500 MG Oral Capsule"), in any order, any case. Names that begin with the
// first word come first. A code typed whole finds its concept.

export type { CodedConcept } from './data/coded-concept.js';

const words = (text: string) =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}.]+/u)
    .filter(Boolean);

/** The concepts that match `query`, best first, at most `limit`. Nothing for an empty query. */
export function searchCoded<C extends CodedConcept>(
  list: readonly C[],
  query: string,
  limit = 8,
): C[] {
  const typed = words(query);
  if (!typed.length) return [];
  const exact = list.filter((concept) => concept.code === query.trim());
  if (exact.length) return exact.slice(0, limit);
  const scored: Array<{ concept: C; score: number }> = [];
  for (const concept of list) {
    const name = words(concept.display);
    if (!typed.every((word) => name.some((part) => part.startsWith(word)))) continue;
    scored.push({ concept, score: name[0]!.startsWith(typed[0]!) ? 0 : 1 });
  }
  return scored
    .sort((a, b) => a.score - b.score)
    .slice(0, limit)
    .map((entry) => entry.concept);
}

/** The concept with this system and code, if the list has it. */
export function findCoded<C extends CodedConcept>(
  list: readonly C[],
  system: string | undefined,
  code: string | undefined,
): C | undefined {
  return list.find((concept) => concept.system === system && concept.code === code);
}
