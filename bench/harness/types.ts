// The shapes every suite and the runner share. A suite is a module whose
// default export resolves to BenchResult[]; browser suites run in the page,
// node suites in the runner's process, and both use this same contract.

/** Bounds on `ratio` (value / baseline) that the benchmark aims for. */
export interface Target {
  max?: number;
  min?: number;
}

export interface Spread {
  p25: number;
  p75: number;
  min: number;
  max: number;
}

export interface BenchResult {
  /** `<suite>.<measure>`, e.g. `bundle-read.time`. */
  name: string;
  /** Median of the subject's samples. */
  value: number;
  unit: string;
  /** Median of the baseline's samples, measured in the same run. */
  baseline: number;
  /** value / baseline. */
  ratio: number;
  spread: Spread;
  target?: Target;
  /** How many timed samples the median is taken over. */
  samples: number;
  /** Free-form facts about the workload (sizes, counts). */
  notes?: Record<string, number | string>;
}

export type Suite = () => Promise<BenchResult[]>;
