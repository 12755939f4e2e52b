import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { axeViolations, PATIENCE } from './support/browser.js';
import { allowAtTheEhr } from './support/ehr-consent.js';
import { openDemoPage, type DemoPage } from './support/demo-page.js';
import { outsideReader } from './support/outside-reader.js';
import { changeableOrder, changeDose } from './support/portal-medications.js';

// The demo portal gives its changes back to the demo EHR: launched through
// SMART, a clinician changes a dose in the medication list; another app of
// the hospital's then reads the MedicationRequest from the FHIR server over
// HTTP, with a token of its own, and sees the new dose; the portal's link to
// the hospital record says it was sent. Without a SMART session (the
// bundles) the portal shows no link.

let session: DemoPage;
let page: Page;
let demo: DemoPage['demo'];
let fixture: DemoPage['fixture'];

before(async () => {
  session = await openDemoPage('?user=dr-okafor', { width: 1440, height: 900 });
  ({ page, demo, fixture } = session);
});

after(() => session?.close());

const link = (text: string) => page.locator('emr-ehr-link', { hasText: text }).waitFor(PATIENCE);

test('without a SMART session the portal shows no link to the hospital record', async () => {
  await page.locator('.patient-button').first().waitFor(PATIENCE);
  assert.equal(await page.locator('emr-ehr-link').count(), 0);
});

test('a dose changed in the portal is in the EHR’s MedicationRequest, and the link says it was sent', async () => {
  await page.locator('.patient-button', { hasText: fixture.patientName }).click();
  await allowAtTheEhr(page, demo.url, 'Dr Ada Okafor');
  await page
    .locator('#import-status', { hasText: `${fixture.patientName}’s chart is on this device` })
    .waitFor(PATIENCE);
  await link('Up to date with the hospital record');

  const key = await changeableOrder(page);
  const id = key.slice('MedicationRequest/'.length);
  await changeDose(page, key, '2', 'mg');
  await page
    .locator(`emr-medication-list li.item[data-key="${key}"] [part="line"]`, { hasText: '2 mg' })
    .waitFor(PATIENCE);
  await link('1 sent');
  await link('Up to date with the hospital record');
  await link('0 changes waiting to send');
  // Sent: the record's delivery note is gone.
  assert.equal(
    await page.locator(`emr-medication-list li.item[data-key="${key}"] .delivery-note`).count(),
    0,
  );

  const read = await outsideReader(demo.ehr, new URL(page.url()).searchParams.get('patient')!);
  const order = await read<{
    meta: { versionId: string };
    dosageInstruction?: Array<{
      doseAndRate?: Array<{ doseQuantity?: { value?: number; code?: string } }>;
    }>;
  }>(`MedicationRequest/${id}`);
  assert.deepEqual(
    {
      value: order.dosageInstruction?.[0]?.doseAndRate?.[0]?.doseQuantity?.value,
      code: order.dosageInstruction?.[0]?.doseAndRate?.[0]?.doseQuantity?.code,
    },
    { value: 2, code: 'mg' },
  );
  const writes = demo.ehr.fhir.requests.filter(
    (r) => r.method === 'PUT' && r.path.startsWith(`/fhir/MedicationRequest/${id}`),
  );
  assert.deepEqual(
    writes.map((r) => r.status),
    [200],
    'one update, taken',
  );
});

test('a refresh from the EHR brings the version it took back, with no conflict', async () => {
  const key = await changeableOrder(page);
  await page.getByRole('button', { name: 'Refresh from the EHR' }).click();
  await page
    .locator('#import-status', { hasText: 'records changed since the last pull' })
    .waitFor(PATIENCE);
  assert.match((await page.locator('#import-status').textContent()) ?? '', /: 1 records changed/);
  await page
    .locator(`emr-medication-list li.item[data-key="${key}"] [part="line"]`, { hasText: '2 mg' })
    .waitFor(PATIENCE);
  assert.equal(await page.locator('emr-medication-list [part="conflict"]').count(), 0);
});

test('a change the EHR does not accept is counted on the link; choosing the count brings the medication list into view', async () => {
  const key = await changeableOrder(page);
  demo.ehr.fhir.faults.fail({
    status: 422,
    message: 'Dose above the maximum for this drug',
    match: (method, path) => method === 'PUT' && path.startsWith('/fhir/MedicationRequest/'),
  });
  await changeDose(page, key, '400', 'mg');
  await link('1 change not accepted');
  await page
    .locator(`emr-medication-list li.item[data-key="${key}"] .delivery-note`, {
      hasText: 'Dose above the maximum for this drug',
    })
    .waitFor(PATIENCE);

  await page.getByRole('link', { name: 'Notes' }).click();
  await page.locator('#summary-view').waitFor({ state: 'hidden', ...PATIENCE });
  await page.locator('emr-ehr-link').getByRole('button', { name: '1 change not accepted' }).click();
  await page.locator('#summary-view').waitFor({ state: 'visible', ...PATIENCE });
  await page.waitForFunction(
    () => {
      const box = document.querySelector('emr-medication-list')!.getBoundingClientRect();
      // Its top in the viewport (to the pixel: layout has fractions).
      return box.top > -1 && box.top < window.innerHeight;
    },
    undefined,
    PATIENCE,
  );
});

test('when the EHR refuses the token, “Sign in again” renews the session and the change goes', async () => {
  const key = await changeableOrder(page);
  const id = key.slice('MedicationRequest/'.length);
  const grants = { ...demo.ehr.auth.grantCounts() };
  // Refused before and after the delivery's own renewal: the link asks for a sign-in.
  demo.ehr.fhir.faults.fail({
    status: 401,
    times: 2,
    match: (method, path) => method === 'PUT' && path.startsWith(`/fhir/MedicationRequest/${id}`),
  });
  await changeDose(page, key, '5', 'mg');
  await link('Sign-in needed for the hospital record');
  await link('1 change waiting to send');

  await page.locator('emr-ehr-link').getByRole('button', { name: 'Sign in again' }).click();
  await link('Up to date with the hospital record');
  await link('0 changes waiting to send');
  const now = demo.ehr.auth.grantCounts();
  assert.equal(now.authorization_code ?? 0, grants.authorization_code ?? 0, 'no new launch');
  assert.equal((now.refresh_token ?? 0) - (grants.refresh_token ?? 0), 2, 'renewed twice');
  const read = await outsideReader(demo.ehr, new URL(page.url()).searchParams.get('patient')!);
  const order = await read<{
    dosageInstruction?: Array<{ doseAndRate?: Array<{ doseQuantity?: { value?: number } }> }>;
  }>(`MedicationRequest/${id}`);
  assert.equal(order.dosageInstruction?.[0]?.doseAndRate?.[0]?.doseQuantity?.value, 5);
});

test('axe finds no violation with the link in the header', async () => {
  assert.deepEqual(await axeViolations(page), []);
});

test('no script error on the page', () => {
  assert.deepEqual(session.pageErrors, []);
});
