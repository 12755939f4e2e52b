import * as z from 'zod/mini';
import {
  Annotation,
  CodeableConcept,
  domainResourceFields,
  Identifier,
  Period,
  Quantity,
  Range,
  Reference,
} from '../datatypes.js';
import { choice, choiceRules } from '../choice.js';
import { codeIn, requiredCoding } from '../coded-status.js';
import {
  ALLERGY_CLINICAL,
  ALLERGY_CLINICAL_CODES,
  ALLERGY_VERIFICATION,
  ALLERGY_VERIFICATION_CODES,
} from '../code-systems.js';
import { codeFrom, fhirDateTime, fhirString } from '../primitives.js';

export const AllergyCategory = codeFrom(['food', 'medication', 'environment', 'biologic']);
export const AllergyCriticality = codeFrom(['low', 'high', 'unable-to-assess']);
export const ReactionSeverity = codeFrom(['mild', 'moderate', 'severe']);

const onset = { DateTime: fhirDateTime, Age: Quantity, Period, Range, String: fhirString };

export const AllergyReaction = z.looseObject({
  substance: z.optional(CodeableConcept),
  manifestation: z
    .array(CodeableConcept)
    .check(z.minLength(1, 'a reaction needs at least one manifestation')),
  description: z.optional(fhirString),
  onset: z.optional(fhirDateTime),
  severity: z.optional(ReactionSeverity),
  exposureRoute: z.optional(CodeableConcept),
  note: z.optional(z.array(Annotation)),
});

export const AllergyIntolerance = z
  .looseObject({
    resourceType: z.literal('AllergyIntolerance'),
    ...domainResourceFields,
    identifier: z.optional(z.array(Identifier)),
    clinicalStatus: z.optional(CodeableConcept),
    verificationStatus: z.optional(CodeableConcept),
    type: z.optional(codeFrom(['allergy', 'intolerance'])),
    category: z.optional(z.array(AllergyCategory)),
    criticality: z.optional(AllergyCriticality),
    code: z.optional(CodeableConcept),
    patient: Reference,
    encounter: z.optional(Reference),
    ...choice('onset', onset),
    recordedDate: z.optional(fhirDateTime),
    recorder: z.optional(Reference),
    asserter: z.optional(Reference),
    lastOccurrence: z.optional(fhirDateTime),
    note: z.optional(z.array(Annotation)),
    reaction: z.optional(z.array(AllergyReaction)),
  })
  .check(z.superRefine(choiceRules({ name: 'onset', types: Object.keys(onset) })))
  .check(z.superRefine(requiredCoding('clinicalStatus', ALLERGY_CLINICAL, ALLERGY_CLINICAL_CODES)))
  .check(
    z.superRefine(
      requiredCoding('verificationStatus', ALLERGY_VERIFICATION, ALLERGY_VERIFICATION_CODES),
    ),
  )
  .check(
    z.superRefine((allergy, ctx) => {
      // ait-2: an entered-in-error record has no clinical status.
      if (
        codeIn(allergy.verificationStatus, ALLERGY_VERIFICATION) === 'entered-in-error' &&
        allergy.clinicalStatus
      ) {
        ctx.addIssue({
          code: 'custom',
          path: ['clinicalStatus'],
          message: 'must be absent when verificationStatus is entered-in-error (ait-2)',
        });
      }
    }),
  );
export type AllergyIntolerance = z.infer<typeof AllergyIntolerance>;
