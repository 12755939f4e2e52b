import type {
  CodeableConcept,
  FhirResource,
  Medication,
  Observation,
  Quantity,
  Reference,
  ResourceKey,
  ResourceType,
  Revision,
  TimelineEvent,
  TimelineKind,
} from '../model/index.js';
import {
  bloodPressure,
  formatNumber,
  quantityUnit,
  vitalReading,
  vitalSignOf,
} from '../clinical/index.js';
import type { RecordRow } from './database.js';
import { sortableDate } from './projection.js';

function label(concept: CodeableConcept | undefined): string | undefined {
  return (
    concept?.text ?? concept?.coding?.find((c) => c.display)?.display ?? concept?.coding?.[0]?.code
  );
}

function title(resource: FhirResource): string {
  switch (resource.resourceType) {
    case 'Encounter':
      return label(resource.type?.[0]) ?? `Encounter (${resource.class.code ?? 'unknown class'})`;
    case 'MedicationRequest':
    case 'MedicationStatement':
      return (
        label(resource.medicationCodeableConcept) ??
        resource.medicationReference?.display ??
        'Medication'
      );
    case 'Immunization':
      return label(resource.vaccineCode) ?? 'Immunization';
    case 'ImagingStudy':
      return (
        resource.description ??
        label(resource.procedureCode?.[0]) ??
        resource.series?.[0]?.modality.display ??
        'Imaging study'
      );
    case 'DocumentReference':
      return resource.description ?? label(resource.type) ?? 'Note';
    case 'Patient':
      return 'Patient';
    case 'DetectedIssue':
      // What was found, in the words of the warning overridden (its first line), else the rule.
      return resource.detail?.split('\n')[0] || label(resource.code) || 'Detected issue';
    default:
      return label(resource.code) ?? resource.resourceType;
  }
}

function end(resource: FhirResource): string | undefined {
  switch (resource.resourceType) {
    case 'Encounter':
      return resource.period?.end;
    case 'Procedure':
      return resource.performedPeriod?.end;
    case 'Observation':
      return resource.effectivePeriod?.end;
    case 'MedicationStatement':
      return resource.effectivePeriod?.end;
    case 'MedicationRequest':
      return resource.dosageInstruction?.[0]?.timing?.repeat?.boundsPeriod?.end;
    default:
      return undefined;
  }
}

/**
 * A measured amount as people read it: four significant digits at most
 * (instruments report binary noise), and the unit as sent for people —
 * written out when what was sent is the UCUM code itself.
 */
function amount(quantity: Quantity | undefined): string | undefined {
  if (quantity?.value === undefined) return undefined;
  const written = quantityUnit(quantity);
  return `${quantity.comparator ?? ''}${formatNumber(Number(quantity.value.toPrecision(4)))}${written ? ` ${written}` : ''}`;
}

/**
 * An observation's value as written for people. A vital sign as the vitals
 * grid writes it ("98.1 kg", "72/min"); a blood-pressure panel as systolic/
 * diastolic, each found by its code — never by the components' order.
 */
function valueOf(observation: Observation): string | undefined {
  const sign = vitalSignOf(observation.code);
  if (sign === 'blood-pressure') return bloodPressure(observation).text;
  if (sign) {
    const reading = vitalReading(observation, sign);
    if (reading) return reading.text;
  }
  return (
    amount(observation.valueQuantity) ??
    label(observation.valueCodeableConcept) ??
    observation.valueString
  );
}

function encounterOf(resource: FhirResource): ResourceKey | undefined {
  let reference: Reference | undefined;
  if (resource.resourceType === 'DocumentReference') reference = resource.context?.encounter?.[0];
  else if (resource.resourceType === 'MedicationStatement') reference = resource.context;
  else if ('encounter' in resource) reference = resource.encounter as Reference | undefined;
  const value = reference?.reference;
  return value?.startsWith('Encounter/') ? (value as ResourceKey) : undefined;
}

export function timelineEvent(row: RecordRow): TimelineEvent {
  return { ...eventOf(row, row.heads[0]!.resource), revisions: row.heads };
}

/**
 * A revision that changed a medication's dose, at the time it was made,
 * with the version it replaced. Not grouped under the encounter that
 * started the medication: a change comes when it comes.
 */
export function doseChangeEvent(
  row: RecordRow,
  revision: Revision,
  before: Medication,
): TimelineEvent {
  const { encounter: _encounter, ...event } = eventOf(row, revision.resource);
  return {
    ...event,
    date: sortableDate(revision.at) ?? revision.at,
    phase: 'dose-changed',
    revisions: [revision],
    before,
  };
}

function eventOf(row: RecordRow, resource: FhirResource): TimelineEvent {
  return {
    key: row.key,
    resourceType: row.resourceType as ResourceType,
    kind: row.lane as TimelineKind,
    id: resource.id!,
    date: row.date,
    ...(end(resource) ? { end: end(resource) } : {}),
    title: title(resource),
    ...(resource.resourceType === 'Observation' && valueOf(resource)
      ? { value: valueOf(resource) }
      : {}),
    ...(row.status ? { status: row.status } : {}),
    ...(encounterOf(resource) ? { encounter: encounterOf(resource) } : {}),
    conflict: row.conflict === 1,
  };
}
