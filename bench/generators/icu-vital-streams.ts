import type { Walk } from './seeded-random.js';

// The bedside monitor's streams of the synthetic intensive-care stay
// (icu-chart.ts): each one's LOINC code, unit and the random walk its values
// follow. The codes and their display names are LOINC's (loinc.org).

export const LOINC = 'http://loinc.org';

/** A stream of the monitor. */
export interface Stream {
  /** Short name for ids. */
  tag: string;
  code: { coding: Array<{ system: string; code: string; display: string }> };
  unit: string;
  ucum: string;
  walk: Walk;
}

const loinc = (code: string, display: string, ...more: Array<[string, string]>) => ({
  coding: [
    { system: LOINC, code, display },
    ...more.map(([c, d]) => ({ system: LOINC, code: c, display: d })),
  ],
});

export const HEART_RATE: Stream = {
  tag: 'hr',
  code: loinc('8867-4', 'Heart rate'),
  unit: 'beats/minute',
  ucum: '/min',
  walk: { mean: 92, reversion: 0.04, noise: 2.2, min: 38, max: 175, decimals: 0 },
};
export const PULSE_OX_RATE: Stream = {
  tag: 'pr',
  code: loinc('8889-8', 'Heart rate by Pulse oximetry'),
  unit: 'beats/minute',
  ucum: '/min',
  walk: { mean: 92, reversion: 0.04, noise: 2.4, min: 38, max: 175, decimals: 0 },
};
export const RESPIRATORY_RATE: Stream = {
  tag: 'rr',
  code: loinc('9279-1', 'Respiratory rate'),
  unit: 'breaths/minute',
  ucum: '/min',
  walk: { mean: 20, reversion: 0.05, noise: 0.9, min: 6, max: 42, decimals: 0 },
};
export const SPO2: Stream = {
  tag: 'spo2',
  code: loinc('59408-5', 'Oxygen saturation in Arterial blood by Pulse oximetry', [
    '2708-6',
    'Oxygen saturation in Arterial blood',
  ]),
  unit: '%',
  ucum: '%',
  walk: { mean: 95, reversion: 0.08, noise: 0.6, min: 78, max: 100, decimals: 0 },
};
export const SYSTOLIC: Walk = {
  mean: 118,
  reversion: 0.03,
  noise: 2.5,
  min: 65,
  max: 210,
  decimals: 0,
};
export const DIASTOLIC: Walk = {
  mean: 64,
  reversion: 0.03,
  noise: 1.6,
  min: 30,
  max: 120,
  decimals: 0,
};
export const BP_PANEL = loinc('85354-9', 'Blood pressure panel with all children optional');
export const SYSTOLIC_CODE = loinc('8480-6', 'Systolic blood pressure');
export const DIASTOLIC_CODE = loinc('8462-4', 'Diastolic blood pressure');
export const MAP_CODE = loinc('8478-0', 'Mean blood pressure');
export const TEMPERATURE: Stream = {
  tag: 'temp',
  code: loinc('8310-5', 'Body temperature'),
  unit: 'Cel',
  ucum: 'Cel',
  walk: { mean: 37.4, reversion: 0.01, noise: 0.03, min: 34.5, max: 41, decimals: 1 },
};

/** The streams, in the order a minute's readings are listed. */
export const ICU_VITAL_CODES = [
  '8867-4',
  '8889-8',
  '9279-1',
  '59408-5',
  '85354-9',
  '8478-0',
  '8310-5',
] as const;
/** Readings a minute: one per stream. */
export const STREAMS_PER_MINUTE = ICU_VITAL_CODES.length;
