import type { VitalSignId } from './vital-readings.js';

// Adult reference ranges for the vitals grid. Every bound is inclusive and
// applies to the value as shown (rounded to the sign's places):
//   value <= criticalLow  → critically low
//   value <  low          → low
//   value >  high         → high
//   value >= criticalHigh → critically high
//
// Defaults: the NEWS2 chart (Royal College of Physicians, National Early
// Warning Score (NEWS) 2, 2017) where NEWS2 scores the sign — "normal" is
// the band that scores 0 and "critical" the band that scores 3 (for a high
// temperature, the top band, which scores 2) — so the grid's flags agree
// with the NEWS2 chart beside them. Other bounds name their source.
// Adults only; not for pregnancy or children. A host overrides any of them
// with `withRanges`.

export interface VitalRange {
  low?: number;
  high?: number;
  criticalLow?: number;
  criticalHigh?: number;
  /** Where the numbers come from, for the tooltip and the audit. */
  source: string;
}

const NEWS2 = 'NEWS2 chart (Royal College of Physicians, 2017)';

export const ADULT_RANGES: Readonly<Partial<Record<VitalSignId, VitalRange>>> = {
  'respiratory-rate': { low: 12, high: 20, criticalLow: 8, criticalHigh: 25, source: NEWS2 },
  // SpO₂ scale 1. A patient on scale 2 (hypercapnic respiratory failure) has
  // a prescribed target of 88–92%: use HYPERCAPNIC_SPO2_RANGE for them.
  'oxygen-saturation': { low: 96, high: 100, criticalLow: 91, source: NEWS2 },
  'heart-rate': { low: 51, high: 90, criticalLow: 40, criticalHigh: 131, source: NEWS2 },
  // NEWS2 scores 111–219 as 0, so the upper "high" bound is NICE's instead.
  'systolic-bp': {
    low: 111,
    high: 139,
    criticalLow: 90,
    criticalHigh: 220,
    source: `${NEWS2}; high from NICE NG136 (clinic blood pressure 140 mmHg or more)`,
  },
  'diastolic-bp': {
    low: 60,
    high: 89,
    criticalHigh: 120,
    source:
      'NHS: low below 60 mmHg; NICE NG136: high from 90 mmHg; ACC/AHA 2017: hypertensive crisis above 120 mmHg',
  },
  temperature: { low: 36.1, high: 38.0, criticalLow: 35.0, criticalHigh: 39.1, source: NEWS2 },
  gcs: {
    low: 15,
    high: 15,
    criticalLow: 8,
    source:
      'Glasgow Coma Scale (Teasdale and Jennett, 1974): 15 is fully conscious; 8 or less is severe impairment',
  },
  bmi: {
    low: 18.5,
    high: 24.9,
    criticalLow: 15.9,
    criticalHigh: 40,
    source:
      'WHO BMI classification: underweight below 18.5, overweight from 25, severe thinness below 16, obese class III from 40',
  },
};

/** SpO₂ for a patient on NEWS2 scale 2: the BTS target of 88–92% (above 92 flagged only when on oxygen, by NEWS2 itself). */
export const HYPERCAPNIC_SPO2_RANGE: VitalRange = {
  low: 88,
  high: 100,
  criticalLow: 83,
  source: `${NEWS2}, SpO₂ scale 2; BTS oxygen guideline target 88–92%`,
};

/**
 * For a child (see adult-age.ts): every sign without bounds, so that only an
 * observation's own interpretation flags it, and a host's ranges over that.
 * A sign left out would fall back to the adult default.
 */
export function withoutAdultRanges(
  overrides: Partial<Record<VitalSignId, VitalRange>>,
): Readonly<Partial<Record<VitalSignId, VitalRange>>> {
  const none = Object.fromEntries(
    Object.keys(ADULT_RANGES).map((id) => [
      id,
      { source: 'none: adult ranges do not apply under 16' },
    ]),
  );
  return { ...none, ...overrides };
}

/** The defaults with a host's overrides (a whole range per sign). */
export function withRanges(
  overrides: Partial<Record<VitalSignId, VitalRange>>,
): Readonly<Partial<Record<VitalSignId, VitalRange>>> {
  return { ...ADULT_RANGES, ...overrides };
}
