import * as z from 'zod/mini';
import {
  Annotation,
  CodeableConcept,
  Dosage,
  domainResourceFields,
  Identifier,
  Period,
  Reference,
} from '../datatypes.js';
import { choice, choiceRules } from '../choice.js';
import { codeFrom, fhirDateTime } from '../primitives.js';

export const MedicationStatementStatus = codeFrom([
  'active',
  'completed',
  'entered-in-error',
  'intended',
  'stopped',
  'on-hold',
  'unknown',
  'not-taken',
]);

export const MedicationStatement = z
  .looseObject({
    resourceType: z.literal('MedicationStatement'),
    ...domainResourceFields,
    identifier: z.optional(z.array(Identifier)),
    basedOn: z.optional(z.array(Reference)),
    partOf: z.optional(z.array(Reference)),
    status: MedicationStatementStatus,
    statusReason: z.optional(z.array(CodeableConcept)),
    category: z.optional(CodeableConcept),
    ...choice('medication', { CodeableConcept, Reference }),
    subject: Reference,
    context: z.optional(Reference),
    ...choice('effective', { DateTime: fhirDateTime, Period }),
    dateAsserted: z.optional(fhirDateTime),
    informationSource: z.optional(Reference),
    derivedFrom: z.optional(z.array(Reference)),
    reasonCode: z.optional(z.array(CodeableConcept)),
    reasonReference: z.optional(z.array(Reference)),
    note: z.optional(z.array(Annotation)),
    dosage: z.optional(z.array(Dosage)),
  })
  .check(
    z.superRefine(
      choiceRules(
        { name: 'medication', types: ['CodeableConcept', 'Reference'], required: true },
        { name: 'effective', types: ['DateTime', 'Period'] },
      ),
    ),
  );
export type MedicationStatement = z.infer<typeof MedicationStatement>;
