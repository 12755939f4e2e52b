import type { Page } from 'playwright-core';
import { PATIENCE } from './browser.js';

// The portal's medication list as a clinician uses it: find an order whose
// dose can be changed, change it.

/** The key (`MedicationRequest/<id>`) of the first medication order listed with a "Change dose" button. */
export async function changeableOrder(page: Page): Promise<string> {
  await page
    .locator('emr-medication-list li.item[data-key^="MedicationRequest/"] [data-action="dose"]')
    .first()
    .waitFor(PATIENCE);
  return page.evaluate(() => {
    const list = document.querySelector('emr-medication-list')!.shadowRoot!;
    const button = list.querySelector(
      'li.item[data-key^="MedicationRequest/"] [data-action="dose"]',
    )!;
    return button.closest<HTMLElement>('li.item')!.dataset.key!;
  });
}

/** Changes the order's dose through its form (choosing the unit when none was recorded), as a clinician does. */
export async function changeDose(
  page: Page,
  key: string,
  value: string,
  unitCode: string,
): Promise<void> {
  const item = page.locator(`emr-medication-list li.item[data-key="${key}"]`);
  await item.locator('[data-action="dose"]').click();
  const form = item.locator('form[part="form"]');
  await form.getByLabel('New dose').fill(value);
  const unit = form.locator('select');
  if ((await unit.count()) > 0) await unit.selectOption(unitCode);
  await form.getByRole('button', { name: 'Save new dose' }).click();
  await form.waitFor({ state: 'detached', ...PATIENCE });
}
