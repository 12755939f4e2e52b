// Turns the samples of a subject and its baseline into one reported row.
import { summarise } from './stats.js';
import type { BenchResult, Target } from './types.js';

export interface ResultOptions {
  name: string;
  unit: string;
  subject: readonly number[];
  baseline: readonly number[];
  target?: Target;
  notes?: Record<string, number | string>;
}

export function toResult(options: ResultOptions): BenchResult {
  const s = summarise(options.subject);
  const b = summarise(options.baseline);
  const result: BenchResult = {
    name: options.name,
    value: s.median,
    unit: options.unit,
    baseline: b.median,
    ratio: s.median / b.median,
    spread: { p25: s.p25, p75: s.p75, min: s.min, max: s.max },
    samples: s.n,
  };
  if (options.target) result.target = options.target;
  if (options.notes) result.notes = options.notes;
  return result;
}

/** Durations in ms → rates in items per second, sample by sample. */
export function perSecond(count: number, msSamples: readonly number[]): number[] {
  return msSamples.map((ms) => (count * 1000) / ms);
}
