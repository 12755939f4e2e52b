// Where a start's time goes: one visit of a start page (kit or raw, warm
// after three visits, or cold in a fresh profile) under the DevTools CPU
// profiler; prints the time to rows, the functions with the most time
// (their callees included), self time by script file and by function.
//
//   node --import tsx bench/tools/profile-start.ts [kit|raw] [warm|cold] [--top 30]
//
// BENCH_NO_MINIFY=1 builds the pages unminified, so functions show their names.
import { watchedVisit } from '../node/support/start-pages.js';

const page = process.argv[2] === 'raw' ? 'raw' : 'kit';
const cold = process.argv[3] === 'cold';
const topIndex = process.argv.indexOf('--top');
const top = topIndex > 0 ? Number(process.argv[topIndex + 1]) : 30;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const { pages, tab, cdp, open, close } = await watchedVisit(page, cold);
try {
  // The profiler follows the new tab from its first script.
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await open();
  const probe = await tab.evaluate(() => window.startProbe);
  const marks = await tab.evaluate(() => [
    ...performance.getEntriesByType('mark').map((m) => `${m.name} ${m.startTime.toFixed(1)}`),
    ...(performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map(
      (r) =>
        `${new URL(r.name).pathname} fetched ${r.startTime.toFixed(1)}–${r.responseEnd.toFixed(1)}`,
    ),
    ...(performance.getEntriesByType('navigation') as PerformanceNavigationTiming[]).map(
      (n) =>
        `document ${n.responseEnd.toFixed(1)}, DOMContentLoaded ${n.domContentLoadedEventStart.toFixed(1)}`,
    ),
  ]);
  const { profile: p } = (await cdp.send('Profiler.stop')) as { profile: Profile };
  console.log(`rows at ${probe.rowsAt?.toFixed(1)} ms ${probe.error ?? ''}`);
  for (const m of marks) console.log(`  ${m}`);
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000));
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  for (const node of p.nodes) {
    const ms = self.get(node.id) ?? 0;
    const file = node.callFrame.url.replace(pages.origin, '') || '(native)';
    const key = `${node.callFrame.functionName || '(anonymous)'} ${file}:${node.callFrame.lineNumber}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
    byFile.set(file, (byFile.get(file) ?? 0) + ms);
  }
  const print = (title: string, map: Map<string, number>) => {
    console.log(title);
    for (const [k, v] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top))
      console.log(`  ${v.toFixed(1).padStart(8)} ms  ${k}`);
  };
  const parent = new Map<number, number>();
  for (const node of p.nodes) for (const c of node.children ?? []) parent.set(c, node.id);
  const byNode = new Map(p.nodes.map((n) => [n.id, n]));
  const total = new Map<string, number>();
  p.samples.forEach((id, i) => {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const n = byNode.get(at)!;
      if (!n.callFrame.url) continue;
      const key = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(pages.origin, '')}:${n.callFrame.lineNumber}`;
      if (seen.has(key)) continue;
      seen.add(key);
      total.set(key, (total.get(key) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000);
    }
  });
  print('total time by function', total);
  print('self time by script file', byFile);
  print('self time by function', byFunction);
} finally {
  await close();
}
