// Number formatting for the console table and the README: three significant
// figures, thousands separated.

export function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const abs = Math.abs(x);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  const rounded = abs >= 1000 ? Number(x.toPrecision(3)) : x;
  return rounded.toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

export function fmtRatio(x: number): string {
  return x.toFixed(2) + '×';
}
