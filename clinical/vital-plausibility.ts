import { formatVital, VITAL_SIGNS, type VitalSignId } from './vital-readings.js';

// Limits for a data-entry form: a value outside them is almost certainly a
// typing slip or a wrong unit (a temperature in °F typed into a °C box), and
// the form asks for a correction before saving. These are not clinical
// ranges: a value inside them may be critically abnormal and is still
// saved. The limits are the kit's choice — wide enough for any measured
// adult value, with room for extreme physiology — not a published standard.

export interface PlausibleLimits {
  min: number;
  max: number;
  /** Only whole numbers make sense (GCS). */
  whole?: boolean;
}

export const PLAUSIBLE_LIMITS: Readonly<Partial<Record<VitalSignId, PlausibleLimits>>> = {
  'respiratory-rate': { min: 2, max: 80 },
  'oxygen-saturation': { min: 50, max: 100 },
  'inhaled-oxygen-flow': { min: 0, max: 80 },
  'inhaled-oxygen-concentration': { min: 21, max: 100 },
  'systolic-bp': { min: 40, max: 300 },
  'diastolic-bp': { min: 10, max: 200 },
  'heart-rate': { min: 20, max: 300 },
  gcs: { min: 3, max: 15, whole: true },
  temperature: { min: 25, max: 45 },
  weight: { min: 0.3, max: 650 },
  height: { min: 20, max: 280 },
  bmi: { min: 5, max: 150 },
};

export type PlausibilityProblem =
  'not-a-number' | 'too-low' | 'too-high' | 'not-whole' | 'diastolic-not-below-systolic';

export type Plausibility =
  { ok: true } | { ok: false; problem: PlausibilityProblem; message: string };

/** All the text of this module, for translation. */
export const plausibilityMessages = {
  'not-a-number': (label: string) => `${label} must be a number.`,
  'too-low': (label: string, min: string) =>
    `${label} below ${min} is not plausible: check the reading and its unit.`,
  'too-high': (label: string, max: string) =>
    `${label} above ${max} is not plausible: check the reading and its unit.`,
  'not-whole': (label: string) => `${label} is a whole number.`,
  'diastolic-not-below-systolic':
    'Diastolic pressure must be lower than systolic: check that they are not swapped.',
};

const m = plausibilityMessages;

/** Whether a value typed for `id` (in the sign's own unit) is plausible, with a message when it is not. */
export function checkPlausible(
  id: VitalSignId,
  value: number,
  limits = PLAUSIBLE_LIMITS,
): Plausibility {
  const label = VITAL_SIGNS[id].label;
  if (!Number.isFinite(value))
    return { ok: false, problem: 'not-a-number', message: m['not-a-number'](label) };
  const limit = limits[id];
  if (!limit) return { ok: true };
  if (value < limit.min)
    return {
      ok: false,
      problem: 'too-low',
      message: m['too-low'](label, formatVital(id, limit.min)),
    };
  if (value > limit.max)
    return {
      ok: false,
      problem: 'too-high',
      message: m['too-high'](label, formatVital(id, limit.max)),
    };
  if (limit.whole && !Number.isInteger(value))
    return { ok: false, problem: 'not-whole', message: m['not-whole'](label) };
  return { ok: true };
}

/** Both pressures plausible, and the diastolic below the systolic. */
export function checkBloodPressure(
  systolic: number,
  diastolic: number,
  limits = PLAUSIBLE_LIMITS,
): Plausibility {
  const each = [
    checkPlausible('systolic-bp', systolic, limits),
    checkPlausible('diastolic-bp', diastolic, limits),
  ];
  const failed = each.find((p) => !p.ok);
  if (failed) return failed;
  return diastolic < systolic
    ? { ok: true }
    : {
        ok: false,
        problem: 'diastolic-not-below-systolic',
        message: m['diastolic-not-below-systolic'],
      };
}
