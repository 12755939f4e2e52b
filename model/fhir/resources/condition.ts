import { z } from 'zod';
import { Annotation, CodeableConcept, domainResourceFields, Identifier, Period, Quantity, Range, Reference } from '../datatypes.js';
import { choice, choiceRules } from '../choice.js';
import { requiredCoding } from '../coded-status.js';
import { CONDITION_CLINICAL, CONDITION_CLINICAL_CODES, CONDITION_VERIFICATION, CONDITION_VERIFICATION_CODES } from '../code-systems.js';
import { fhirDateTime, fhirString } from '../primitives.js';

const onsetOrAbatement = { DateTime: fhirDateTime, Age: Quantity, Period, Range, String: fhirString };

export const Condition = z.looseObject({
  resourceType: z.literal('Condition'),
  ...domainResourceFields,
  identifier: z.array(Identifier).optional(),
  clinicalStatus: CodeableConcept.optional(),
  verificationStatus: CodeableConcept.optional(),
  category: z.array(CodeableConcept).optional(),
  severity: CodeableConcept.optional(),
  code: CodeableConcept.optional(),
  bodySite: z.array(CodeableConcept).optional(),
  subject: Reference,
  encounter: Reference.optional(),
  ...choice('onset', onsetOrAbatement),
  ...choice('abatement', { ...onsetOrAbatement }),
  recordedDate: fhirDateTime.optional(),
  recorder: Reference.optional(),
  asserter: Reference.optional(),
  note: z.array(Annotation).optional(),
})
  .superRefine(choiceRules(
    { name: 'onset', types: Object.keys(onsetOrAbatement) },
    { name: 'abatement', types: Object.keys(onsetOrAbatement) },
  ))
  .superRefine(requiredCoding('clinicalStatus', CONDITION_CLINICAL, CONDITION_CLINICAL_CODES))
  .superRefine(requiredCoding('verificationStatus', CONDITION_VERIFICATION, CONDITION_VERIFICATION_CODES));
export type Condition = z.infer<typeof Condition>;
