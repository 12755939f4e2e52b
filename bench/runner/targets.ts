// Whether a result's ratio is within its target.
import type { BenchResult } from '../harness/types.js';

export function targetText(r: BenchResult): string {
  if (!r.target) return '';
  const parts: string[] = [];
  if (r.target.min !== undefined) parts.push(`≥ ${r.target.min}`);
  if (r.target.max !== undefined) parts.push(`≤ ${r.target.max}`);
  return parts.join(' and ');
}

/** undefined when the result has no target. */
export function targetMet(r: BenchResult): boolean | undefined {
  if (!r.target) return undefined;
  if (r.target.min !== undefined && r.ratio < r.target.min) return false;
  if (r.target.max !== undefined && r.ratio > r.target.max) return false;
  return true;
}
