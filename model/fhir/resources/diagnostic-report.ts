import * as z from 'zod/mini';
import {
  Attachment,
  CodeableConcept,
  domainResourceFields,
  Identifier,
  Period,
  Reference,
} from '../datatypes.js';
import { choice, choiceRules } from '../choice.js';
import { codeFrom, fhirDateTime, fhirInstant, fhirString } from '../primitives.js';

export const DiagnosticReport = z
  .looseObject({
    resourceType: z.literal('DiagnosticReport'),
    ...domainResourceFields,
    identifier: z.optional(z.array(Identifier)),
    basedOn: z.optional(z.array(Reference)),
    status: codeFrom([
      'registered',
      'partial',
      'preliminary',
      'final',
      'amended',
      'corrected',
      'appended',
      'cancelled',
      'entered-in-error',
      'unknown',
    ]),
    category: z.optional(z.array(CodeableConcept)),
    code: CodeableConcept,
    subject: z.optional(Reference),
    encounter: z.optional(Reference),
    ...choice('effective', { DateTime: fhirDateTime, Period }),
    issued: z.optional(fhirInstant),
    performer: z.optional(z.array(Reference)),
    resultsInterpreter: z.optional(z.array(Reference)),
    specimen: z.optional(z.array(Reference)),
    result: z.optional(z.array(Reference)),
    imagingStudy: z.optional(z.array(Reference)),
    media: z.optional(z.array(z.looseObject({ comment: z.optional(fhirString), link: Reference }))),
    conclusion: z.optional(fhirString),
    conclusionCode: z.optional(z.array(CodeableConcept)),
    presentedForm: z.optional(z.array(Attachment)),
  })
  .check(z.superRefine(choiceRules({ name: 'effective', types: ['DateTime', 'Period'] })));
export type DiagnosticReport = z.infer<typeof DiagnosticReport>;
