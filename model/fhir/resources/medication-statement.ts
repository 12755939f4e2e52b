import { z } from 'zod';
import { Annotation, CodeableConcept, Dosage, domainResourceFields, Identifier, Period, Reference } from '../datatypes.js';
import { choice, choiceRules } from '../choice.js';
import { codeFrom, fhirDateTime } from '../primitives.js';

export const MedicationStatementStatus = codeFrom([
  'active', 'completed', 'entered-in-error', 'intended', 'stopped', 'on-hold', 'unknown', 'not-taken',
]);

export const MedicationStatement = z.looseObject({
  resourceType: z.literal('MedicationStatement'),
  ...domainResourceFields,
  identifier: z.array(Identifier).optional(),
  basedOn: z.array(Reference).optional(),
  partOf: z.array(Reference).optional(),
  status: MedicationStatementStatus,
  statusReason: z.array(CodeableConcept).optional(),
  category: CodeableConcept.optional(),
  ...choice('medication', { CodeableConcept, Reference }),
  subject: Reference,
  context: Reference.optional(),
  ...choice('effective', { DateTime: fhirDateTime, Period }),
  dateAsserted: fhirDateTime.optional(),
  informationSource: Reference.optional(),
  derivedFrom: z.array(Reference).optional(),
  reasonCode: z.array(CodeableConcept).optional(),
  reasonReference: z.array(Reference).optional(),
  note: z.array(Annotation).optional(),
  dosage: z.array(Dosage).optional(),
}).superRefine(choiceRules(
  { name: 'medication', types: ['CodeableConcept', 'Reference'], required: true },
  { name: 'effective', types: ['DateTime', 'Period'] },
));
export type MedicationStatement = z.infer<typeof MedicationStatement>;
