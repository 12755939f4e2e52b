import type { Reference, Resource } from '@medplum/fhirtypes';

// Search parameter values read straight from a resource's JSON, for the
// demo EHR's repository (ehr-repository.ts): plain paths without the FHIRPath
// engine, and every reference a resource makes.

/** The type suffixes of a FHIR R4 choice element (`value[x]` as `valueQuantity`...). */
const CHOICE_TYPES = new Set([
  'Base64Binary',
  'Boolean',
  'Canonical',
  'Code',
  'Date',
  'DateTime',
  'Decimal',
  'Id',
  'Instant',
  'Integer',
  'Markdown',
  'Oid',
  'PositiveInt',
  'String',
  'Time',
  'UnsignedInt',
  'Uri',
  'Url',
  'Uuid',
  'Address',
  'Age',
  'Annotation',
  'Attachment',
  'CodeableConcept',
  'Coding',
  'ContactPoint',
  'Count',
  'Distance',
  'Duration',
  'HumanName',
  'Identifier',
  'Money',
  'Period',
  'Quantity',
  'Range',
  'Ratio',
  'Reference',
  'SampledData',
  'Signature',
  'Timing',
  'ContactDetail',
  'Contributor',
  'DataRequirement',
  'Expression',
  'ParameterDefinition',
  'RelatedArtifact',
  'TriggerDefinition',
  'UsageContext',
  'Dosage',
  'Meta',
]);
const SIMPLE_PATH =
  /^([A-Z][A-Za-z]+)((?:\.[a-z][A-Za-z]*)+)(\.where\(\(?resolve\(\) is ([A-Z][A-Za-z]+)\)?\))?$/;

/**
 * `Type.a.b` (and `Type.a.where(resolve() is Patient)`) read straight from the
 * JSON: arrays flattened, a choice element `effective` found as
 * `effectiveDateTime`, `effectivePeriod`... Undefined for any other expression.
 */
export function simplePath(expression: string, resource: Resource): unknown[] | undefined {
  const match = SIMPLE_PATH.exec(expression);
  if (!match || match[1] !== resource.resourceType) return undefined;
  const steps = (match[2] ?? '').slice(1).split('.');
  let current: unknown[] = [resource];
  for (const step of steps) {
    const next: unknown[] = [];
    for (const item of current) {
      if (!item || typeof item !== 'object') continue;
      const record = item as Record<string, unknown>;
      let value = record[step];
      if (value === undefined) {
        const choice = Object.keys(record).find(
          (k) => k.startsWith(step) && CHOICE_TYPES.has(k.slice(step.length)),
        );
        value = choice === undefined ? undefined : record[choice];
      }
      if (Array.isArray(value)) next.push(...value);
      else if (value !== undefined && value !== null) next.push(value);
    }
    current = next;
  }
  const resolveType = match[4];
  if (resolveType) {
    current = current.filter((v) =>
      (v as Reference | undefined)?.reference?.startsWith(`${resolveType}/`),
    );
  }
  return current;
}

/** Every `Type/id` reference in a resource, in document order. */
export function references(resource: Resource): string[] {
  const out: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (k === 'reference' && typeof v === 'string' && /^[A-Z][A-Za-z]+\/[^/]+$/.test(v))
          out.push(v);
        else walk(v);
      }
    }
  };
  walk(resource);
  return out;
}
