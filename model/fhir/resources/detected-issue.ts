import * as z from 'zod/mini';
import {
  CodeableConcept,
  domainResourceFields,
  Identifier,
  Period,
  Reference,
} from '../datatypes.js';
import { choice, choiceRules } from '../choice.js';
import { codeFrom, fhirDateTime, fhirString, fhirUri } from '../primitives.js';

// FHIR R4 DetectedIssue (https://hl7.org/fhir/R4/detectedissue.html): a
// problem found by decision support, such as a drug–allergy warning, and
// what the clinician did about it (`mitigation`). The kit records one for
// each warning a clinician overrides, so the override is in the revision
// log like any other change.

export const DetectedIssueStatus = codeFrom([
  'registered',
  'preliminary',
  'final',
  'amended',
  'corrected',
  'cancelled',
  'entered-in-error',
  'unknown',
]);

const identified = { DateTime: fhirDateTime, Period };

export const DetectedIssueMitigation = z.looseObject({
  action: CodeableConcept,
  date: z.optional(fhirDateTime),
  author: z.optional(Reference),
});

export const DetectedIssue = z
  .looseObject({
    resourceType: z.literal('DetectedIssue'),
    ...domainResourceFields,
    identifier: z.optional(z.array(Identifier)),
    status: DetectedIssueStatus,
    code: z.optional(CodeableConcept),
    severity: z.optional(codeFrom(['high', 'moderate', 'low'])),
    patient: z.optional(Reference),
    ...choice('identified', identified),
    author: z.optional(Reference),
    implicated: z.optional(z.array(Reference)),
    evidence: z.optional(
      z.array(
        z.looseObject({
          code: z.optional(z.array(CodeableConcept)),
          detail: z.optional(z.array(Reference)),
        }),
      ),
    ),
    detail: z.optional(fhirString),
    reference: z.optional(fhirUri),
    mitigation: z.optional(z.array(DetectedIssueMitigation)),
  })
  .check(z.superRefine(choiceRules({ name: 'identified', types: Object.keys(identified) })));
export type DetectedIssue = z.infer<typeof DetectedIssue>;
