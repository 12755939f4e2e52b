// Scoring a measurement on a chart whose rows are written at a fixed
// precision (NEWS2: whole numbers, temperature to one decimal). A value
// recorded more finely than the chart may fall between two rows (a
// respiration rate of 20.5 is neither 12–20 nor 21–24). Rounding it would
// pick a row by arithmetic, and half up always picks the upper row, which at
// a lower boundary is the less alarming one (SpO₂ 91.5 → 92 scores 2, not 3).
// So such a value is scored on both rows around it, and the more alarming
// score wins.

/** How far from a chart step a value may be and still count as on it (floating-point noise, not measurement). */
const ON_STEP = 1e-9;

/** The chart values around `value` at `decimals` places: one when it is on the chart's grid, else the two it falls between. */
export function chartNeighbours(value: number, decimals: number): number[] {
  const scale = 10 ** decimals;
  const scaled = value * scale;
  const nearest = Math.round(scaled);
  if (Math.abs(scaled - nearest) < ON_STEP * Math.max(1, Math.abs(scaled)))
    return [nearest / scale];
  return [Math.floor(scaled) / scale, Math.ceil(scaled) / scale];
}

/**
 * The most alarming score of the chart rows a value falls on or between;
 * undefined when any of them cannot be scored (then the score is unknown).
 */
export function scoreOnChart<S extends number | undefined>(
  value: number,
  decimals: number,
  score: (chartValue: number) => S,
): S {
  const scores = chartNeighbours(value, decimals).map(score);
  if (scores.some((s) => s === undefined)) return undefined as S;
  return Math.max(...(scores as number[])) as S;
}
