// `npm run bench [filter]`: runs the benchmark suites, prints a table and
// writes bench/results.json. Missed targets are reported, not fatal: the exit
// code is non-zero only when a suite fails to produce figures.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import type { BenchResult } from './harness/types.js';
import { launchBrowser, runInPage } from './runner/browser.js';
import { startDevServer, type DevServer } from './runner/dev-server.js';
import { discoverSuites, keepsRow, selects, type SuiteFile } from './runner/discover.js';
import { busyWarning, describeEnvironment, environmentLine } from './runner/environment.js';
import { fmtRatio } from './runner/format.js';
import { exposeGc } from './runner/node-gc.js';
import { isNoisy, relativeSpread } from './runner/noise.js';
import { writeResults } from './runner/results-file.js';
import { renderTable } from './runner/table.js';
import { targetMet, targetText } from './runner/targets.js';
import { validateResults } from './runner/validate-results.js';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(benchDir, '..');
const filter = process.argv[2];

async function runNodeSuite(suite: SuiteFile): Promise<unknown> {
  const mod = (await import(pathToFileURL(suite.file).href)) as {
    default?: () => Promise<unknown>;
  };
  if (typeof mod.default !== 'function') throw new Error('a suite must export a default function');
  return mod.default();
}

// The dev server and browser start on the first browser suite, and only then.
let browserSide: { server: DevServer; browser: Browser } | undefined;
async function runBrowserSuite(suite: SuiteFile): Promise<unknown> {
  if (!browserSide) {
    const server = await startDevServer(repoRoot);
    try {
      browserSide = { server, browser: await launchBrowser() };
    } catch (e) {
      await server.close();
      throw e;
    }
  }
  return runInPage(browserSide.browser, browserSide.server.origin, '/' + suite.relative);
}

async function main(): Promise<number> {
  const suites = (await discoverSuites(benchDir)).filter((s) => selects(filter, s.name));
  if (suites.length === 0) {
    console.error(filter ? `no benchmark suite matches "${filter}"` : 'no benchmark suites found');
    return 1;
  }
  exposeGc();
  const busy = busyWarning();
  if (busy) console.log(`Warning: ${busy}.`);

  const results: BenchResult[] = [];
  const failures: string[] = [];
  try {
    for (const suite of suites) {
      const started = performance.now();
      process.stdout.write(`▸ ${suite.name} (${suite.kind}) … `);
      try {
        const raw =
          suite.kind === 'node' ? await runNodeSuite(suite) : await runBrowserSuite(suite);
        const rows = validateResults(suite.name, raw).filter((r) =>
          keepsRow(filter, suite.name, r.name),
        );
        results.push(...rows);
        console.log(`${((performance.now() - started) / 1000).toFixed(1)} s`);
      } catch (e) {
        console.log('FAILED');
        const message = e instanceof Error ? e.message : String(e);
        failures.push(`${suite.name}: ${message}`);
      }
    }
  } finally {
    await browserSide?.browser.close();
    await browserSide?.server.close();
  }

  const environment = describeEnvironment(browserSide?.browser.version());
  if (results.length > 0) {
    console.log(`\n${renderTable(results)}\n`);
    console.log(`Measured on ${environmentLine(environment)}; median of each suite's samples.`);
    if (busy) console.log(`Warning: ${busy}.`);
    for (const r of results.filter(isNoisy)) {
      console.log(
        `Noisy: ${r.name} (p25–p75 spans ${Math.round(relativeSpread(r) * 100)}% of the median); rerun on a quiet machine.`,
      );
    }
    const missed = results.filter((r) => targetMet(r) === false);
    for (const r of missed) {
      console.log(`TARGET MISSED: ${r.name} ratio ${fmtRatio(r.ratio)}, target ${targetText(r)}`);
    }
    const file = path.join(benchDir, 'results.json');
    await writeResults(
      file,
      results.map((r) => ({ ...r, environment })),
      filter !== undefined,
    );
    console.log(`Wrote ${path.relative(repoRoot, file)}.`);
  }
  for (const f of failures) console.error(`\nSUITE FAILED: ${f}`);
  return failures.length > 0 ? 1 : 0;
}

process.exitCode = await main();
