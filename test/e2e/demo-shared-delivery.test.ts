import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, PATIENCE } from './support/browser.js';
import { richestSmallChart, type FixtureChart } from './support/demo-fixture.js';
import { startDemo, type RunningDemo } from './support/demo-server.js';
import { allowAtTheEhr } from './support/ehr-consent.js';
import { changeableOrder, changeDose } from './support/portal-medications.js';

// Two clinicians of the demo portal, each in a browser context of their own
// (their own IndexedDB), share a chart through the sync server, and each
// has a SMART session with delivery to the demo EHR running. Dr Okafor
// changes a dose; Dr Lindqvist sees it through the sync server; the EHR
// receives it once: only the device that made a change sends it.

let demo: RunningDemo;
let browser: Browser;
let fixture: FixtureChart;
let ada: Page;
let erik: Page;
const pageErrors: string[] = [];

before(async () => {
  fixture = await richestSmallChart();
  demo = await startDemo();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await demo?.close();
});

async function portal(query: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(new URL(query, demo.url).href);
  return page;
}

const link = (page: Page, text: string) =>
  page.locator('emr-ehr-link', { hasText: text }).waitFor(PATIENCE);

test('both clinicians launch the chart through the EHR and deliver to it', async () => {
  ada = await portal('?user=dr-okafor');
  await ada.locator('.patient-button', { hasText: fixture.patientName }).click();
  await allowAtTheEhr(ada, demo.url, 'Dr Ada Okafor');
  await ada
    .locator('#import-status', { hasText: `${fixture.patientName}’s chart is on this device` })
    .waitFor(PATIENCE);
  await link(ada, 'Up to date with the hospital record');

  // The chart reaches the second clinician through the sync server; a refresh from the EHR gives them a session of their own.
  const patientId = new URL(ada.url()).searchParams.get('patient')!;
  erik = await portal(`?user=dr-lindqvist&patient=${patientId}`);
  await erik
    .locator('#import-status', {
      hasText: `${fixture.patientName}’s chart came from the sync server`,
    })
    .waitFor(PATIENCE);
  assert.equal(await erik.locator('emr-ehr-link').count(), 0, 'no session yet, no link');
  await erik.getByRole('button', { name: 'Refresh from the EHR' }).click();
  await allowAtTheEhr(erik, demo.url, 'Dr Erik Lindqvist');
  await erik
    .locator('#import-status', {
      // Their device's first pull: the whole chart, which sync had brought already.
      hasText: `${fixture.patientName}’s chart is on this device: `,
    })
    .waitFor(PATIENCE);
  await link(erik, 'Up to date with the hospital record');
});

test('a dose one changes, the other sees, and the EHR receives once', async () => {
  const key = await changeableOrder(ada);
  const id = key.slice('MedicationRequest/'.length);
  await changeDose(ada, key, '3', 'mg');
  await link(ada, '1 sent');
  await link(ada, 'Up to date with the hospital record');

  await erik
    .locator(`emr-medication-list li.item[data-key="${key}"] [part="line"]`, { hasText: '3 mg' })
    .waitFor(PATIENCE);
  await link(erik, 'Up to date with the hospital record');
  await link(erik, '0 changes waiting to send');
  await link(erik, '0 sent');
  assert.equal(
    await erik.locator(`emr-medication-list li.item[data-key="${key}"] .delivery-note`).count(),
    0,
    'nothing of the change waits on the second clinician’s device',
  );

  // Every write the EHR was sent by either clinician, a transaction included.
  const writes = demo.ehr.fhir.requests.filter(
    (r) => !['GET', 'HEAD', 'OPTIONS'].includes(r.method),
  );
  assert.deepEqual(
    writes.map((r) => `${r.method} ${r.path} ${r.status}`),
    [`PUT /fhir/MedicationRequest/${id} 200`],
  );
});

test('no script error on either page', () => {
  assert.deepEqual(pageErrors, []);
});
