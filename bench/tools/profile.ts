// CPU profile of work in the benchmark page, to find where the time of a
// slow figure goes. A profile module (bench/profiles/*.profile.ts) may export
// `setup` (run first, not profiled) and must export a default function (the
// profiled work); the page, dev server and Chromium are the suites' own.
//
//   node --import tsx bench/tools/profile.ts bench/profiles/store-import.profile.ts [--top 25] [--interval 500] [--out file.cpuprofile]
//
// Prints the functions with the most self time, and with the most total
// (inclusive) time, each as a share of the profiled time.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../runner/browser.js';
import { BLANK_PAGE, startDevServer } from '../runner/dev-server.js';

/** The parts of a DevTools Profiler.Profile read here. */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

export interface FunctionTime {
  name: string;
  where: string;
  selfMs: number;
  totalMs: number;
}

/** Self and inclusive time per function (recursion counted once), from the samples' own time deltas. */
export function functionTimes(profile: Profile): { functions: FunctionTime[]; totalMs: number } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const keyOf = (n: ProfileNode) => {
    const f = n.callFrame;
    const url = f.url.replace(/^https?:\/\/[^/]+\//, '').replace(/\?.*$/, '');
    return `${f.functionName || '(anonymous)'}\u0000${url ? `${url}:${f.lineNumber + 1}` : ''}`;
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let totalUs = 0;
  for (let i = 0; i < samples.length; i++) {
    // A sample's time is the gap to the next one.
    const us = deltas[i + 1] ?? 0;
    totalUs += us;
    const top = byId.get(samples[i]!)!;
    const topKey = keyOf(top);
    self.set(topKey, (self.get(topKey) ?? 0) + us);
    const seen = new Set<string>();
    for (let id: number | undefined = top.id; id !== undefined; id = parent.get(id)) {
      const key = keyOf(byId.get(id)!);
      if (seen.has(key)) continue;
      seen.add(key);
      total.set(key, (total.get(key) ?? 0) + us);
    }
  }
  const functions = [...total.keys()].map((key) => {
    const [name, where] = key.split('\u0000') as [string, string];
    return { name, where, selfMs: (self.get(key) ?? 0) / 1000, totalMs: total.get(key)! / 1000 };
  });
  return { functions, totalMs: totalUs / 1000 };
}

function table(
  rows: FunctionTime[],
  by: 'selfMs' | 'totalMs',
  totalMs: number,
  top: number,
): string {
  return [...rows]
    .filter((r) => r.name !== '(root)')
    .sort((a, b) => b[by] - a[by])
    .slice(0, top)
    .map(
      (r) =>
        `${r[by].toFixed(0).padStart(8)} ms ${((100 * r[by]) / totalMs).toFixed(1).padStart(5)}%  ${r.name}  ${r.where}`,
    )
    .join('\n');
}

async function main(): Promise<void> {
  const modulePath = process.argv[2];
  if (!modulePath)
    throw new Error(
      'usage: profile.ts <bench/profiles/x.profile.ts> [--top N] [--interval µs] [--out file]',
    );
  const url = '/' + path.relative(repoRoot, path.resolve(modulePath)).split(path.sep).join('/');
  const top = Number(option('top', '25'));
  const server = await startDevServer(repoRoot);
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.on('console', (m) => console.log(`[page] ${m.text()}`));
    page.on('pageerror', (e) => console.error(`[page error] ${e.message}`));
    const cdp = await context.newCDPSession(page);
    await page.goto(server.origin + BLANK_PAGE);
    await page.evaluate(`import(${JSON.stringify(url)}).then((m) => m.setup?.())`);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: Number(option('interval', '500')) });
    await cdp.send('Profiler.start');
    const started = performance.now();
    const result = await page.evaluate(`import(${JSON.stringify(url)}).then((m) => m.default())`);
    const wallMs = performance.now() - started;
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
    const out = process.argv.includes('--out') ? option('out', '') : '';
    if (out) await writeFile(out, JSON.stringify(profile));
    const { functions, totalMs } = functionTimes(profile);
    console.log(
      `profiled ${url}: ${wallMs.toFixed(0)} ms wall, ${totalMs.toFixed(0)} ms sampled; result ${JSON.stringify(result)}`,
    );
    console.log(`\nSelf time, top ${top}:\n${table(functions, 'selfMs', totalMs, top)}`);
    console.log(
      `\nTotal (inclusive) time, top ${top}:\n${table(functions, 'totalMs', totalMs, top)}`,
    );
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
