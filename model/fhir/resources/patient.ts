import { z } from 'zod';
import { Address, CodeableConcept, ContactPoint, domainResourceFields, HumanName, Identifier, Reference } from '../datatypes.js';
import { choice, choiceRules } from '../choice.js';
import { codeFrom, fhirBoolean, fhirDate, fhirDateTime, fhirInteger } from '../primitives.js';

export const Patient = z.looseObject({
  resourceType: z.literal('Patient'),
  ...domainResourceFields,
  identifier: z.array(Identifier).optional(),
  active: fhirBoolean.optional(),
  name: z.array(HumanName).optional(),
  telecom: z.array(ContactPoint).optional(),
  gender: codeFrom(['male', 'female', 'other', 'unknown']).optional(),
  birthDate: fhirDate.optional(),
  ...choice('deceased', { Boolean: fhirBoolean, DateTime: fhirDateTime }),
  address: z.array(Address).optional(),
  maritalStatus: CodeableConcept.optional(),
  ...choice('multipleBirth', { Boolean: fhirBoolean, Integer: fhirInteger }),
  generalPractitioner: z.array(Reference).optional(),
  managingOrganization: Reference.optional(),
}).superRefine(choiceRules(
  { name: 'deceased', types: ['Boolean', 'DateTime'] },
  { name: 'multipleBirth', types: ['Boolean', 'Integer'] },
));
export type Patient = z.infer<typeof Patient>;
