import { z } from 'zod';
import { Annotation, CodeableConcept, domainResourceFields, Identifier, Period, Quantity, Range, Reference } from '../datatypes.js';
import { choice, choiceRules } from '../choice.js';
import { codeIn, requiredCoding } from '../coded-status.js';
import { ALLERGY_CLINICAL, ALLERGY_CLINICAL_CODES, ALLERGY_VERIFICATION, ALLERGY_VERIFICATION_CODES } from '../code-systems.js';
import { codeFrom, fhirDateTime, fhirString } from '../primitives.js';

export const AllergyCategory = codeFrom(['food', 'medication', 'environment', 'biologic']);
export const AllergyCriticality = codeFrom(['low', 'high', 'unable-to-assess']);
export const ReactionSeverity = codeFrom(['mild', 'moderate', 'severe']);

const onset = { DateTime: fhirDateTime, Age: Quantity, Period, Range, String: fhirString };

export const AllergyReaction = z.looseObject({
  substance: CodeableConcept.optional(),
  manifestation: z.array(CodeableConcept).min(1, 'a reaction needs at least one manifestation'),
  description: fhirString.optional(),
  onset: fhirDateTime.optional(),
  severity: ReactionSeverity.optional(),
  exposureRoute: CodeableConcept.optional(),
  note: z.array(Annotation).optional(),
});

export const AllergyIntolerance = z.looseObject({
  resourceType: z.literal('AllergyIntolerance'),
  ...domainResourceFields,
  identifier: z.array(Identifier).optional(),
  clinicalStatus: CodeableConcept.optional(),
  verificationStatus: CodeableConcept.optional(),
  type: codeFrom(['allergy', 'intolerance']).optional(),
  category: z.array(AllergyCategory).optional(),
  criticality: AllergyCriticality.optional(),
  code: CodeableConcept.optional(),
  patient: Reference,
  encounter: Reference.optional(),
  ...choice('onset', onset),
  recordedDate: fhirDateTime.optional(),
  recorder: Reference.optional(),
  asserter: Reference.optional(),
  lastOccurrence: fhirDateTime.optional(),
  note: z.array(Annotation).optional(),
  reaction: z.array(AllergyReaction).optional(),
})
  .superRefine(choiceRules({ name: 'onset', types: Object.keys(onset) }))
  .superRefine(requiredCoding('clinicalStatus', ALLERGY_CLINICAL, ALLERGY_CLINICAL_CODES))
  .superRefine(requiredCoding('verificationStatus', ALLERGY_VERIFICATION, ALLERGY_VERIFICATION_CODES))
  .superRefine((allergy, ctx) => {
    // ait-2: an entered-in-error record has no clinical status.
    if (codeIn(allergy.verificationStatus, ALLERGY_VERIFICATION) === 'entered-in-error' && allergy.clinicalStatus) {
      ctx.addIssue({ code: 'custom', path: ['clinicalStatus'], message: 'must be absent when verificationStatus is entered-in-error (ait-2)' });
    }
  });
export type AllergyIntolerance = z.infer<typeof AllergyIntolerance>;
