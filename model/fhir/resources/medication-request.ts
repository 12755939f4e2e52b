import { z } from 'zod';
import { Annotation, CodeableConcept, Dosage, domainResourceFields, Identifier, Period, Reference, SimpleQuantity } from '../datatypes.js';
import { choice, choiceRules } from '../choice.js';
import { codeFrom, fhirBoolean, fhirDateTime, fhirUnsignedInt } from '../primitives.js';

export const MedicationRequestStatus = codeFrom([
  'active', 'on-hold', 'cancelled', 'completed', 'entered-in-error', 'stopped', 'draft', 'unknown',
]);

export const MedicationRequest = z.looseObject({
  resourceType: z.literal('MedicationRequest'),
  ...domainResourceFields,
  identifier: z.array(Identifier).optional(),
  status: MedicationRequestStatus,
  statusReason: CodeableConcept.optional(),
  intent: codeFrom(['proposal', 'plan', 'order', 'original-order', 'reflex-order', 'filler-order', 'instance-order', 'option']),
  category: z.array(CodeableConcept).optional(),
  priority: codeFrom(['routine', 'urgent', 'asap', 'stat']).optional(),
  doNotPerform: fhirBoolean.optional(),
  ...choice('reported', { Boolean: fhirBoolean, Reference }),
  ...choice('medication', { CodeableConcept, Reference }),
  subject: Reference,
  encounter: Reference.optional(),
  authoredOn: fhirDateTime.optional(),
  requester: Reference.optional(),
  performer: Reference.optional(),
  recorder: Reference.optional(),
  reasonCode: z.array(CodeableConcept).optional(),
  reasonReference: z.array(Reference).optional(),
  courseOfTherapyType: CodeableConcept.optional(),
  note: z.array(Annotation).optional(),
  dosageInstruction: z.array(Dosage).optional(),
  dispenseRequest: z.looseObject({
    validityPeriod: Period.optional(),
    numberOfRepeatsAllowed: fhirUnsignedInt.optional(),
    quantity: SimpleQuantity.optional(),
    performer: Reference.optional(),
  }).optional(),
  priorPrescription: Reference.optional(),
}).superRefine(choiceRules(
  { name: 'reported', types: ['Boolean', 'Reference'] },
  { name: 'medication', types: ['CodeableConcept', 'Reference'], required: true },
));
export type MedicationRequest = z.infer<typeof MedicationRequest>;
