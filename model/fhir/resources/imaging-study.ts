import * as z from 'zod/mini';
import {
  Annotation,
  CodeableConcept,
  Coding,
  domainResourceFields,
  Identifier,
  Reference,
} from '../datatypes.js';
import { codeFrom, fhirDateTime, fhirId, fhirString, fhirUnsignedInt } from '../primitives.js';

export const ImagingInstance = z.looseObject({
  uid: fhirId,
  sopClass: Coding,
  number: z.optional(fhirUnsignedInt),
  title: z.optional(fhirString),
});

export const ImagingSeries = z.looseObject({
  uid: fhirId,
  number: z.optional(fhirUnsignedInt),
  modality: Coding,
  description: z.optional(fhirString),
  numberOfInstances: z.optional(fhirUnsignedInt),
  endpoint: z.optional(z.array(Reference)),
  bodySite: z.optional(Coding),
  laterality: z.optional(Coding),
  specimen: z.optional(z.array(Reference)),
  started: z.optional(fhirDateTime),
  instance: z.optional(z.array(ImagingInstance)),
});

export const ImagingStudy = z.looseObject({
  resourceType: z.literal('ImagingStudy'),
  ...domainResourceFields,
  identifier: z.optional(z.array(Identifier)),
  status: codeFrom(['registered', 'available', 'cancelled', 'entered-in-error', 'unknown']),
  modality: z.optional(z.array(Coding)),
  subject: Reference,
  encounter: z.optional(Reference),
  started: z.optional(fhirDateTime),
  basedOn: z.optional(z.array(Reference)),
  referrer: z.optional(Reference),
  interpreter: z.optional(z.array(Reference)),
  endpoint: z.optional(z.array(Reference)),
  numberOfSeries: z.optional(fhirUnsignedInt),
  numberOfInstances: z.optional(fhirUnsignedInt),
  procedureReference: z.optional(Reference),
  procedureCode: z.optional(z.array(CodeableConcept)),
  location: z.optional(Reference),
  reasonCode: z.optional(z.array(CodeableConcept)),
  reasonReference: z.optional(z.array(Reference)),
  note: z.optional(z.array(Annotation)),
  description: z.optional(fhirString),
  series: z.optional(z.array(ImagingSeries)),
});
export type ImagingStudy = z.infer<typeof ImagingStudy>;
