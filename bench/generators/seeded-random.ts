// Seeded randomness for the synthetic charts: the same seed gives the same
// numbers in Node and in the browser (no Math.random), and mean-reverting
// random walks for a monitor's streams.

/** mulberry32: a small, fast, well-mixed 32-bit generator. Returns [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seed for a part of the chart, mixed from the chart's seed and the part's number. */
export function subSeed(seed: number, part: number): number {
  let h = (seed ^ Math.imul(part + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** A normal variate (Box–Muller) from a uniform source. */
export function gaussian(random: () => number): number {
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

export const pick = <T>(random: () => number, list: readonly T[]): T =>
  list[Math.floor(random() * list.length)]!;

export interface Walk {
  mean: number;
  /** Pull back towards the mean per step (0–1). */
  reversion: number;
  /** Standard deviation of a step. */
  noise: number;
  min: number;
  max: number;
  decimals: number;
}

export function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/** One step of a mean-reverting random walk, kept within its bounds. */
export function step(walk: Walk, current: number, random: () => number): number {
  const next = current + walk.reversion * (walk.mean - current) + walk.noise * gaussian(random);
  return Math.min(walk.max, Math.max(walk.min, next));
}
