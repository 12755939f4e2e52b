import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser.js';
import { richestSmallChart, type FixtureChart } from './demo-fixture.js';
import { startDemo, type RunningDemo } from './demo-server.js';

// The demo as `npm start` serves it, one page of it open in Chromium, and
// the Synthea chart the demo tests look for.

export interface DemoPage {
  demo: RunningDemo;
  browser: Browser;
  page: Page;
  fixture: FixtureChart;
  /** Every uncaught script error of the page so far. */
  pageErrors: string[];
  close(): Promise<void>;
}

export async function openDemoPage(
  path: string,
  viewport: { width: number; height: number },
  beforeLoad?: (page: Page) => Promise<void>,
): Promise<DemoPage> {
  const fixture = await richestSmallChart();
  const demo = await startDemo();
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport });
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await beforeLoad?.(page);
  await page.goto(new URL(path, demo.url).href);
  return {
    demo,
    browser,
    page,
    fixture,
    pageErrors,
    async close() {
      await browser.close();
      await demo.close();
    },
  };
}
