// Runs browser suites in the headless Chromium the tests use, one fresh
// browser context (own heap, own storage) per suite.
import { access, constants } from 'node:fs/promises';
import { chromium, type Browser } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';
import { BLANK_PAGE } from './dev-server.js';

// Long enough for a pull of the ICU stay (300,000 observations) and its baseline on a busy machine.
const SUITE_TIMEOUT_MS = 1_800_000;

export async function launchBrowser(): Promise<Browser> {
  try {
    await access(chromiumPath, constants.X_OK);
  } catch {
    throw new Error(
      `no Chromium at ${chromiumPath}: run scripts/ensure-chromium.sh or set CHROMIUM_PATH`,
    );
  }
  return chromium.launch({
    executablePath: chromiumPath,
    // Playwright sets headless itself and rejects a profile dir in args.
    headless: true,
    args: [
      ...chromiumArgs.filter((a) => a !== '--headless'),
      // Unrounded performance.memory, and gc() for suites to settle the heap.
      '--enable-precise-memory-info',
      '--js-flags=--expose-gc',
    ],
  });
}

/** Imports `modulePath` (a URL path on the dev server) in a page and returns what its default export resolves to. */
export async function runInPage(
  browser: Browser,
  origin: string,
  modulePath: string,
): Promise<unknown> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text());
  });
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    // The page's heapUsed() helper calls this: a full GC, then V8's own count.
    await page.exposeFunction('__benchHeapUsed', async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const { metrics } = await cdp.send('Performance.getMetrics');
      return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
    });
    await page.goto(origin + BLANK_PAGE);
    // A string, not a function: nothing between here and the page rewrites it.
    const run = page.evaluate(`import(${JSON.stringify(modulePath)}).then((m) => m.default())`);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`timed out after ${SUITE_TIMEOUT_MS / 1000} s`)),
        SUITE_TIMEOUT_MS,
      );
    });
    try {
      return await Promise.race([run, timeout]);
    } finally {
      clearTimeout(timer);
    }
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const extra = pageErrors.length ? `\n  page errors:\n    ${pageErrors.join('\n    ')}` : '';
    throw new Error(message + extra, { cause: e });
  } finally {
    await context.close();
  }
}
