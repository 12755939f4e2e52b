// The kit's clinical rules: pure functions over model/ types, the same in
// Node and in the browser. Every text for people has an English default
// kept in one messages object per module, for translation.
export * from './allergy-status.js';
export { allergyMessages } from './allergy-messages.js';
export {
  allergyEntry,
  classifyAllergy,
  noKnownScope,
  type AllergyValue,
  type HeadKind,
  type Placement,
} from './allergy-entry.js';
export * from './dose-format.js';
export { timingWords, timingMessages } from './dose-timing.js';
export { routeWords } from './dose-route.js';
export { unitWords, unitFor, type UnitWords } from './dose-units.js';
export * from './number-format.js';
export * from './ucum-written.js';
export * from './tall-man.js';
export { TALL_MAN_SETS, type TallManSet } from './data/tall-man-lettering.js';
export * from './vital-signs.js';
export * from './observations-due.js';
export * from './patient-death.js';
export * from './adult-age.js';
export * from './pregnancy.js';
export * from './news2.js';
export * from './news2-observations.js';
export { listInWords, wordsMessages } from './words.js';
export * from './note-types.js';
export * from './note-templates.js';
export * from './note-document.js';
export * from './note-integrity.js';
export { noteMessages } from './note-messages.js';
export { conceptLabel } from './coding.js';
export * from './problem-status.js';
export { searchProblems, problemName } from './problem-search.js';
export { COMMON_PROBLEMS, type CommonProblem } from './data/common-problems.js';
export { resultValue, resultRange, resultFlag, reportResultMessages } from './report-result.js';
export * from './medication-safety/index.js';
export * from './lab-results.js';
