import { z } from 'zod';
import { Annotation, CodeableConcept, domainResourceFields, Identifier, Period, Quantity, Range, Ratio, Reference, SimpleQuantity, Timing } from '../datatypes.js';
import { choice, choiceRules } from '../choice.js';
import { codeFrom, fhirBoolean, fhirDateTime, fhirInstant, fhirInteger, fhirString, fhirTime } from '../primitives.js';

export const ObservationStatus = codeFrom([
  'registered', 'preliminary', 'final', 'amended', 'corrected', 'cancelled', 'entered-in-error', 'unknown',
]);

const value = {
  Quantity,
  CodeableConcept,
  String: fhirString,
  Boolean: fhirBoolean,
  Integer: fhirInteger,
  Range,
  Ratio,
  SampledData: z.looseObject({ origin: SimpleQuantity, period: z.number(), dimensions: z.number().int().min(1) }),
  Time: fhirTime,
  DateTime: fhirDateTime,
  Period,
};
const valueRule = { name: 'value', types: Object.keys(value) };

/** obs-6: dataAbsentReason only when there is no value. */
function dataAbsentOnlyWithoutValue(o: Record<string, unknown>, ctx: z.RefinementCtx) {
  if (o.dataAbsentReason !== undefined && valueRule.types.some((t) => o[`value${t}`] !== undefined)) {
    ctx.addIssue({ code: 'custom', path: ['dataAbsentReason'], message: 'must be absent when a value[x] is present (obs-6)' });
  }
}

export const ReferenceRange = z.looseObject({
  low: SimpleQuantity.optional(),
  high: SimpleQuantity.optional(),
  type: CodeableConcept.optional(),
  appliesTo: z.array(CodeableConcept).optional(),
  age: Range.optional(),
  text: fhirString.optional(),
});

export const ObservationComponent = z.looseObject({
  code: CodeableConcept,
  ...choice('value', value),
  dataAbsentReason: CodeableConcept.optional(),
  interpretation: z.array(CodeableConcept).optional(),
  referenceRange: z.array(ReferenceRange).optional(),
}).superRefine(choiceRules(valueRule)).superRefine(dataAbsentOnlyWithoutValue);

const effective = { DateTime: fhirDateTime, Period, Timing, Instant: fhirInstant };

export const Observation = z.looseObject({
  resourceType: z.literal('Observation'),
  ...domainResourceFields,
  identifier: z.array(Identifier).optional(),
  basedOn: z.array(Reference).optional(),
  partOf: z.array(Reference).optional(),
  status: ObservationStatus,
  category: z.array(CodeableConcept).optional(),
  code: CodeableConcept,
  subject: Reference.optional(),
  focus: z.array(Reference).optional(),
  encounter: Reference.optional(),
  ...choice('effective', effective),
  issued: fhirInstant.optional(),
  performer: z.array(Reference).optional(),
  ...choice('value', value),
  dataAbsentReason: CodeableConcept.optional(),
  interpretation: z.array(CodeableConcept).optional(),
  note: z.array(Annotation).optional(),
  bodySite: CodeableConcept.optional(),
  method: CodeableConcept.optional(),
  specimen: Reference.optional(),
  device: Reference.optional(),
  referenceRange: z.array(ReferenceRange).optional(),
  hasMember: z.array(Reference).optional(),
  derivedFrom: z.array(Reference).optional(),
  component: z.array(ObservationComponent).optional(),
})
  .superRefine(choiceRules(valueRule, { name: 'effective', types: Object.keys(effective) }))
  .superRefine(dataAbsentOnlyWithoutValue);
export type Observation = z.infer<typeof Observation>;
export type ObservationComponent = z.infer<typeof ObservationComponent>;
