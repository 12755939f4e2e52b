import { z } from 'zod';
import {
  codeFrom, fhirBase64Binary, fhirCode, fhirDateTime, fhirDecimal, fhirId, fhirInstant,
  fhirPositiveInt, fhirString, fhirUnsignedInt, fhirUri, fhirBoolean, fhirTime,
} from './primitives.js';

// FHIR R4 complex data types the kit reads. Every object is loose: fields
// the kit does not model are kept, so a resource comes out as it went in.

export const Extension = z.looseObject({ url: fhirUri });

export const Coding = z.looseObject({
  system: fhirUri.optional(),
  version: fhirString.optional(),
  code: fhirCode.optional(),
  display: fhirString.optional(),
  userSelected: fhirBoolean.optional(),
});
export type Coding = z.infer<typeof Coding>;

export const CodeableConcept = z.looseObject({
  coding: z.array(Coding).optional(),
  text: fhirString.optional(),
});
export type CodeableConcept = z.infer<typeof CodeableConcept>;

/** `<`, `<=`, `>=`, `>`: a value like "<0.01" is not the number 0.01. */
export const QuantityComparator = codeFrom(['<', '<=', '>=', '>']);

export const Quantity = z.looseObject({
  value: fhirDecimal.optional(),
  comparator: QuantityComparator.optional(),
  unit: fhirString.optional(),
  system: fhirUri.optional(),
  code: fhirCode.optional(),
});
export type Quantity = z.infer<typeof Quantity>;

/** A Quantity with no comparator (R4 SimpleQuantity, constraint sqty-1). */
export const SimpleQuantity = Quantity.refine((q) => q.comparator === undefined, {
  message: 'a SimpleQuantity may not have a comparator',
  path: ['comparator'],
});

export const Range = z.looseObject({ low: SimpleQuantity.optional(), high: SimpleQuantity.optional() });
export const Ratio = z.looseObject({ numerator: Quantity.optional(), denominator: Quantity.optional() });

export const Period = z.looseObject({ start: fhirDateTime.optional(), end: fhirDateTime.optional() });
export type Period = z.infer<typeof Period>;

export const Identifier = z.looseObject({
  use: codeFrom(['usual', 'official', 'temp', 'secondary', 'old']).optional(),
  type: CodeableConcept.optional(),
  system: fhirUri.optional(),
  value: fhirString.optional(),
  period: Period.optional(),
});

export const Reference = z.looseObject({
  reference: fhirString.optional(),
  type: fhirUri.optional(),
  identifier: Identifier.optional(),
  display: fhirString.optional(),
});
export type Reference = z.infer<typeof Reference>;

export const Annotation = z.looseObject({
  authorReference: Reference.optional(),
  authorString: fhirString.optional(),
  time: fhirDateTime.optional(),
  text: z.string(),
});

export const Attachment = z.looseObject({
  contentType: fhirCode.optional(),
  language: fhirCode.optional(),
  data: fhirBase64Binary.optional(),
  url: fhirUri.optional(),
  size: fhirUnsignedInt.optional(),
  hash: fhirBase64Binary.optional(),
  title: fhirString.optional(),
  creation: fhirDateTime.optional(),
});

export const HumanName = z.looseObject({
  use: codeFrom(['usual', 'official', 'temp', 'nickname', 'anonymous', 'old', 'maiden']).optional(),
  text: fhirString.optional(),
  family: fhirString.optional(),
  given: z.array(fhirString).optional(),
  prefix: z.array(fhirString).optional(),
  suffix: z.array(fhirString).optional(),
  period: Period.optional(),
});
export type HumanName = z.infer<typeof HumanName>;

export const ContactPoint = z.looseObject({
  system: codeFrom(['phone', 'fax', 'email', 'pager', 'url', 'sms', 'other']).optional(),
  value: fhirString.optional(),
  use: codeFrom(['home', 'work', 'temp', 'old', 'mobile']).optional(),
  rank: fhirPositiveInt.optional(),
  period: Period.optional(),
});

export const Address = z.looseObject({
  use: codeFrom(['home', 'work', 'temp', 'old', 'billing']).optional(),
  type: codeFrom(['postal', 'physical', 'both']).optional(),
  text: fhirString.optional(),
  line: z.array(fhirString).optional(),
  city: fhirString.optional(),
  district: fhirString.optional(),
  state: fhirString.optional(),
  postalCode: fhirString.optional(),
  country: fhirString.optional(),
  period: Period.optional(),
});

export const Meta = z.looseObject({
  versionId: fhirId.optional(),
  lastUpdated: fhirInstant.optional(),
  source: fhirUri.optional(),
  profile: z.array(fhirUri).optional(),
  security: z.array(Coding).optional(),
  tag: z.array(Coding).optional(),
});

export const Narrative = z.looseObject({
  status: codeFrom(['generated', 'extensions', 'additional', 'empty']),
  div: z.string(),
});

const UnitsOfTime = codeFrom(['s', 'min', 'h', 'd', 'wk', 'mo', 'a']);

export const Timing = z.looseObject({
  event: z.array(fhirDateTime).optional(),
  repeat: z.looseObject({
    boundsPeriod: Period.optional(),
    count: fhirPositiveInt.optional(),
    duration: fhirDecimal.optional(),
    durationUnit: UnitsOfTime.optional(),
    frequency: fhirPositiveInt.optional(),
    frequencyMax: fhirPositiveInt.optional(),
    period: fhirDecimal.optional(),
    periodMax: fhirDecimal.optional(),
    periodUnit: UnitsOfTime.optional(),
    dayOfWeek: z.array(codeFrom(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'])).optional(),
    timeOfDay: z.array(fhirTime).optional(),
    when: z.array(fhirCode).optional(),
    offset: fhirUnsignedInt.optional(),
  }).optional(),
  code: CodeableConcept.optional(),
});

export const Dosage = z.looseObject({
  sequence: z.number().int().optional(),
  text: fhirString.optional(),
  additionalInstruction: z.array(CodeableConcept).optional(),
  patientInstruction: fhirString.optional(),
  timing: Timing.optional(),
  asNeededBoolean: fhirBoolean.optional(),
  asNeededCodeableConcept: CodeableConcept.optional(),
  site: CodeableConcept.optional(),
  route: CodeableConcept.optional(),
  method: CodeableConcept.optional(),
  doseAndRate: z.array(z.looseObject({
    type: CodeableConcept.optional(),
    doseRange: Range.optional(),
    doseQuantity: SimpleQuantity.optional(),
    rateRatio: Ratio.optional(),
    rateRange: Range.optional(),
    rateQuantity: SimpleQuantity.optional(),
  })).optional(),
  maxDosePerPeriod: Ratio.optional(),
  maxDosePerAdministration: SimpleQuantity.optional(),
  maxDosePerLifetime: SimpleQuantity.optional(),
});
export type Dosage = z.infer<typeof Dosage>;

/** The fields every resource has (Resource and DomainResource in R4). */
export const domainResourceFields = {
  id: fhirId.optional(),
  meta: Meta.optional(),
  implicitRules: fhirUri.optional(),
  language: fhirCode.optional(),
  text: Narrative.optional(),
  contained: z.array(z.looseObject({ resourceType: z.string() })).optional(),
  extension: z.array(Extension).optional(),
  modifierExtension: z.array(Extension).optional(),
};
