import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../../scripts/chromium.mjs';

// What every end-to-end test does with its browser: launch the machine's
// headless Chromium, and ask axe about a page.

/** How long an end-to-end step may take on a slow, shared machine. */
export const PATIENCE = { timeout: 120_000 };

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    // Playwright passes its own headless switch.
    args: chromiumArgs.filter((arg) => arg !== '--headless'),
  });
}

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeViolation {
  id: string;
  help: string;
  nodes: Array<{ target: unknown }>;
}

/** axe's violations on the whole page, one line each: rule, help, and where. */
export async function axeViolations(page: Page): Promise<string[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    const { axe } = window as unknown as {
      axe: { run(context: Document): Promise<{ violations: AxeViolation[] }> };
    };
    const { violations } = await axe.run(document);
    return violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`,
    );
  });
}
