import { z } from 'zod';
import { CodeableConcept, Coding, domainResourceFields, Identifier, Period, Quantity, Reference } from '../datatypes.js';
import { codeFrom, fhirPositiveInt } from '../primitives.js';

export const EncounterStatus = codeFrom([
  'planned', 'arrived', 'triaged', 'in-progress', 'onleave', 'finished', 'cancelled', 'entered-in-error', 'unknown',
]);

export const Encounter = z.looseObject({
  resourceType: z.literal('Encounter'),
  ...domainResourceFields,
  identifier: z.array(Identifier).optional(),
  status: EncounterStatus,
  statusHistory: z.array(z.looseObject({ status: EncounterStatus, period: Period })).optional(),
  class: Coding,
  type: z.array(CodeableConcept).optional(),
  serviceType: CodeableConcept.optional(),
  priority: CodeableConcept.optional(),
  subject: Reference.optional(),
  episodeOfCare: z.array(Reference).optional(),
  basedOn: z.array(Reference).optional(),
  participant: z.array(z.looseObject({
    type: z.array(CodeableConcept).optional(),
    period: Period.optional(),
    individual: Reference.optional(),
  })).optional(),
  appointment: z.array(Reference).optional(),
  period: Period.optional(),
  length: Quantity.optional(),
  reasonCode: z.array(CodeableConcept).optional(),
  reasonReference: z.array(Reference).optional(),
  diagnosis: z.array(z.looseObject({
    condition: Reference,
    use: CodeableConcept.optional(),
    rank: fhirPositiveInt.optional(),
  })).optional(),
  hospitalization: z.looseObject({}).optional(),
  location: z.array(z.looseObject({
    location: Reference,
    status: codeFrom(['planned', 'active', 'reserved', 'completed']).optional(),
    period: Period.optional(),
  })).optional(),
  serviceProvider: Reference.optional(),
  partOf: Reference.optional(),
});
export type Encounter = z.infer<typeof Encounter>;
