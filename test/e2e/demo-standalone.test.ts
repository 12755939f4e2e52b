import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { axeViolations, PATIENCE } from './support/browser.js';
import { openDemoPage, type DemoPage } from './support/demo-page.js';

// The demo's standalone SMART app (demo/standalone.html) end to end: "Sign
// in with the hospital EHR", the demo EHR's sign-in, patient picker and
// consent pages clicked through, then the chart pulled and shown by the
// kit's summary elements; after a reload, shown from this device.

let session: DemoPage;
let page: Page;
let demo: DemoPage['demo'];
let fixture: DemoPage['fixture'];
let pageErrors: string[];

before(async () => {
  session = await openDemoPage('standalone.html', { width: 1280, height: 900 });
  ({ page, demo, fixture, pageErrors } = session);
});

after(() => session?.close());

test('signing in with the hospital EHR: sign in, pick the patient, allow, and the chart is pulled and shown', async () => {
  const patient = demo.ehr.patients.find((p) => p.file === fixture.file);
  assert.ok(patient, 'the fixture is on the FHIR server');
  await page.getByRole('button', { name: 'Sign in with the hospital EHR' }).click();

  await page.getByRole('heading', { name: 'Sign in' }).waitFor(PATIENCE);
  await page.selectOption('#user', 'dr-lindqvist');
  await page.getByRole('button', { name: 'Sign in' }).click();

  await page.getByRole('heading', { name: 'Allow access' }).waitFor(PATIENCE);
  assert.match((await page.textContent('body')) ?? '', /Signed in as Dr Erik Lindqvist/);
  await page.selectOption('#patient', patient.id);
  await page.getByRole('button', { name: 'Allow' }).click();

  await page.waitForURL((url) => url.href.startsWith(`${demo.url}standalone.html`), PATIENCE);
  await page
    .locator('#import-status', { hasText: `${fixture.patientName}’s chart is on this device` })
    .waitFor(PATIENCE);
  assert.equal(await page.locator('#patient-name').textContent(), fixture.patientName);
  assert.equal(await page.locator('#signed-in-as').textContent(), 'Signed in as Dr Erik Lindqvist');
});

test('the kit’s summary elements show the fixture’s allergies, medications and vital signs', async () => {
  // The expanded banner lists the allergies (those still active: not every one of the fixture's).
  const entries = page.locator('emr-allergy-banner .entries');
  await entries.waitFor(PATIENCE);
  const listed = ((await entries.textContent()) ?? '').toLowerCase();
  assert.ok(
    fixture.allergies.some((allergy) => listed.includes(allergy.toLowerCase())),
    `the banner lists an allergy of the fixture: ${listed}`,
  );
  const shown = async () =>
    (await page.locator('emr-medication-list [part="line"]').allTextContents()).map((text) =>
      text.toLowerCase(),
    );
  await page.locator('emr-medication-list [part="line"]').first().waitFor(PATIENCE);
  for (const medication of fixture.medications)
    assert.ok(
      (await shown()).some((line) => line.includes(medication.toLowerCase())),
      `${medication} is listed`,
    );
  await page.locator('emr-vitals-grid [part="cell"]', { hasText: /\d/ }).first().waitFor(PATIENCE);
});

test('axe finds no violation on the page', async () => {
  const violations = await axeViolations(page);
  assert.deepEqual(violations, []);
});

test('after a reload the chart shows from this device, without signing in again', async () => {
  await page.reload();
  await page.locator('emr-medication-list [part="line"]').first().waitFor(PATIENCE);
  assert.equal(new URL(page.url()).pathname, '/standalone.html');
  assert.equal(await page.locator('#import-status').textContent(), '');
});

test('no script error on the page', () => {
  assert.deepEqual(pageErrors, []);
});
