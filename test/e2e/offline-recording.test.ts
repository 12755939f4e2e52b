import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium } from './support/browser.js';
import { startPages, type StartPages } from '../../bench/node/support/start-pages.js';

// A read never needs the code that changes the chart (Yjs, the schemas, the
// revision rule): the page shows its rows without it, and fetches it right
// after, so that it is on the device before the network can go. Here the
// production build of the summary page (bench/pages/start) shows a chart
// already on the device, goes offline, and records a set of vital signs.

const PATIENCE = { timeout: 60_000 };
let pages: StartPages;
let browser: Browser;

before(async () => {
  // Nothing from the HTTP cache: offline, the page has only what it fetched while online.
  pages = await startPages({ httpCache: false });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await pages?.close();
});

async function rowsShown(page: Page): Promise<{ rowsAt: number; before: string[] }> {
  await page.waitForFunction(
    () => window.startProbe?.rowsAt !== undefined || window.startProbe?.error !== undefined,
    null,
    PATIENCE,
  );
  return page.evaluate(() => {
    if (window.startProbe.error) throw new Error(window.startProbe.error);
    const rowsAt = window.startProbe.rowsAt!;
    const before = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((r) => r.responseEnd <= rowsAt)
      .map((r) => new URL(r.name).pathname);
    return { rowsAt, before };
  });
}

test('a chart shown, then the network gone: vital signs are still recorded', PATIENCE, async () => {
  const context = await browser.newContext();
  try {
    // The first visit puts the chart on the device: its rows show from the bundle, then it is stored.
    const first = await context.newPage();
    await first.goto(`${pages.origin}/kit.html?${pages.query}&import`);
    await rowsShown(first);
    await first.waitForFunction(
      () =>
        performance.getEntriesByName('start:imported').length > 0 ||
        window.startProbe?.error !== undefined,
      null,
      PATIENCE,
    );
    assert.equal(await first.evaluate(() => window.startProbe.error), undefined);
    await first.close();

    // A later visit: the rows come without the write side, which follows them.
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const writeSide = page.waitForResponse(
      (response) => /\/write-side-[\w-]+\.js$/.test(new URL(response.url()).pathname),
      PATIENCE,
    );
    await page.goto(`${pages.origin}/kit.html?${pages.query}`);
    const { before } = await rowsShown(page);
    assert.ok(
      before.some((file) => /\/kit-[\w-]+\.js$/.test(file)),
      `the page's script came before the rows: ${before.join(', ')}`,
    );
    assert.deepEqual(
      before.filter((file) => /\/(write-side|import-writes)-/.test(file)),
      [],
      'nothing of the write side before the rows',
    );
    await writeSide;
    await page.waitForLoadState('networkidle');

    await context.setOffline(true);
    assert.equal(
      await page.evaluate(() =>
        fetch('./chart.json').then(
          () => 'online',
          () => 'offline',
        ),
      ),
      'offline',
    );

    const startedAt = new Date(Date.now() - 60_000).toISOString();
    const grid = page.locator('emr-vitals-grid');
    await grid.getByRole('button', { name: 'Record vital signs' }).click();
    const form = grid.locator('emr-vitals-form');
    await form.locator('#heart-rate').fill('72');
    await form.locator('#temperature').fill('37.2');
    await form.getByRole('button', { name: 'Save' }).click();
    // The new set heads the table.
    await page.waitForFunction(
      (since) => {
        const newest = document
          .querySelector('emr-vitals-grid')
          ?.shadowRoot?.querySelector('thead th[part~="column-header"] time')
          ?.getAttribute('datetime');
        return newest !== undefined && newest !== null && newest > since;
      },
      startedAt,
      PATIENCE,
    );
    assert.equal(await form.count(), 0, 'the form closed: the set was saved');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
