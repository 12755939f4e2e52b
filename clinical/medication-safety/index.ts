// The kit's medication-safety checks: pure functions over FHIR R4 resources
// that answer in CDS Hooks cards.
export { checkMedication, type CheckMedicationInput } from './check-medication.js';
export { checkAllergy, type CheckAllergyInput } from './check-allergy.js';
export { reviewChart, type ReviewChartInput } from './review-chart.js';
export { medicationSafetyMessages } from './messages.js';
export { overrideReasonsFor, type OverrideReasonCode } from './override-reasons.js';
export { KIT_SAFETY_RULE } from './card-sources.js';
export type { SafetyRule, UnreadableReason } from './types.js';
