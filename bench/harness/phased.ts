// Timing of work that needs untimed preparation and cleanup around it (a
// fresh database to import into, deleted afterwards): only `run` is on the
// clock. Same method as measurePair: warm-up rounds first, subject and
// baseline in alternation with the order flipping every round, a full GC and
// a short pause before every timed run.

export interface Phased<S> {
  /** Untimed: builds what the run needs (opens a fresh database, say). */
  setup(): Promise<S> | S;
  /** Timed. */
  run(state: S): Promise<unknown> | unknown;
  /** Untimed: closes and deletes what setup made. */
  teardown?(state: S): Promise<void> | void;
}

export interface PhasedOptions {
  repeat?: number;
  warmup?: number;
}

const sink: { value: unknown } = { value: undefined };

async function settle(): Promise<void> {
  sink.value = undefined;
  (globalThis as { gc?: () => void }).gc?.();
  await new Promise((resolve) => setTimeout(resolve, 20));
}

/** Milliseconds of one `run`, setup and teardown off the clock. */
export async function timePhased<S>(task: Phased<S>): Promise<number> {
  const state = await task.setup();
  try {
    await settle();
    const start = performance.now();
    sink.value = await task.run(state);
    return performance.now() - start;
  } finally {
    await task.teardown?.(state);
  }
}

/** ms samples of a subject and its baseline, timed in alternation. */
export async function measurePhasedPair<S, B>(
  subject: Phased<S>,
  baseline: Phased<B>,
  options: PhasedOptions = {},
): Promise<{ subject: number[]; baseline: number[] }> {
  const { repeat = 11, warmup = 2 } = options;
  for (let i = 0; i < warmup; i++) {
    await timePhased(baseline);
    await timePhased(subject);
  }
  const out = { subject: [] as number[], baseline: [] as number[] };
  for (let i = 0; i < repeat; i++) {
    if (i % 2 === 0) {
      out.baseline.push(await timePhased(baseline));
      out.subject.push(await timePhased(subject));
    } else {
      out.subject.push(await timePhased(subject));
      out.baseline.push(await timePhased(baseline));
    }
  }
  return out;
}

/** Constant samples, for a row whose baseline is a fixed budget (16 ms, 1 s, 300 MB) rather than a measurement. */
export function budget(value: number, n = 1): number[] {
  return Array.from({ length: n }, () => value);
}
