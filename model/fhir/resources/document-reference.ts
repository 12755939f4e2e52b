import { z } from 'zod';
import { Attachment, CodeableConcept, Coding, domainResourceFields, Identifier, Period, Reference } from '../datatypes.js';
import { codeFrom, fhirInstant, fhirString } from '../primitives.js';

// Clinical notes. A signed note's text and hash travel in content[0].attachment.

export const DocumentReferenceStatus = codeFrom(['current', 'superseded', 'entered-in-error']);
export const DocumentStatus = codeFrom(['preliminary', 'final', 'amended', 'entered-in-error']);
export const DocumentRelationship = codeFrom(['replaces', 'transforms', 'signs', 'appends']);

export const DocumentReference = z.looseObject({
  resourceType: z.literal('DocumentReference'),
  ...domainResourceFields,
  masterIdentifier: Identifier.optional(),
  identifier: z.array(Identifier).optional(),
  status: DocumentReferenceStatus,
  docStatus: DocumentStatus.optional(),
  type: CodeableConcept.optional(),
  category: z.array(CodeableConcept).optional(),
  subject: Reference.optional(),
  date: fhirInstant.optional(),
  author: z.array(Reference).optional(),
  authenticator: Reference.optional(),
  custodian: Reference.optional(),
  relatesTo: z.array(z.looseObject({ code: DocumentRelationship, target: Reference })).optional(),
  description: fhirString.optional(),
  securityLabel: z.array(CodeableConcept).optional(),
  content: z.array(z.looseObject({ attachment: Attachment, format: Coding.optional() }))
    .min(1, 'a DocumentReference needs at least one content'),
  context: z.looseObject({
    encounter: z.array(Reference).optional(),
    event: z.array(CodeableConcept).optional(),
    period: Period.optional(),
    facilityType: CodeableConcept.optional(),
    practiceSetting: CodeableConcept.optional(),
    sourcePatientInfo: Reference.optional(),
    related: z.array(Reference).optional(),
  }).optional(),
});
export type DocumentReference = z.infer<typeof DocumentReference>;
