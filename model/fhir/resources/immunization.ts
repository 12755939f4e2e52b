import { z } from 'zod';
import { Annotation, CodeableConcept, domainResourceFields, Identifier, Reference, SimpleQuantity } from '../datatypes.js';
import { choice, choiceRules } from '../choice.js';
import { codeFrom, fhirBoolean, fhirDate, fhirDateTime, fhirString } from '../primitives.js';

export const Immunization = z.looseObject({
  resourceType: z.literal('Immunization'),
  ...domainResourceFields,
  identifier: z.array(Identifier).optional(),
  status: codeFrom(['completed', 'entered-in-error', 'not-done']),
  statusReason: CodeableConcept.optional(),
  vaccineCode: CodeableConcept,
  patient: Reference,
  encounter: Reference.optional(),
  ...choice('occurrence', { DateTime: fhirDateTime, String: fhirString }),
  recorded: fhirDateTime.optional(),
  primarySource: fhirBoolean.optional(),
  reportOrigin: CodeableConcept.optional(),
  location: Reference.optional(),
  manufacturer: Reference.optional(),
  lotNumber: fhirString.optional(),
  expirationDate: fhirDate.optional(),
  site: CodeableConcept.optional(),
  route: CodeableConcept.optional(),
  doseQuantity: SimpleQuantity.optional(),
  performer: z.array(z.looseObject({ function: CodeableConcept.optional(), actor: Reference })).optional(),
  note: z.array(Annotation).optional(),
  reasonCode: z.array(CodeableConcept).optional(),
  reasonReference: z.array(Reference).optional(),
  isSubpotent: fhirBoolean.optional(),
}).superRefine(choiceRules({ name: 'occurrence', types: ['DateTime', 'String'], required: true }));
export type Immunization = z.infer<typeof Immunization>;
