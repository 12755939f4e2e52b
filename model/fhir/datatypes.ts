import * as z from 'zod/mini';
import {
  codeFrom,
  fhirBase64Binary,
  fhirCode,
  fhirDateTime,
  fhirDecimal,
  fhirId,
  fhirInstant,
  fhirPositiveInt,
  fhirString,
  fhirUnsignedInt,
  fhirUri,
  fhirBoolean,
  fhirTime,
} from './primitives.js';

// FHIR R4 complex data types the kit reads. Every object is loose: fields
// the kit does not model are kept, so a resource comes out as it went in.

export const Extension = z.looseObject({ url: fhirUri });

export const Coding = z.looseObject({
  system: z.optional(fhirUri),
  version: z.optional(fhirString),
  code: z.optional(fhirCode),
  display: z.optional(fhirString),
  userSelected: z.optional(fhirBoolean),
});
export type Coding = z.infer<typeof Coding>;

export const CodeableConcept = z.looseObject({
  coding: z.optional(z.array(Coding)),
  text: z.optional(fhirString),
});
export type CodeableConcept = z.infer<typeof CodeableConcept>;

/** `<`, `<=`, `>=`, `>`: a value like "<0.01" is not the number 0.01. */
export const QuantityComparator = codeFrom(['<', '<=', '>=', '>']);

export const Quantity = z.looseObject({
  value: z.optional(fhirDecimal),
  comparator: z.optional(QuantityComparator),
  unit: z.optional(fhirString),
  system: z.optional(fhirUri),
  code: z.optional(fhirCode),
});
export type Quantity = z.infer<typeof Quantity>;

/** A Quantity with no comparator (R4 SimpleQuantity, constraint sqty-1). */
export const SimpleQuantity = Quantity.check(
  z.refine((q) => q.comparator === undefined, {
    message: 'a SimpleQuantity may not have a comparator',
    path: ['comparator'],
  }),
);

export const Range = z.looseObject({
  low: z.optional(SimpleQuantity),
  high: z.optional(SimpleQuantity),
});
export const Ratio = z.looseObject({
  numerator: z.optional(Quantity),
  denominator: z.optional(Quantity),
});

export const Period = z.looseObject({
  start: z.optional(fhirDateTime),
  end: z.optional(fhirDateTime),
});
export type Period = z.infer<typeof Period>;

export const Identifier = z.looseObject({
  use: z.optional(codeFrom(['usual', 'official', 'temp', 'secondary', 'old'])),
  type: z.optional(CodeableConcept),
  system: z.optional(fhirUri),
  value: z.optional(fhirString),
  period: z.optional(Period),
});

export const Reference = z.looseObject({
  reference: z.optional(fhirString),
  type: z.optional(fhirUri),
  identifier: z.optional(Identifier),
  display: z.optional(fhirString),
});
export type Reference = z.infer<typeof Reference>;

export const Annotation = z.looseObject({
  authorReference: z.optional(Reference),
  authorString: z.optional(fhirString),
  time: z.optional(fhirDateTime),
  text: z.string(),
});

export const Attachment = z.looseObject({
  contentType: z.optional(fhirCode),
  language: z.optional(fhirCode),
  data: z.optional(fhirBase64Binary),
  url: z.optional(fhirUri),
  size: z.optional(fhirUnsignedInt),
  hash: z.optional(fhirBase64Binary),
  title: z.optional(fhirString),
  creation: z.optional(fhirDateTime),
});

export const HumanName = z.looseObject({
  use: z.optional(
    codeFrom(['usual', 'official', 'temp', 'nickname', 'anonymous', 'old', 'maiden']),
  ),
  text: z.optional(fhirString),
  family: z.optional(fhirString),
  given: z.optional(z.array(fhirString)),
  prefix: z.optional(z.array(fhirString)),
  suffix: z.optional(z.array(fhirString)),
  period: z.optional(Period),
});
export type HumanName = z.infer<typeof HumanName>;

