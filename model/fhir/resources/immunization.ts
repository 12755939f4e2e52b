import * as z from 'zod/mini';
import {
  Annotation,
  CodeableConcept,
  domainResourceFields,
  Identifier,
  Reference,
  SimpleQuantity,
} from '../datatypes.js';
import { choice, choiceRules } from '../choice.js';
import { codeFrom, fhirBoolean, fhirDate, fhirDateTime, fhirString } from '../primitives.js';

export const Immunization = z
  .looseObject({
    resourceType: z.literal('Immunization'),
    ...domainResourceFields,
    identifier: z.optional(z.array(Identifier)),
    status: codeFrom(['completed', 'entered-in-error', 'not-done']),
    statusReason: z.optional(CodeableConcept),
    vaccineCode: CodeableConcept,
    patient: Reference,
    encounter: z.optional(Reference),
    ...choice('occurrence', { DateTime: fhirDateTime, String: fhirString }),
    recorded: z.optional(fhirDateTime),
    primarySource: z.optional(fhirBoolean),
    reportOrigin: z.optional(CodeableConcept),
    location: z.optional(Reference),
    manufacturer: z.optional(Reference),
    lotNumber: z.optional(fhirString),
    expirationDate: z.optional(fhirDate),
    site: z.optional(CodeableConcept),
    route: z.optional(CodeableConcept),
    doseQuantity: z.optional(SimpleQuantity),
    performer: z.optional(
      z.array(z.looseObject({ function: z.optional(CodeableConcept), actor: Reference })),
    ),
    note: z.optional(z.array(Annotation)),
    reasonCode: z.optional(z.array(CodeableConcept)),
    reasonReference: z.optional(z.array(Reference)),
    isSubpotent: z.optional(fhirBoolean),
  })
  .check(
    z.superRefine(
      choiceRules({ name: 'occurrence', types: ['DateTime', 'String'], required: true }),
    ),
  );
export type Immunization = z.infer<typeof Immunization>;
