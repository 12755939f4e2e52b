import * as z from 'zod/mini';
import {
  CodeableConcept,
  Coding,
  domainResourceFields,
  Identifier,
  Period,
  Quantity,
  Reference,
} from '../datatypes.js';
import { codeFrom, fhirPositiveInt } from '../primitives.js';

export const EncounterStatus = codeFrom([
  'planned',
  'arrived',
  'triaged',
  'in-progress',
  'onleave',
  'finished',
  'cancelled',
  'entered-in-error',
  'unknown',
]);

export const Encounter = z.looseObject({
  resourceType: z.literal('Encounter'),
  ...domainResourceFields,
  identifier: z.optional(z.array(Identifier)),
  status: EncounterStatus,
  statusHistory: z.optional(z.array(z.looseObject({ status: EncounterStatus, period: Period }))),
  class: Coding,
  type: z.optional(z.array(CodeableConcept)),
  serviceType: z.optional(CodeableConcept),
  priority: z.optional(CodeableConcept),
  subject: z.optional(Reference),
  episodeOfCare: z.optional(z.array(Reference)),
  basedOn: z.optional(z.array(Reference)),
  participant: z.optional(
    z.array(
      z.looseObject({
        type: z.optional(z.array(CodeableConcept)),
        period: z.optional(Period),
        individual: z.optional(Reference),
      }),
    ),
  ),
  appointment: z.optional(z.array(Reference)),
  period: z.optional(Period),
  length: z.optional(Quantity),
  reasonCode: z.optional(z.array(CodeableConcept)),
  reasonReference: z.optional(z.array(Reference)),
  diagnosis: z.optional(
    z.array(
      z.looseObject({
        condition: Reference,
        use: z.optional(CodeableConcept),
        rank: z.optional(fhirPositiveInt),
      }),
    ),
  ),
  hospitalization: z.optional(z.looseObject({})),
  location: z.optional(
    z.array(
      z.looseObject({
        location: Reference,
        status: z.optional(codeFrom(['planned', 'active', 'reserved', 'completed'])),
        period: z.optional(Period),
      }),
    ),
  ),
  serviceProvider: z.optional(Reference),
  partOf: z.optional(Reference),
});
export type Encounter = z.infer<typeof Encounter>;
