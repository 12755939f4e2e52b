// Order statistics of a set of samples. Medians and quartiles rather than
// means: on a small shared machine a stray GC or scheduler hiccup lands in
// one sample and should not move the figure.

export interface Summary {
  median: number;
  p25: number;
  p75: number;
  p95: number;
  min: number;
  max: number;
  n: number;
}

/** Linear interpolation between closest ranks, on sorted input. */
function quantile(sorted: readonly number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo]!;
  const b = sorted[hi]!;
  return a + (b - a) * (pos - lo);
}

export function summarise(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error('summarise: no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    median: quantile(sorted, 0.5),
    p25: quantile(sorted, 0.25),
    p75: quantile(sorted, 0.75),
    p95: quantile(sorted, 0.95),
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
    n: sorted.length,
  };
}
