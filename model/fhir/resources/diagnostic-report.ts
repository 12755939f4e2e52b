import { z } from 'zod';
import { Attachment, CodeableConcept, domainResourceFields, Identifier, Period, Reference } from '../datatypes.js';
import { choice, choiceRules } from '../choice.js';
import { codeFrom, fhirDateTime, fhirInstant, fhirString } from '../primitives.js';

export const DiagnosticReport = z.looseObject({
  resourceType: z.literal('DiagnosticReport'),
  ...domainResourceFields,
  identifier: z.array(Identifier).optional(),
  basedOn: z.array(Reference).optional(),
  status: codeFrom([
    'registered', 'partial', 'preliminary', 'final', 'amended', 'corrected', 'appended', 'cancelled', 'entered-in-error', 'unknown',
  ]),
  category: z.array(CodeableConcept).optional(),
  code: CodeableConcept,
  subject: Reference.optional(),
  encounter: Reference.optional(),
  ...choice('effective', { DateTime: fhirDateTime, Period }),
  issued: fhirInstant.optional(),
  performer: z.array(Reference).optional(),
  resultsInterpreter: z.array(Reference).optional(),
  specimen: z.array(Reference).optional(),
  result: z.array(Reference).optional(),
  imagingStudy: z.array(Reference).optional(),
  media: z.array(z.looseObject({ comment: fhirString.optional(), link: Reference })).optional(),
  conclusion: fhirString.optional(),
  conclusionCode: z.array(CodeableConcept).optional(),
  presentedForm: z.array(Attachment).optional(),
}).superRefine(choiceRules({ name: 'effective', types: ['DateTime', 'Period'] }));
export type DiagnosticReport = z.infer<typeof DiagnosticReport>;
