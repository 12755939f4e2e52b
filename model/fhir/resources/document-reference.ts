import * as z from 'zod/mini';
import {
  Attachment,
  CodeableConcept,
  Coding,
  domainResourceFields,
  Identifier,
  Period,
  Reference,
} from '../datatypes.js';
import { codeFrom, fhirInstant, fhirString } from '../primitives.js';

// Clinical notes. A signed note's text and hash travel in content[0].attachment.

export const DocumentReferenceStatus = codeFrom(['current', 'superseded', 'entered-in-error']);
export const DocumentStatus = codeFrom(['preliminary', 'final', 'amended', 'entered-in-error']);
export const DocumentRelationship = codeFrom(['replaces', 'transforms', 'signs', 'appends']);

export const DocumentReference = z.looseObject({
  resourceType: z.literal('DocumentReference'),
  ...domainResourceFields,
  masterIdentifier: z.optional(Identifier),
  identifier: z.optional(z.array(Identifier)),
  status: DocumentReferenceStatus,
  docStatus: z.optional(DocumentStatus),
  type: z.optional(CodeableConcept),
  category: z.optional(z.array(CodeableConcept)),
  subject: z.optional(Reference),
  date: z.optional(fhirInstant),
  author: z.optional(z.array(Reference)),
  authenticator: z.optional(Reference),
  custodian: z.optional(Reference),
  relatesTo: z.optional(z.array(z.looseObject({ code: DocumentRelationship, target: Reference }))),
  description: z.optional(fhirString),
  securityLabel: z.optional(z.array(CodeableConcept)),
  content: z
    .array(z.looseObject({ attachment: Attachment, format: z.optional(Coding) }))
    .check(z.minLength(1, 'a DocumentReference needs at least one content')),
  context: z.optional(
    z.looseObject({
      encounter: z.optional(z.array(Reference)),
      event: z.optional(z.array(CodeableConcept)),
      period: z.optional(Period),
      facilityType: z.optional(CodeableConcept),
      practiceSetting: z.optional(CodeableConcept),
      sourcePatientInfo: z.optional(Reference),
      related: z.optional(z.array(Reference)),
    }),
  ),
});
export type DocumentReference = z.infer<typeof DocumentReference>;
