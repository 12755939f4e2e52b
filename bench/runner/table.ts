// The console report: one row per result, misses marked.
import type { BenchResult } from '../harness/types.js';
import { fmt, fmtRatio } from './format.js';
import { targetMet, targetText } from './targets.js';

const HEADERS = [
  'name',
  'median',
  'unit',
  'spread (p25–p75)',
  'baseline',
  'ratio',
  'target (ratio)',
  'met',
];

function row(r: BenchResult): string[] {
  const met = targetMet(r);
  return [
    r.name,
    fmt(r.value),
    r.unit,
    `${fmt(r.spread.p25)}–${fmt(r.spread.p75)}`,
    fmt(r.baseline),
    fmtRatio(r.ratio),
    targetText(r),
    met === undefined ? '' : met ? 'yes' : 'MISSED',
  ];
}

/** Right-aligns the numeric columns. */
const NUMERIC = new Set([1, 3, 4, 5]);

export function renderTable(results: readonly BenchResult[]): string {
  const rows = [HEADERS, ...results.map(row)];
  const widths = HEADERS.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (NUMERIC.has(c) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  return [line(HEADERS), rule, ...rows.slice(1).map(line)].join('\n');
}
