import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { PATIENCE } from './browser.js';

/** The demo EHR's consent page: it names the signed-in clinician; Allow sends the browser back to the portal. */
export async function allowAtTheEhr(
  page: Page,
  portalUrl: string,
  clinician: string,
): Promise<void> {
  await page.waitForURL((url) => url.pathname.startsWith('/interaction/'), PATIENCE);
  await page.getByRole('heading', { name: 'Allow access' }).waitFor(PATIENCE);
  assert.match((await page.textContent('body')) ?? '', new RegExp(`Signed in as ${clinician}`));
  await page.getByRole('button', { name: 'Allow' }).click();
  await page.waitForURL((url) => url.href.startsWith(portalUrl), PATIENCE);
}
