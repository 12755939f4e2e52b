// bench/results.json: every row the latest run produced. A filtered run
// replaces only the rows it measured and keeps the others.
import { readFile, writeFile } from 'node:fs/promises';
import type { BenchResult } from '../harness/types.js';
import type { Environment } from './environment.js';

export type StoredResult = BenchResult & { environment: Environment };

async function previous(file: string): Promise<StoredResult[]> {
  try {
    const data: unknown = JSON.parse(await readFile(file, 'utf8'));
    return Array.isArray(data) ? (data as StoredResult[]) : [];
  } catch {
    return [];
  }
}

export async function writeResults(
  file: string,
  rows: StoredResult[],
  merge: boolean,
): Promise<void> {
  const fresh = new Set(rows.map((r) => r.name));
  const kept = merge ? (await previous(file)).filter((r) => !fresh.has(r.name)) : [];
  const all = [...kept, ...rows].sort((a, b) => a.name.localeCompare(b.name));
  await writeFile(file, JSON.stringify(all, null, 2) + '\n');
}
