import { z } from 'zod';
import { Annotation, CodeableConcept, Coding, domainResourceFields, Identifier, Reference } from '../datatypes.js';
import { codeFrom, fhirDateTime, fhirId, fhirString, fhirUnsignedInt } from '../primitives.js';

export const ImagingInstance = z.looseObject({
  uid: fhirId,
  sopClass: Coding,
  number: fhirUnsignedInt.optional(),
  title: fhirString.optional(),
});

export const ImagingSeries = z.looseObject({
  uid: fhirId,
  number: fhirUnsignedInt.optional(),
  modality: Coding,
  description: fhirString.optional(),
  numberOfInstances: fhirUnsignedInt.optional(),
  endpoint: z.array(Reference).optional(),
  bodySite: Coding.optional(),
  laterality: Coding.optional(),
  specimen: z.array(Reference).optional(),
  started: fhirDateTime.optional(),
  instance: z.array(ImagingInstance).optional(),
});

export const ImagingStudy = z.looseObject({
  resourceType: z.literal('ImagingStudy'),
  ...domainResourceFields,
  identifier: z.array(Identifier).optional(),
  status: codeFrom(['registered', 'available', 'cancelled', 'entered-in-error', 'unknown']),
  modality: z.array(Coding).optional(),
  subject: Reference,
  encounter: Reference.optional(),
  started: fhirDateTime.optional(),
  basedOn: z.array(Reference).optional(),
  referrer: Reference.optional(),
  interpreter: z.array(Reference).optional(),
  endpoint: z.array(Reference).optional(),
  numberOfSeries: fhirUnsignedInt.optional(),
  numberOfInstances: fhirUnsignedInt.optional(),
  procedureReference: Reference.optional(),
  procedureCode: z.array(CodeableConcept).optional(),
  location: Reference.optional(),
  reasonCode: z.array(CodeableConcept).optional(),
  reasonReference: z.array(Reference).optional(),
  note: z.array(Annotation).optional(),
  description: fhirString.optional(),
  series: z.array(ImagingSeries).optional(),
});
export type ImagingStudy = z.infer<typeof ImagingStudy>;
