import assert from 'node:assert/strict';
import { mkdir, stat } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { allergyMessages } from '../../clinical/index.js';
import { axeViolations, PATIENCE } from './support/browser.js';
import { openDemoPage, type DemoPage } from './support/demo-page.js';

// The demo portal end to end: served as `npm start` serves it (the portal on
// Vite's dev server, beside the demo EHR and a sync server), opened in
// headless Chromium, with its charts from the Synthea bundles
// (`?source=bundle`; the SMART path is demo-smart.test.ts). A clinician
// picks a Synthea patient; the chart is imported into IndexedDB and every
// element of the kit shows what the fixture holds. Then a full-page
// screenshot, and axe on the whole page in every view.
//
// Playwright's CSS selectors reach into open shadow roots, so
// `emr-allergy-banner [part="summary"]` finds the banner's own part.

const screenshotDir = fileURLToPath(new URL('../../test-results/', import.meta.url));

let session: DemoPage;
let page: Page;
let demo: DemoPage['demo'];
let fixture: DemoPage['fixture'];
let pageErrors: string[];

before(async () => {
  session = await openDemoPage('?source=bundle&user=dr-okafor', { width: 1440, height: 900 });
  ({ page, demo, fixture, pageErrors } = session);
});

after(() => session?.close());

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const anyOf = (names: readonly string[]) => new RegExp(names.map(escape).join('|'), 'i');

const VIEW_CONTENT = {
  Summary: 'emr-medication-list [part="line"]',
  Results: 'emr-lab-results table',
  Problems: 'emr-problem-list [part="item"]',
  Timeline: 'emr-chart-timeline [part="item"]',
  Notes: 'emr-note-editor [part="toolbar"]',
};

type View = 'Summary' | 'Results' | 'Problems' | 'Timeline' | 'Notes';

async function openView(name: View): Promise<void> {
  await page.getByRole('link', { name, exact: true }).click();
  await page.locator(`.chart-tabs a[aria-current="page"]`, { hasText: name }).waitFor(PATIENCE);
}

test('picking a patient imports their bundle into the local store, with progress', async () => {
  const button = page.locator('.patient-button', { hasText: fixture.patientName });
  await button.waitFor(PATIENCE);
  await assert.doesNotReject(
    button.locator('.where', { hasText: 'Not on this device yet' }).waitFor(PATIENCE),
  );
  await button.click();
  await page
    .locator('#import-status', { hasText: `${fixture.patientName}’s chart is on this device` })
    .waitFor(PATIENCE)
    .catch(async (error: Error) => {
      // Say what the page showed instead, for whoever reads the failure.
      const status = await page.locator('#import-status').textContent();
      throw new Error(`${error.message}\nThe import status said: ${JSON.stringify(status)}`);
    });
  await button.locator('.where', { hasText: 'On this device' }).waitFor(PATIENCE);
  assert.equal(await page.locator('#patient-name').textContent(), fixture.patientName);
  assert.match(page.url(), /[?&]patient=/);
});

test('the allergy banner names an allergy from the fixture', async () => {
  const expected = fixture.allergies.length
    ? anyOf(fixture.allergies)
    : anyOf([allergyMessages.state['not-recorded']]);
  const summary = page.locator('emr-allergy-banner [part="summary"]', { hasText: expected });
  await summary.waitFor(PATIENCE);
  if (fixture.allergies.length)
    assert.match(
      (await summary.textContent()) ?? '',
      new RegExp(escape(allergyMessages.state.known)),
    );
});

