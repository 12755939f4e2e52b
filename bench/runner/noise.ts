// A row whose middle half of samples is spread wide was measured while
// something else competed for the machine; its median deserves less trust.
import type { BenchResult } from '../harness/types.js';

const NOISY_SPREAD = 0.25;

export function relativeSpread(r: BenchResult): number {
  return Math.abs(r.spread.p75 - r.spread.p25) / Math.abs(r.value);
}

export function isNoisy(r: BenchResult): boolean {
  return relativeSpread(r) > NOISY_SPREAD;
}
