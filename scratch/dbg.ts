import { launchChromium } from '../test/e2e/support/browser.js';
import { richestSmallChart } from '../test/e2e/support/demo-fixture.js';
import { startDemo } from '../test/e2e/support/demo-server.js';
const fixture = await richestSmallChart();
const demo = await startDemo();
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  page.on('console', (m) => console.log('console:', m.text()));
  page.on('pageerror', (e) => console.log('pageerror:', e.message));
  await page.goto(new URL('?source=bundle&user=dr-okafor', demo.url).href);
  await page.locator('.patient-button', { hasText: fixture.patientName }).click();
  await page.locator('#import-status', { hasText: 'is on this device' }).waitFor({ timeout: 120000 });
  await page.waitForTimeout(3000);
  const af = page.locator('emr-allergy-form');
  await af.getByRole('combobox', { name: 'Substance' }).fill('penicillin V');
  await af.getByRole('option', { name: 'Penicillin V', exact: true }).click();
  await af.getByRole('button', { name: 'Save allergy' }).click();
  await page.waitForTimeout(3000);
  const mf = page.locator('emr-medication-form');
  await mf.getByRole('combobox', { name: 'Drug' }).fill('amoxicillin 500');
  await mf.getByRole('option', { name: 'amoxicillin 500 MG Oral Capsule', exact: true }).click();
  await mf.getByLabel('Dose', { exact: true }).fill('500');
  await mf.getByLabel('Unit').selectOption('mg');
  await mf.getByLabel('How often').selectOption('three-times-daily');
  await page.waitForTimeout(2000);
  await mf.getByRole('button', { name: 'Save medication' }).click();
  await page.waitForTimeout(1000);
  await mf.locator('emr-cds-cards').getByRole('radio').first().check();
  await mf.locator('emr-cds-cards').getByRole('button', { name: 'Override' }).first().click();
  await mf.getByRole('button', { name: 'Save medication' }).click();
  await page.waitForTimeout(5000);
  console.log(await page.evaluate(async () => {
    const list = document.querySelector('emr-medication-list')!.shadowRoot!.textContent!.replace(/\s+/g, ' ');
    const form = document.querySelector("emr-medication-form")!.shadowRoot!.textContent!.replace(/\s+/g, " "); return [list.slice(0, 3000), form.slice(0, 800)];
  }));
  console.log(await page.evaluate(() => {
    const el = document.querySelector('#chart-review') as HTMLElement & { cards?: unknown[] };
    return { hidden: el.hidden, defined: !!customElements.get('emr-cds-cards'), cards: el.cards?.length, text: el.shadowRoot?.textContent?.replace(/\s+/g, ' ').slice(0, 300) };
  }));
} finally {
  await browser.close();
  await demo.close();
}