export const ContactPoint = z.looseObject({
  system: z.optional(codeFrom(['phone', 'fax', 'email', 'pager', 'url', 'sms', 'other'])),
  value: z.optional(fhirString),
  use: z.optional(codeFrom(['home', 'work', 'temp', 'old', 'mobile'])),
  rank: z.optional(fhirPositiveInt),
  period: z.optional(Period),
});

export const Address = z.looseObject({
  use: z.optional(codeFrom(['home', 'work', 'temp', 'old', 'billing'])),
  type: z.optional(codeFrom(['postal', 'physical', 'both'])),
  text: z.optional(fhirString),
  line: z.optional(z.array(fhirString)),
  city: z.optional(fhirString),
  district: z.optional(fhirString),
  state: z.optional(fhirString),
  postalCode: z.optional(fhirString),
  country: z.optional(fhirString),
  period: z.optional(Period),
});

export const Meta = z.looseObject({
  versionId: z.optional(fhirId),
  lastUpdated: z.optional(fhirInstant),
  source: z.optional(fhirUri),
  profile: z.optional(z.array(fhirUri)),
  security: z.optional(z.array(Coding)),
  tag: z.optional(z.array(Coding)),
});

export const Narrative = z.looseObject({
  status: codeFrom(['generated', 'extensions', 'additional', 'empty']),
  div: z.string(),
});

const UnitsOfTime = codeFrom(['s', 'min', 'h', 'd', 'wk', 'mo', 'a']);

export const Timing = z.looseObject({
  event: z.optional(z.array(fhirDateTime)),
  repeat: z.optional(
    z.looseObject({
      boundsDuration: z.optional(Quantity),
      boundsPeriod: z.optional(Period),
      count: z.optional(fhirPositiveInt),
      duration: z.optional(fhirDecimal),
      durationUnit: z.optional(UnitsOfTime),
      frequency: z.optional(fhirPositiveInt),
      frequencyMax: z.optional(fhirPositiveInt),
      period: z.optional(fhirDecimal),
      periodMax: z.optional(fhirDecimal),
      periodUnit: z.optional(UnitsOfTime),
      dayOfWeek: z.optional(z.array(codeFrom(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']))),
      timeOfDay: z.optional(z.array(fhirTime)),
      when: z.optional(z.array(fhirCode)),
      offset: z.optional(fhirUnsignedInt),
    }),
  ),
  code: z.optional(CodeableConcept),
});

export const Dosage = z.looseObject({
  sequence: z.optional(z.int()),
  text: z.optional(fhirString),
  additionalInstruction: z.optional(z.array(CodeableConcept)),
  patientInstruction: z.optional(fhirString),
  timing: z.optional(Timing),
  asNeededBoolean: z.optional(fhirBoolean),
  asNeededCodeableConcept: z.optional(CodeableConcept),
  site: z.optional(CodeableConcept),
  route: z.optional(CodeableConcept),
  method: z.optional(CodeableConcept),
  doseAndRate: z.optional(
    z.array(
      z.looseObject({
        type: z.optional(CodeableConcept),
        doseRange: z.optional(Range),
        doseQuantity: z.optional(SimpleQuantity),
        rateRatio: z.optional(Ratio),
        rateRange: z.optional(Range),
        rateQuantity: z.optional(SimpleQuantity),
      }),
    ),
  ),
  maxDosePerPeriod: z.optional(Ratio),
  maxDosePerAdministration: z.optional(SimpleQuantity),
  maxDosePerLifetime: z.optional(SimpleQuantity),
});
export type Dosage = z.infer<typeof Dosage>;

/** The fields every resource has (Resource and DomainResource in R4). */
export const domainResourceFields = {
  id: z.optional(fhirId),
  meta: z.optional(Meta),
  implicitRules: z.optional(fhirUri),
  language: z.optional(fhirCode),
  text: z.optional(Narrative),
  contained: z.optional(z.array(z.looseObject({ resourceType: z.string() }))),
  extension: z.optional(z.array(Extension)),
  modifierExtension: z.optional(z.array(Extension)),
};
