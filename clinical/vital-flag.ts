import type { CodeableConcept, Observation, ObservationComponent } from '../model/index.js';
import { OBSERVATION_INTERPRETATION } from '../model/index.js';
import { lookUp } from './coding.js';
import { ADULT_RANGES, type VitalRange } from './vital-ranges.js';
import { vitalReading, vitalSignOf } from './vital-readings.js';

// Normal or abnormal, with a text label and an icon: never colour alone.
// The observation's own interpretation wins when present (the lab or the
// device knows the patient's range); otherwise the value is compared with
// the range.

export type VitalFlag =
  | 'normal'
  | 'low'
  | 'high'
  | 'critically-low'
  | 'critically-high'
  /** Interpretation A / AA: abnormal with no direction. */
  | 'abnormal'
  | 'critically-abnormal';

/** Icon names, by shape, for the host's icon set. */
export type FlagIcon =
  | 'check'
  | 'arrow-down'
  | 'arrow-up'
  | 'arrow-down-double'
  | 'arrow-up-double'
  | 'alert'
  | 'alert-critical';

export interface FlagResult {
  flag: VitalFlag;
  label: string;
  icon: FlagIcon;
  /** Whether the flag is the observation's own interpretation or the kit's reading of the range. */
  from: 'interpretation' | 'range';
}

/** All the text of this module, for translation. */
export const flagMessages: Record<VitalFlag, string> = {
  normal: 'Normal',
  low: 'Low',
  high: 'High',
  'critically-low': 'Critically low',
  'critically-high': 'Critically high',
  abnormal: 'Abnormal',
  'critically-abnormal': 'Critically abnormal',
};

const ICONS: Record<VitalFlag, FlagIcon> = {
  normal: 'check',
  low: 'arrow-down',
  high: 'arrow-up',
  'critically-low': 'arrow-down-double',
  'critically-high': 'arrow-up-double',
  abnormal: 'alert',
  'critically-abnormal': 'alert-critical',
};

/** How alarming a flag is: 0 normal, 1 abnormal, 2 critical. */
export function flagLevel(flag: VitalFlag): number {
  return flag === 'normal' ? 0 : flag.startsWith('critically') ? 2 : 1;
}

/**
 * HL7 v3 ObservationInterpretation codes (also v2 table 0078, same codes).
 * LU/HU ("significantly" low/high) and the off-scale codes read as low/high:
 * they are not defined as critical.
 */
const INTERPRETATION: Record<string, VitalFlag> = {
  N: 'normal',
  L: 'low',
  H: 'high',
  LL: 'critically-low',
  HH: 'critically-high',
  LU: 'low',
  HU: 'high',
  '<': 'low',
  '>': 'high',
  A: 'abnormal',
  AA: 'critically-abnormal',
};
const V2_INTERPRETATION = 'http://terminology.hl7.org/CodeSystem/v2-0078';

function interpreted(interpretation: CodeableConcept[] | undefined): VitalFlag | undefined {
  for (const concept of interpretation ?? []) {
    const flag =
      lookUp(concept, OBSERVATION_INTERPRETATION, INTERPRETATION) ??
      lookUp(concept, V2_INTERPRETATION, INTERPRETATION);
    if (flag) return flag;
  }
  return undefined;
}

function result(flag: VitalFlag, from: FlagResult['from']): FlagResult {
  return { flag, label: flagMessages[flag], icon: ICONS[flag], from };
}

/** The value against the range, or undefined when the range says nothing about it. */
export function flagValue(value: number, range: VitalRange | undefined): VitalFlag | undefined {
  if (!range || !Number.isFinite(value)) return undefined;
  const { low, high, criticalLow, criticalHigh } = range;
  if (criticalLow !== undefined && value <= criticalLow) return 'critically-low';
  if (criticalHigh !== undefined && value >= criticalHigh) return 'critically-high';
  if (low !== undefined && value < low) return 'low';
  if (high !== undefined && value > high) return 'high';
  if (low === undefined && high === undefined) return undefined;
  return 'normal';
}

/**
 * The flag of an observation, a component or a bare number. For an
 * observation the range defaults to the adult range of its vital sign, and
 * a panel with no value of its own (blood pressure) takes the worst flag of
 * its components. Undefined when nothing can be said: no value, no range, or
 * a unit the kit cannot convert — never "normal" by default.
 */
export function flag(
  input: Observation | ObservationComponent | number | undefined,
  range?: VitalRange,
): FlagResult | undefined {
  if (input === undefined) return undefined;
  if (typeof input === 'number') {
    const value = flagValue(input, range);
    return value && result(value, 'range');
  }
  const own = interpreted(input.interpretation);
  if (own) return result(own, 'interpretation');
  const id = vitalSignOf(input.code);
  const reading = id && vitalReading(input, id);
  if (reading) {
    const value =
      reading.value === undefined ? undefined : flagValue(reading.value, range ?? ADULT_RANGES[id]);
    return value && result(value, 'range');
  }
  // Only an Observation has components; a component's `component` is absent.
  const parts = ((input as Observation).component ?? [])
    .map((component) => flag(component))
    .filter((f): f is FlagResult => f !== undefined);
  return parts.reduce<FlagResult | undefined>(
    (worst, f) => (!worst || flagLevel(f.flag) > flagLevel(worst.flag) ? f : worst),
    undefined,
  );
}
