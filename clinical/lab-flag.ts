import type { CodeableConcept, Observation, Patient } from '../model/index.js';
import { OBSERVATION_INTERPRETATION } from '../model/index.js';
import { lookUp } from './coding.js';
import { labFlagLevel, type LabFlag, type LabFlagResult } from './lab-flag-types.js';
import { labMessages as m } from './lab-messages.js';
import { labRange, type LabRange } from './lab-range.js';
import { labValue } from './lab-value.js';
import type { FlagIcon } from './vital-flag.js';

// The flag of a laboratory result: its own `interpretation` first (the
// laboratory knows its method and the patient), then its reference range
// for the patient's sex and age. Always a label and an icon, never colour
// alone.
//
// Interpretation codes: HL7 v3 ObservationInterpretation
// (http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation,
// https://terminology.hl7.org/CodeSystem-v3-ObservationInterpretation.html,
// CC0), the same codes as HL7 v2 table 0078. The codes of a direction
// (L, H, LU, HU, off-scale < and >, LX, HX) and the critical ones (LL, HH,
// AA) keep their meaning; normal, negative, not detected, non-reactive and
// expected read as normal; every other finding (A, positive, detected,
// reactive, unexpected, equivocal, indeterminate, carrier, resistant...)
// reads as abnormal. Change codes (B better, D down, U up) and
// susceptibility to a drug (S, SYN-S) say nothing of the patient's range:
// the reference range decides.

export { labFlagLevel, type LabFlag, type LabFlagResult } from './lab-flag-types.js';

const INTERPRETATION: Record<string, LabFlag> = {
  N: 'normal',
  NEG: 'normal',
  ND: 'normal',
  NR: 'normal',
  EXP: 'normal',
  L: 'low',
  LU: 'low',
  LX: 'low',
  '<': 'low',
  H: 'high',
  HU: 'high',
  HX: 'high',
  '>': 'high',
  LL: 'critically-low',
  HH: 'critically-high',
  AA: 'critically-abnormal',
  A: 'abnormal',
  POS: 'abnormal',
  DET: 'abnormal',
  RR: 'abnormal',
  WR: 'abnormal',
  UNE: 'abnormal',
  E: 'abnormal',
  IND: 'abnormal',
  EX: 'abnormal',
  CAR: 'abnormal',
  R: 'abnormal',
  NS: 'abnormal',
  'SYN-R': 'abnormal',
  I: 'abnormal',
  SDD: 'abnormal',
  W: 'abnormal',
};
const V2_INTERPRETATION = 'http://terminology.hl7.org/CodeSystem/v2-0078';

const ICONS: Partial<Record<LabFlag, FlagIcon>> = {
  normal: 'check',
  low: 'arrow-down',
  high: 'arrow-up',
  'critically-low': 'arrow-down-double',
  'critically-high': 'arrow-up-double',
  abnormal: 'alert',
  'critically-abnormal': 'alert-critical',
};

function result(flag: LabFlag, from: LabFlagResult['from']): LabFlagResult {
  const icon = ICONS[flag];
  return { flag, label: m.flags[flag], ...(icon ? { icon } : {}), from };
}

function interpreted(interpretation: CodeableConcept[] | undefined): LabFlag | undefined {
  for (const concept of interpretation ?? []) {
    const flag =
      lookUp(concept, OBSERVATION_INTERPRETATION, INTERPRETATION) ??
      lookUp(concept, V2_INTERPRETATION, INTERPRETATION);
    if (flag) return flag;
  }
  return undefined;
}

/**
 * A number against a range. With a comparator the number is a bound:
 * "<0.01" under a low limit of 0.05 is low, "<5" in 0 to 10 is normal, but
 * "<20" in 0 to 10 may be either: `unflagged`.
 */
export function flagAgainst(
  value: number,
  range: LabRange,
  comparator?: '<' | '<=' | '>=' | '>',
): LabFlag {
  const { low, high, criticalLow, criticalHigh } = range;
  if (
    low === undefined &&
    high === undefined &&
    criticalLow === undefined &&
    criticalHigh === undefined
  )
    return 'no-range';
  const below = comparator === '<' || comparator === '<=';
  const above = comparator === '>' || comparator === '>=';
  if (criticalLow !== undefined && value < criticalLow && !above) return 'critically-low';
  if (criticalHigh !== undefined && value > criticalHigh && !below) return 'critically-high';
  if (low !== undefined && value < low && !above) return 'low';
  if (high !== undefined && value > high && !below) return 'high';
  if (below && (low !== undefined || criticalLow !== undefined)) return 'unflagged';
  if (above && (high !== undefined || criticalHigh !== undefined)) return 'unflagged';
  if (low === undefined && high === undefined) return 'no-range'; // critical limits alone
  return 'normal';
}

/** The flag of a laboratory result for this patient. */
export function labFlag(observation: Observation, patient?: Patient): LabFlagResult {
  const own = interpreted(observation.interpretation);
  if (own) return result(own, 'interpretation');
  const range = labRange(observation, patient);
  const value = labValue(observation);
  if (!range || value.number === undefined || !Number.isFinite(value.number))
    return result('no-range', 'none');
  const flag = flagAgainst(value.number, range, value.comparator);
  return result(flag, flag === 'no-range' || flag === 'unflagged' ? 'none' : 'range');
}

/** Whether a flag calls for attention (abnormal or critical). */
export function isAbnormalFlag(flag: LabFlag): boolean {
  return labFlagLevel(flag) > 0;
}