test('the medication list shows every medication of the fixture', async () => {
  const lines = page.locator('emr-medication-list [part="line"]');
  await page.waitForFunction(
    (count) =>
      document.querySelector('emr-medication-list')?.shadowRoot?.querySelectorAll('[part="line"]')
        .length === count,
    fixture.medicationRecords,
    PATIENCE,
  );
  const shown = (await lines.allTextContents()).map((text) => text.toLowerCase());
  for (const medication of fixture.medications) {
    assert.ok(
      shown.some((line) => line.includes(medication.toLowerCase())),
      `${medication} is listed`,
    );
  }
  // The bundle's practitioners are not kept, but each prescription still names its prescriber.
  const details = await page.locator('emr-medication-list .details').allTextContents();
  assert.ok(fixture.prescribers.length > 0, 'the fixture names its prescribers');
  for (const prescriber of fixture.prescribers) {
    assert.ok(
      details.some((text) => text.includes(`prescribed by ${prescriber}`)),
      `${prescriber} is named`,
    );
  }
});

test('the vitals grid has a column per time the signs were taken', async () => {
  const columns = page.locator('emr-vitals-grid [part="column-header"]');
  await columns.first().waitFor(PATIENCE);
  assert.ok((await columns.count()) > 0);
  await page.locator('emr-vitals-grid [part="cell"]', { hasText: /\d/ }).first().waitFor(PATIENCE);
});

test('the timeline lists the chart’s events', async () => {
  await openView('Timeline');
  const items = page.locator('emr-chart-timeline [part="item"]');
  await items.first().waitFor(PATIENCE);
  assert.ok((await items.count()) > 0);
  await assert.doesNotReject(
    page.locator('emr-allergy-banner [part="summary"]').waitFor({ state: 'visible', ...PATIENCE }),
  );
});

test('the problems view lists the conditions of the fixture', async () => {
  assert.ok(fixture.conditions.length > 0, 'the fixture has conditions');
  await openView('Problems');
  await assert.doesNotReject(
    page
      .locator('emr-problem-list [part="item"]', { hasText: anyOf(fixture.conditions) })
      .first()
      .waitFor(PATIENCE),
  );
});

test('a report chosen in the timeline opens in the Results view', async () => {
  assert.ok(fixture.diagnosticReports > 0, 'the fixture has reports');
  await openView('Results');
  await page.locator('#report-hint', { hasText: 'Choose a report' }).waitFor(PATIENCE);
  await openView('Timeline');
  await page.locator('emr-chart-timeline [part="zoom"] button', { hasText: 'All' }).click();
  // Lab reports only: the newest is at the top.
  const filters = page.locator('emr-chart-timeline [part="filters"] label');
  for (const label of await filters.all())
    await label.locator('input').setChecked((await label.textContent())?.trim() === 'Lab reports');
  const report = page.locator('emr-chart-timeline [part="item"].kind-DiagnosticReport button');
  await report.first().click();
  await page
    .locator('.chart-tabs a[aria-current="page"]', { hasText: 'Results' })
    .waitFor(PATIENCE);
  await page.locator('emr-report-viewer [part="details"]').waitFor(PATIENCE);
  // Every kind shown again, for the tests after this one.
  await openView('Timeline');
  for (const label of await filters.all()) await label.locator('input').setChecked(true);
});

test('the notes view opens a new note in the note editor, and the note list shows it as a draft once written', async () => {
  await openView('Notes');
  await page.getByRole('button', { name: 'New note' }).click();
  await page.locator('emr-note-editor [part="toolbar"]').waitFor(PATIENCE);
  await page.locator('emr-note-editor .ProseMirror').click();
  await page.keyboard.type('Seen on the ward round. Comfortable at rest.');
  const draft = page.locator('emr-note-list [part="item"]', { hasText: 'Draft' });
  await draft.first().waitFor(PATIENCE);
  assert.ok((await draft.count()) >= 1);
  await assert.doesNotReject(
    page.locator('emr-allergy-banner [part="summary"]').waitFor({ state: 'visible', ...PATIENCE }),
  );
});

test('without a SMART session nothing is given back to the EHR: no link, no write', async () => {
  // The note just written is a change made here, queued in the store's outbox: nothing sends it.
  assert.equal(await page.locator('emr-ehr-link').count(), 0);
  assert.deepEqual(
    demo.ehr.fhir.requests.filter((r) => !['GET', 'HEAD', 'OPTIONS'].includes(r.method)),
    [],
  );
});

