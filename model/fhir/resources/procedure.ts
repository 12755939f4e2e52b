import { z } from 'zod';
import { Annotation, CodeableConcept, domainResourceFields, Identifier, Period, Quantity, Range, Reference } from '../datatypes.js';
import { choice, choiceRules } from '../choice.js';
import { codeFrom, fhirDateTime, fhirString } from '../primitives.js';

const performed = { DateTime: fhirDateTime, Period, String: fhirString, Age: Quantity, Range };

export const Procedure = z.looseObject({
  resourceType: z.literal('Procedure'),
  ...domainResourceFields,
  identifier: z.array(Identifier).optional(),
  basedOn: z.array(Reference).optional(),
  partOf: z.array(Reference).optional(),
  status: codeFrom(['preparation', 'in-progress', 'not-done', 'on-hold', 'stopped', 'completed', 'entered-in-error', 'unknown']),
  statusReason: CodeableConcept.optional(),
  category: CodeableConcept.optional(),
  code: CodeableConcept.optional(),
  subject: Reference,
  encounter: Reference.optional(),
  ...choice('performed', performed),
  recorder: Reference.optional(),
  asserter: Reference.optional(),
  performer: z.array(z.looseObject({
    function: CodeableConcept.optional(),
    actor: Reference,
    onBehalfOf: Reference.optional(),
  })).optional(),
  location: Reference.optional(),
  reasonCode: z.array(CodeableConcept).optional(),
  reasonReference: z.array(Reference).optional(),
  bodySite: z.array(CodeableConcept).optional(),
  outcome: CodeableConcept.optional(),
  report: z.array(Reference).optional(),
  complication: z.array(CodeableConcept).optional(),
  followUp: z.array(CodeableConcept).optional(),
  note: z.array(Annotation).optional(),
}).superRefine(choiceRules({ name: 'performed', types: Object.keys(performed) }));
export type Procedure = z.infer<typeof Procedure>;
