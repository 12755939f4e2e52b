import { COMMON_PROBLEMS, type CommonProblem } from './data/common-problems.js';

// The search of the shipped subset of common problems: every word typed
// must begin a word of the display ("diab ret" finds "Diabetic retinopathy
// associated with type II diabetes mellitus"), or the query is the code.
// Semantic tags ("(disorder)") are not searched.

const SEMANTIC_TAG = /\s*\((disorder|finding|situation)\)$/;

/** The display without its SNOMED CT semantic tag, as people read it. */
export function problemName(display: string): string {
  return display.replace(SEMANTIC_TAG, '');
}

const words = (text: string) =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

const INDEX = COMMON_PROBLEMS.map((problem) => ({
  problem,
  words: words(problemName(problem.display)),
}));

/** Problems matching what was typed, at most `limit`, those whose name starts with it first. */
export function searchProblems(query: string, limit = 8): CommonProblem[] {
  const typed = words(query);
  if (typed.length === 0) return [];
  const code = query.trim();
  const found = INDEX.filter(
    (entry) =>
      entry.problem.code === code ||
      typed.every((word) => entry.words.some((own) => own.startsWith(word))),
  );
  const first = typed[0]!;
  return found
    .sort((a, b) => Number(!a.words[0]!.startsWith(first)) - Number(!b.words[0]!.startsWith(first)))
    .slice(0, limit)
    .map((entry) => entry.problem);
}
