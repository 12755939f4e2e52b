import * as z from 'zod/mini';
import {
  Address,
  CodeableConcept,
  ContactPoint,
  domainResourceFields,
  HumanName,
  Identifier,
  Reference,
} from '../datatypes.js';
import { choice, choiceRules } from '../choice.js';
import { codeFrom, fhirBoolean, fhirDate, fhirDateTime, fhirInteger } from '../primitives.js';

export const Patient = z
  .looseObject({
    resourceType: z.literal('Patient'),
    ...domainResourceFields,
    identifier: z.optional(z.array(Identifier)),
    active: z.optional(fhirBoolean),
    name: z.optional(z.array(HumanName)),
    telecom: z.optional(z.array(ContactPoint)),
    gender: z.optional(codeFrom(['male', 'female', 'other', 'unknown'])),
    birthDate: z.optional(fhirDate),
    ...choice('deceased', { Boolean: fhirBoolean, DateTime: fhirDateTime }),
    address: z.optional(z.array(Address)),
    maritalStatus: z.optional(CodeableConcept),
    ...choice('multipleBirth', { Boolean: fhirBoolean, Integer: fhirInteger }),
    generalPractitioner: z.optional(z.array(Reference)),
    managingOrganization: z.optional(Reference),
  })
  .check(
    z.superRefine(
      choiceRules(
        { name: 'deceased', types: ['Boolean', 'DateTime'] },
        { name: 'multipleBirth', types: ['Boolean', 'Integer'] },
      ),
    ),
  );
export type Patient = z.infer<typeof Patient>;
