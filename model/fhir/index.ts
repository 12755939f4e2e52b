export * from './primitives.js';
export * from './datatypes.js';
export * from './code-systems.js';
export * from './resources.js';
export {
  AllergyCategory,
  AllergyCriticality,
  ReactionSeverity,
  AllergyReaction,
} from './resources/allergy-intolerance.js';
export { MedicationRequestStatus } from './resources/medication-request.js';
export { MedicationStatementStatus } from './resources/medication-statement.js';
export {
  ObservationStatus,
  ObservationComponent,
  ReferenceRange,
} from './resources/observation.js';
export { EncounterStatus } from './resources/encounter.js';
export {
  DocumentReferenceStatus,
  DocumentStatus,
  DocumentRelationship,
} from './resources/document-reference.js';
export { codeIn } from './coded-status.js';
export { DetectedIssueStatus, DetectedIssueMitigation } from './resources/detected-issue.js';
