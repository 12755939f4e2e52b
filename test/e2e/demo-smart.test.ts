import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { axeViolations, PATIENCE } from './support/browser.js';
import { openDemoPage, type DemoPage } from './support/demo-page.js';
import { allowAtTheEhr as allowAt } from './support/ehr-consent.js';

// The demo portal's SMART path end to end: the ward list from the demo
// EHR's FHIR server; opening a patient is an EHR launch (the launch page,
// the EHR's consent page, Allow), then the chart is pulled with progress and
// every summary element shows what the fixture holds. After a reload the
// chart opens from IndexedDB at once; a refresh needs a new launch; the
// read-only viewer cannot pull.

let session: DemoPage;
let page: Page;
let demo: DemoPage['demo'];
let fixture: DemoPage['fixture'];
let pageErrors: string[];

before(async () => {
  session = await openDemoPage('?user=dr-okafor', { width: 1440, height: 900 }, async (page) => {
    // Every line the ward list's status region shows, across the page's loads: progress can pass quicker than a poll.
    await page.addInitScript(() => {
      const seen: string[] = JSON.parse(
        sessionStorage.getItem('test status lines') ?? '[]',
      ) as string[];
      document.addEventListener('DOMContentLoaded', () => {
        const region = document.getElementById('import-status');
        if (!region) return;
        new MutationObserver(() => {
          seen.push(region.textContent ?? '');
          sessionStorage.setItem('test status lines', JSON.stringify(seen));
        }).observe(region, { childList: true, subtree: true, characterData: true });
      });
    });
  });
  ({ page, demo, fixture, pageErrors } = session);
});

after(() => session?.close());

const statusLines = () =>
  page.evaluate(() => JSON.parse(sessionStorage.getItem('test status lines') ?? '[]') as string[]);

const allowAtTheEhr = (clinician: string) => allowAt(page, demo.url, clinician);

test('the ward list lists the FHIR server’s patients', async () => {
  await page.locator('.patient-button').first().waitFor(PATIENCE);
  const names = await page.locator('.patient-button .name').allTextContents();
  assert.equal(names.length, demo.ehr.patients.length);
  assert.ok(names.includes(fixture.patientName), `${fixture.patientName} is listed`);
});

test('opening a patient launches the chart through the EHR: consent, then the pull, with progress', async () => {
  await page.locator('.patient-button', { hasText: fixture.patientName }).click();
  await allowAtTheEhr('Dr Ada Okafor');
  await page
    .locator('#import-status', { hasText: `${fixture.patientName}’s chart is on this device` })
    .waitFor(PATIENCE);
  assert.ok(
    (await statusLines()).some((line) =>
      line.startsWith(`Fetching ${fixture.patientName}’s records from the hospital record`),
    ),
    'the fetching progress was shown',
  );
  assert.equal(await page.locator('#patient-name').textContent(), fixture.patientName);
  const address = new URL(page.url());
  assert.equal(address.searchParams.get('user'), 'dr-okafor');
  assert.ok(address.searchParams.get('patient'));
  assert.equal(address.searchParams.get('code'), null, 'the code is gone from the address');
});

test('the pulled chart shows the fixture’s allergies and medications', async () => {
  const anyAllergy = new RegExp(
    fixture.allergies.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'),
    'i',
  );
  await page
    .locator('emr-allergy-banner [part="summary"]', { hasText: anyAllergy })
    .waitFor(PATIENCE);
  await page.waitForFunction(
    (count) =>
      document.querySelector('emr-medication-list')?.shadowRoot?.querySelectorAll('[part="line"]')
        .length === count,
    fixture.medicationRecords,
    PATIENCE,
  );
  const shown = (await page.locator('emr-medication-list [part="line"]').allTextContents()).map(
    (text) => text.toLowerCase(),
  );
  for (const medication of fixture.medications)
    assert.ok(
      shown.some((line) => line.includes(medication.toLowerCase())),
      `${medication} is listed`,
    );
});

