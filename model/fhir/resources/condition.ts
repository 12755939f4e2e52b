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
import { requiredCoding } from '../coded-status.js';
import {
  CONDITION_CLINICAL,
  CONDITION_CLINICAL_CODES,
  CONDITION_VERIFICATION,
  CONDITION_VERIFICATION_CODES,
} from '../code-systems.js';
import { fhirDateTime, fhirString } from '../primitives.js';

const onsetOrAbatement = {
  DateTime: fhirDateTime,
  Age: Quantity,
  Period,
  Range,
  String: fhirString,
};

export const Condition = z
  .looseObject({
    resourceType: z.literal('Condition'),
    ...domainResourceFields,
    identifier: z.optional(z.array(Identifier)),
    clinicalStatus: z.optional(CodeableConcept),
    verificationStatus: z.optional(CodeableConcept),
    category: z.optional(z.array(CodeableConcept)),
    severity: z.optional(CodeableConcept),
    code: z.optional(CodeableConcept),
    bodySite: z.optional(z.array(CodeableConcept)),
    subject: Reference,
    encounter: z.optional(Reference),
    ...choice('onset', onsetOrAbatement),
    ...choice('abatement', { ...onsetOrAbatement }),
    recordedDate: z.optional(fhirDateTime),
    recorder: z.optional(Reference),
    asserter: z.optional(Reference),
    note: z.optional(z.array(Annotation)),
  })
  .check(
    z.superRefine(
      choiceRules(
        { name: 'onset', types: Object.keys(onsetOrAbatement) },
        { name: 'abatement', types: Object.keys(onsetOrAbatement) },
      ),
    ),
  )
  .check(
    z.superRefine(requiredCoding('clinicalStatus', CONDITION_CLINICAL, CONDITION_CLINICAL_CODES)),
  )
  .check(
    z.superRefine(
      requiredCoding('verificationStatus', CONDITION_VERIFICATION, CONDITION_VERIFICATION_CODES),
    ),
  );
export type Condition = z.infer<typeof Condition>;
