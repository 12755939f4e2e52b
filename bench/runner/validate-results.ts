// What a suite hands back is checked before it is reported: a suite that
// returns nonsense fails loudly instead of writing a bad figure.
import type { BenchResult } from '../harness/types.js';

function finite(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

export function validateResults(suite: string, raw: unknown): BenchResult[] {
  if (!Array.isArray(raw) || raw.length === 0) {
    throw new Error(
      `suite ${suite} returned ${Array.isArray(raw) ? 'no results' : typeof raw}, not BenchResult[]`,
    );
  }
  return raw.map((r: BenchResult, i) => {
    const where = `suite ${suite}, result ${i} (${String(r?.name)})`;
    if (typeof r?.name !== 'string' || !r.name.startsWith(suite + '.')) {
      throw new Error(`${where}: name must start with "${suite}."`);
    }
    if (typeof r.unit !== 'string') throw new Error(`${where}: no unit`);
    if (!finite(r.value) || !finite(r.baseline) || r.baseline === 0) {
      throw new Error(`${where}: value and baseline must be finite numbers, baseline non-zero`);
    }
    // Recomputed so the file's ratio is value / baseline whatever the suite did.
    return { ...r, ratio: r.value / r.baseline };
  });
}
