// Finds the suites: bench/browser/*.bench.ts run in Chromium,
// bench/node/*.bench.ts in this process.
import { readdir } from 'node:fs/promises';
import path from 'node:path';

export type SuiteKind = 'browser' | 'node';

export interface SuiteFile {
  /** File name without `.bench.ts`; result names start with it. */
  name: string;
  kind: SuiteKind;
  file: string;
  /** Path from the repository root, with forward slashes (a URL path for browser suites). */
  relative: string;
}

const SUFFIX = '.bench.ts';

async function list(benchDir: string, kind: SuiteKind): Promise<SuiteFile[]> {
  const dir = path.join(benchDir, kind);
  const names = await readdir(dir).catch(() => [] as string[]);
  return names
    .filter((n) => n.endsWith(SUFFIX))
    .sort()
    .map((n) => ({
      name: n.slice(0, -SUFFIX.length),
      kind,
      file: path.join(dir, n),
      relative: `bench/${kind}/${n}`,
    }));
}

export async function discoverSuites(benchDir: string): Promise<SuiteFile[]> {
  return [...(await list(benchDir, 'node')), ...(await list(benchDir, 'browser'))];
}

/**
 * The filter selects a suite by part of its name (`bundle`) or one row of it
 * by the row's name (`bundle-read.time`).
 */
export function selects(filter: string | undefined, suite: string): boolean {
  return !filter || suite.includes(filter) || filter.startsWith(suite + '.');
}

export function keepsRow(filter: string | undefined, suite: string, row: string): boolean {
  return !filter || suite.includes(filter) || row.includes(filter);
}
