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
import { codeFrom, fhirDateTime, fhirString } from '../primitives.js';

const performed = { DateTime: fhirDateTime, Period, String: fhirString, Age: Quantity, Range };

export const Procedure = z
  .looseObject({
    resourceType: z.literal('Procedure'),
    ...domainResourceFields,
    identifier: z.optional(z.array(Identifier)),
    basedOn: z.optional(z.array(Reference)),
    partOf: z.optional(z.array(Reference)),
    status: codeFrom([
      'preparation',
      'in-progress',
      'not-done',
      'on-hold',
      'stopped',
      'completed',
      'entered-in-error',
      'unknown',
    ]),
    statusReason: z.optional(CodeableConcept),
    category: z.optional(CodeableConcept),
    code: z.optional(CodeableConcept),
    subject: Reference,
    encounter: z.optional(Reference),
    ...choice('performed', performed),
    recorder: z.optional(Reference),
    asserter: z.optional(Reference),
    performer: z.optional(
      z.array(
        z.looseObject({
          function: z.optional(CodeableConcept),
          actor: Reference,
          onBehalfOf: z.optional(Reference),
        }),
      ),
    ),
    location: z.optional(Reference),
    reasonCode: z.optional(z.array(CodeableConcept)),
    reasonReference: z.optional(z.array(Reference)),
    bodySite: z.optional(z.array(CodeableConcept)),
    outcome: z.optional(CodeableConcept),
    report: z.optional(z.array(Reference)),
    complication: z.optional(z.array(CodeableConcept)),
    followUp: z.optional(z.array(CodeableConcept)),
    note: z.optional(z.array(Annotation)),
  })
  .check(z.superRefine(choiceRules({ name: 'performed', types: Object.keys(performed) })));
export type Procedure = z.infer<typeof Procedure>;
