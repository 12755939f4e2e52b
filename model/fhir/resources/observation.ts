import * as z from 'zod/mini';
import {
  Annotation,
  CodeableConcept,
  domainResourceFields,
  Identifier,
  Period,
  Quantity,
  Range,
  Ratio,
  Reference,
  SimpleQuantity,
  Timing,
} from '../datatypes.js';
import { choice, choiceRules } from '../choice.js';
import {
  codeFrom,
  fhirBoolean,
  fhirDateTime,
  fhirInstant,
  fhirInteger,
  fhirString,
  fhirTime,
} from '../primitives.js';

export const ObservationStatus = codeFrom([
  'registered',
  'preliminary',
  'final',
  'amended',
  'corrected',
  'cancelled',
  'entered-in-error',
  'unknown',
]);

const value = {
  Quantity,
  CodeableConcept,
  String: fhirString,
  Boolean: fhirBoolean,
  Integer: fhirInteger,
  Range,
  Ratio,
  SampledData: z.looseObject({
    origin: SimpleQuantity,
    period: z.number(),
    dimensions: z.int().check(z.gte(1)),
  }),
  Time: fhirTime,
  DateTime: fhirDateTime,
  Period,
};
const valueRule = { name: 'value', types: Object.keys(value) };

/** obs-6: dataAbsentReason only when there is no value. */
function dataAbsentOnlyWithoutValue(
  o: Record<string, unknown>,
  ctx: z.core.$RefinementCtx<Record<string, unknown>>,
) {
  if (
    o.dataAbsentReason !== undefined &&
    valueRule.types.some((t) => o[`value${t}`] !== undefined)
  ) {
    ctx.addIssue({
      code: 'custom',
      path: ['dataAbsentReason'],
      message: 'must be absent when a value[x] is present (obs-6)',
    });
  }
}

export const ReferenceRange = z.looseObject({
  low: z.optional(SimpleQuantity),
  high: z.optional(SimpleQuantity),
  type: z.optional(CodeableConcept),
  appliesTo: z.optional(z.array(CodeableConcept)),
  age: z.optional(Range),
  text: z.optional(fhirString),
});

export const ObservationComponent = z
  .looseObject({
    code: CodeableConcept,
    ...choice('value', value),
    dataAbsentReason: z.optional(CodeableConcept),
    interpretation: z.optional(z.array(CodeableConcept)),
    referenceRange: z.optional(z.array(ReferenceRange)),
  })
  .check(z.superRefine(choiceRules(valueRule)))
  .check(z.superRefine(dataAbsentOnlyWithoutValue));

const effective = { DateTime: fhirDateTime, Period, Timing, Instant: fhirInstant };

export const Observation = z
  .looseObject({
    resourceType: z.literal('Observation'),
    ...domainResourceFields,
    identifier: z.optional(z.array(Identifier)),
    basedOn: z.optional(z.array(Reference)),
    partOf: z.optional(z.array(Reference)),
    status: ObservationStatus,
    category: z.optional(z.array(CodeableConcept)),
    code: CodeableConcept,
    subject: z.optional(Reference),
    focus: z.optional(z.array(Reference)),
    encounter: z.optional(Reference),
    ...choice('effective', effective),
    issued: z.optional(fhirInstant),
    performer: z.optional(z.array(Reference)),
    ...choice('value', value),
    dataAbsentReason: z.optional(CodeableConcept),
    interpretation: z.optional(z.array(CodeableConcept)),
    note: z.optional(z.array(Annotation)),
    bodySite: z.optional(CodeableConcept),
    method: z.optional(CodeableConcept),
    specimen: z.optional(Reference),
    device: z.optional(Reference),
    referenceRange: z.optional(z.array(ReferenceRange)),
    hasMember: z.optional(z.array(Reference)),
    derivedFrom: z.optional(z.array(Reference)),
    component: z.optional(z.array(ObservationComponent)),
  })
  .check(
    z.superRefine(choiceRules(valueRule, { name: 'effective', types: Object.keys(effective) })),
  )
  .check(z.superRefine(dataAbsentOnlyWithoutValue));
export type Observation = z.infer<typeof Observation>;
export type ObservationComponent = z.infer<typeof ObservationComponent>;