test('a kit event shows in the event log with its detail', async () => {
  await openView('Timeline');
  const first = page.locator('emr-chart-timeline [part="item"]').first();
  await first.click();
  const entry = page.locator('#event-log li', { hasText: 'emr-timeline-select' }).first();
  await entry.waitFor(PATIENCE);
  assert.match((await entry.locator('pre').textContent()) ?? '', /"resourceType"/);
});

test('a second clinician, in a window of their own, gets the chart through the sync server', async () => {
  // A browser context of its own: another device, with its own IndexedDB.
  const other = await session.browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const second = await other.newPage();
    second.on('pageerror', (error) => pageErrors.push(`second window: ${error.message}`));
    const patientId = new URL(page.url()).searchParams.get('patient')!;
    await second.goto(`${demo.url}?source=bundle&user=dr-lindqvist&patient=${patientId}`);
    await second
      .locator('#import-status', { hasText: 'came from the sync server' })
      .waitFor(PATIENCE);
    await second
      .locator('emr-allergy-banner [part="summary"]', { hasText: anyOf(fixture.allergies) })
      .waitFor(PATIENCE);
    // Each sees the other in the header.
    await page
      .locator('emr-sync-status [part="peer"]', { hasText: 'Dr Erik Lindqvist' })
      .waitFor(PATIENCE);
    await second
      .locator('emr-sync-status [part="peer"]', { hasText: 'Dr Ada Okafor' })
      .waitFor(PATIENCE);

    // The first clinician discontinues an active medication; the second sees it stop.
    await openView('Summary');
    const activeHeading = (p: Page) => p.locator('emr-medication-list #section-active');
    const activeCount = (p: Page) =>
      activeHeading(p)
        .textContent()
        .then((text) => Number(/\((\d+)\)/.exec(text ?? '')?.[1]));
    await activeHeading(second).waitFor(PATIENCE);
    const before = await activeCount(second);
    assert.ok(before > 0, 'the fixture has an active medication');
    const medication = page
      .locator('emr-medication-list [part="item"]', {
        has: page.getByRole('button', { name: 'Discontinue' }),
      })
      .first();
    await medication.getByRole('button', { name: 'Discontinue' }).click();
    await medication.locator('[part="form"] button[type="submit"]').click();
    await page
      .locator('#event-log li', { hasText: 'emr-medication-discontinue' })
      .waitFor(PATIENCE);
    await activeHeading(second)
      .filter({ hasText: `(${before - 1})` })
      .waitFor(PATIENCE);
  } finally {
    await other.close();
  }
});

test('a full-page screenshot of the chart', async () => {
  await openView('Summary');
  await page.locator('emr-medication-list [part="line"]').first().waitFor(PATIENCE);
  // Tall enough for everything: the medication list leaves rows off screen unpainted (content-visibility).
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: 1440, height });
  await mkdir(screenshotDir, { recursive: true });
  const file = `${screenshotDir}demo.png`;
  await page.screenshot({ path: file, fullPage: true });
  await page.setViewportSize({ width: 1440, height: 900 });
  assert.ok((await stat(file)).size > 10_000, 'the screenshot has content');
});

test('axe finds no violation on the whole page, in every view and theme', async () => {
  const problems: string[] = [];
  for (const theme of ['standard', 'harbour']) {
    await page.selectOption('#theme-select', theme);
    for (const view of ['Summary', 'Results', 'Problems', 'Timeline', 'Notes'] as const) {
      await openView(view);
      // Each view's element has drawn its rows again since it was shown.
      await page
        .locator(VIEW_CONTENT[view])
        .first()
        .waitFor({ state: 'visible', ...PATIENCE });
      const violations = await axeViolations(page);
      problems.push(...violations.map((v) => `${theme} ${view}: ${v}`));
    }
  }
  assert.deepEqual(problems, []);
});

test('no script error on the page', () => {
  assert.deepEqual(pageErrors, []);
});