test('axe finds no violation on the chart with the EHR’s style applied', async () => {
  await page
    .locator('emr-medication-list [part="line"]')
    .first()
    .waitFor({ state: 'visible', ...PATIENCE });
  assert.notEqual(
    await page.evaluate(() =>
      document.getElementById('workspace')?.style.getPropertyValue('--emr-color-surface'),
    ),
    '',
    'the EHR’s style is set',
  );
  const violations = await axeViolations(page);
  assert.deepEqual(violations, []);
});

test('after a reload the chart opens from this device at once; a refresh needs a new launch', async () => {
  await page.reload();
  await page
    .locator('.patient-button', { hasText: fixture.patientName })
    .locator('.where', { hasText: 'On this device' })
    .waitFor(PATIENCE);
  await page.locator('emr-medication-list [part="line"]').first().waitFor(PATIENCE);
  assert.equal(new URL(page.url()).origin, new URL(demo.url).origin, 'no launch on a reload');
  await page.getByRole('button', { name: 'Refresh from the EHR' }).click();
  await allowAtTheEhr('Dr Ada Okafor');
  await page
    .locator('#import-status', {
      hasText: `${fixture.patientName}’s chart is up to date with the hospital EHR`,
    })
    .waitFor(PATIENCE);
  // With the session in memory, a second refresh pulls without leaving the page.
  const launches = demo.ehr.auth.grantCounts().authorization_code ?? 0;
  await page.getByRole('button', { name: 'Refresh from the EHR' }).click();
  await page
    .locator('#import-status', { hasText: 'records changed since the last pull' })
    .waitFor(PATIENCE);
  assert.equal(demo.ehr.auth.grantCounts().authorization_code ?? 0, launches);
});

test('a pull the EHR refuses part of says which type, saves nothing that looks whole, and a refresh resumes', async () => {
  const other = demo.ehr.patients.find((p) => p.file !== fixture.file)!;
  demo.ehr.fhir.faults.fail({
    status: 403,
    times: 10,
    match: (_method, path) => path.includes('/MedicationRequest'),
  });
  const button = page.locator(`.patient-button[data-patient-id="${other.id}"]`);
  const name = (await button.locator('.name').textContent()) ?? '';
  await button.click();
  await allowAtTheEhr('Dr Ada Okafor');
  await page
    .locator('#import-status .error', { hasText: `${name}’s chart is not whole on this device` })
    .waitFor(PATIENCE);
  assert.match(
    (await page.locator('#import-status').textContent()) ?? '',
    /MedicationRequest \(.*nothing of it saved\)/,
  );
  await button.locator('.where', { hasText: 'Not on this device yet' }).waitFor(PATIENCE);

  demo.ehr.fhir.faults.reset();
  await page.getByRole('button', { name: 'Refresh from the EHR' }).click();
  await page
    .locator('#import-status', { hasText: `${name}’s chart is on this device` })
    .waitFor(PATIENCE);
  await button.locator('.where', { hasText: 'On this device' }).waitFor(PATIENCE);
});

test('the read-only viewer cannot pull from the EHR, and is told so', async () => {
  await page.locator('.patient-button', { hasText: fixture.patientName }).click();
  await page.selectOption('#user-select', 'portal-viewer');
  // The viewer's own device has no copy: it comes from the sync server, where the clinician's went.
  await page
    .locator('#import-status', {
      hasText: `${fixture.patientName}’s chart came from the sync server`,
    })
    .waitFor(PATIENCE);
  await page.getByRole('button', { name: 'Refresh from the EHR' }).click();
  await page
    .locator('#import-status', {
      hasText: 'reads charts but cannot pull them from the hospital EHR',
    })
    .waitFor(PATIENCE);
  assert.equal(new URL(page.url()).origin, new URL(demo.url).origin);
});

test('no script error on the page', () => {
  assert.deepEqual(pageErrors, []);
});
