import * as z from 'zod/mini';
import {
  Annotation,
  CodeableConcept,
  Dosage,
  domainResourceFields,
  Identifier,
  Period,
  Reference,
  SimpleQuantity,
} from '../datatypes.js';
import { choice, choiceRules } from '../choice.js';
import { codeFrom, fhirBoolean, fhirDateTime, fhirUnsignedInt } from '../primitives.js';

export const MedicationRequestStatus = codeFrom([
  'active',
  'on-hold',
  'cancelled',
  'completed',
  'entered-in-error',
  'stopped',
  'draft',
  'unknown',
]);

export const MedicationRequest = z
  .looseObject({
    resourceType: z.literal('MedicationRequest'),
    ...domainResourceFields,
    identifier: z.optional(z.array(Identifier)),
    status: MedicationRequestStatus,
    statusReason: z.optional(CodeableConcept),
    intent: codeFrom([
      'proposal',
      'plan',
      'order',
      'original-order',
      'reflex-order',
      'filler-order',
      'instance-order',
      'option',
    ]),
    category: z.optional(z.array(CodeableConcept)),
    priority: z.optional(codeFrom(['routine', 'urgent', 'asap', 'stat'])),
    doNotPerform: z.optional(fhirBoolean),
    ...choice('reported', { Boolean: fhirBoolean, Reference }),
    ...choice('medication', { CodeableConcept, Reference }),
    subject: Reference,
    encounter: z.optional(Reference),
    authoredOn: z.optional(fhirDateTime),
    requester: z.optional(Reference),
    performer: z.optional(Reference),
    recorder: z.optional(Reference),
    reasonCode: z.optional(z.array(CodeableConcept)),
    reasonReference: z.optional(z.array(Reference)),
    courseOfTherapyType: z.optional(CodeableConcept),
    note: z.optional(z.array(Annotation)),
    dosageInstruction: z.optional(z.array(Dosage)),
    dispenseRequest: z.optional(
      z.looseObject({
        validityPeriod: z.optional(Period),
        numberOfRepeatsAllowed: z.optional(fhirUnsignedInt),
        quantity: z.optional(SimpleQuantity),
        performer: z.optional(Reference),
      }),
    ),
    priorPrescription: z.optional(Reference),
  })
  .check(
    z.superRefine(
      choiceRules(
        { name: 'reported', types: ['Boolean', 'Reference'] },
        { name: 'medication', types: ['CodeableConcept', 'Reference'], required: true },
      ),
    ),
  );
export type MedicationRequest = z.infer<typeof MedicationRequest>;
