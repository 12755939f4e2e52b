// Timing loops that run the same way in the page and in Node (both have
// `performance.now()`).

export interface MeasureOptions {
  /** Timed runs; odd, so the median is a real sample. */
  repeat?: number;
  /** Untimed runs first, so the JIT and caches are warm. */
  warmup?: number;
}

export const DEFAULT_REPEAT = 11;
export const DEFAULT_WARMUP = 2;

type Task = () => unknown;

// Results are kept here so the engine cannot drop work whose value is unused.
const sink: { value: unknown } = { value: undefined };
export function consume(value: unknown): void {
  sink.value = value;
}

/**
 * Collects garbage before a timed run when the host allows it (Chromium
 * launched with --expose-gc, Node given gc by the runner), so one run's
 * garbage is not collected on the next one's clock. The pause lets the
 * collector's background sweeping finish instead of competing with the run
 * for the cores.
 */
async function settle(): Promise<void> {
  sink.value = undefined;
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc();
  await new Promise((resolve) => setTimeout(resolve, 20));
}

async function time(fn: Task): Promise<number> {
  await settle();
  const start = performance.now();
  consume(await fn());
  return performance.now() - start;
}

/** Milliseconds per run of `fn`, `repeat` samples after `warmup` untimed runs. */
export async function measure(fn: Task, options: MeasureOptions = {}): Promise<number[]> {
  const { repeat = DEFAULT_REPEAT, warmup = DEFAULT_WARMUP } = options;
  for (let i = 0; i < warmup; i++) consume(await fn());
  const samples: number[] = [];
  for (let i = 0; i < repeat; i++) samples.push(await time(fn));
  return samples;
}

/**
 * Times a subject and its baseline in alternation, so that noise on the
 * machine (another process, thermal throttling) hits both alike and the
 * ratio stays honest. The order flips every round so that neither always
 * runs just after the other.
 */
export async function measurePair(
  subject: Task,
  baseline: Task,
  options: MeasureOptions = {},
): Promise<{ subject: number[]; baseline: number[] }> {
  const { repeat = DEFAULT_REPEAT, warmup = DEFAULT_WARMUP } = options;
  for (let i = 0; i < warmup; i++) {
    consume(await baseline());
    consume(await subject());
  }
  const out = { subject: [] as number[], baseline: [] as number[] };
  for (let i = 0; i < repeat; i++) {
    if (i % 2 === 0) {
      out.baseline.push(await time(baseline));
      out.subject.push(await time(subject));
    } else {
      out.subject.push(await time(subject));
      out.baseline.push(await time(baseline));
    }
  }
  return out;
}
