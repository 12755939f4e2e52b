// Two clinicians, each in a browser context of their own (their own
// IndexedDB), on a host page that wires a local store, the sync connection
// and the kit's elements, sharing one chart through one real sync server.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createServer, type Plugin, type ViteDevServer } from 'vite';
import { launchChromium } from './support/browser.js';
import { devToken, startSyncServer, type SyncServer } from '../../sync/server/index.js';
import { metformin, patient } from '../support/resources.js';

const pagesDir = fileURLToPath(new URL('./pages/', import.meta.url));
const syntheaDir = path.resolve(
  process.env.EMR_FIXTURES_DIR ??
    fileURLToPath(new URL('../../../shared/fixtures', import.meta.url)),
  'synthea',
);
/** Generous: a first page load compiles the kit. Every wait is for a condition, never a set time. */
const TIMEOUT = 30_000;

/** The page's token endpoint: a development token for the user, allowed the patient. */
function tokens(): Plugin {
  return {
    name: 'e2e-tokens',
    configureServer(server) {
      server.middlewares.use('/token', (request, response) => {
        const query = new URL(request.url ?? '', 'http://page').searchParams;
        devToken(query.get('user') ?? '', [query.get('patient') ?? '']).then(
          (token) => response.end(token),
          (error: unknown) => ((response.statusCode = 400), response.end(String(error))),
        );
      });
    },
  };
}

let sync: SyncServer;
let dataDir: string;
let vite: ViteDevServer;
let pageUrl: string;
let browser: Browser;
const contexts: BrowserContext[] = [];

interface Clinician {
  context: BrowserContext;
  page: Page;
}

async function clinician(
  userId: string,
  name: string,
  patientId: string,
  noteId: string,
): Promise<Clinician> {
  const context = await browser.newContext();
  contexts.push(context);
  const page = await context.newPage();
  const query = new URLSearchParams({
    server: sync.url,
    patient: patientId,
    user: userId,
    name,
    note: noteId,
  });
  await page.goto(`${pageUrl}?${query}`);
  await page.locator('body[data-ready="true"]').waitFor({ timeout: TIMEOUT });
  return { context, page };
}

const newId = (label: string) =>
  `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;
const editor = (page: Page) => page.locator('emr-note-editor .ProseMirror');
const status = (page: Page, text: string | RegExp) =>
  page.locator('emr-sync-status [part="status"]', { hasText: text }).waitFor({ timeout: TIMEOUT });
/** The note's text as written: without the co-editors' cursors, which are drawn inside the text as widgets. */
const noteText = (page: Page) =>
  editor(page).evaluate((root) => {
    const copy = root.cloneNode(true) as HTMLElement;
    for (const cursor of copy.querySelectorAll('.ProseMirror-yjs-cursor')) cursor.remove();
    return copy.textContent;
  });
const noteHas = (page: Page, text: string) =>
  page.locator('emr-note-editor .ProseMirror', { hasText: text }).waitFor({ timeout: TIMEOUT });

async function typeInNote(page: Page, text: string): Promise<void> {
  await editor(page).click();
  await page.keyboard.press('End');
  await page.keyboard.type(text);
}

describe('a chart shared by two clinicians in two browsers', { timeout: 180_000 }, () => {
  before(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'emr-e2e-'));
    sync = await startSyncServer({ dataDir, dev: true, port: 0, log: () => {} });
    vite = await createServer({
      configFile: false,
      root: pagesDir,
      cacheDir: path.join(dataDir, 'vite'),
      logLevel: 'silent',
      server: { host: '127.0.0.1', port: 0, hmr: false },
      plugins: [tokens()],
    });
    await vite.listen();
    pageUrl = vite.resolvedUrls!.local[0]!;
    browser = await launchChromium();
  });

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });

  after(async () => {
    await browser?.close();
    await vite?.close();
    await sync?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('co-edit a note: each sees the other’s text and cursor, and who else is here', async () => {
    const [patientId, noteId] = [newId('pat'), newId('note')];
    const ada = await clinician('dr-okafor', 'Dr Ada Okafor', patientId, noteId);
    const erik = await clinician('dr-lindqvist', 'Dr Erik Lindqvist', patientId, noteId);
    await ada.page.evaluate(
      (p) =>
        (window as unknown as { chart: { record(r: unknown): Promise<string> } }).chart.record(p),
      patient(patientId),
    );

    await typeInNote(ada.page, 'Chest clear on auscultation.');
    await noteHas(erik.page, 'Chest clear on auscultation.');
    await typeInNote(erik.page, ' Agree, plan reviewed.');
    await noteHas(ada.page, 'Agree, plan reviewed.');
    assert.equal(await noteText(ada.page), await noteText(erik.page));

    await erik.page
      .locator('emr-note-editor .ProseMirror-yjs-cursor', { hasText: 'Dr Ada Okafor' })
      .waitFor({ timeout: TIMEOUT });
    await ada.page
      .locator('emr-note-editor .ProseMirror-yjs-cursor', { hasText: 'Dr Erik Lindqvist' })
      .waitFor({ timeout: TIMEOUT });
    await ada.page
      .locator('emr-sync-status [part="peer"]', { hasText: 'Dr Erik Lindqvist' })
      .waitFor({ timeout: TIMEOUT });
    await erik.page
      .locator('emr-sync-status [part="peer"]', { hasText: 'Dr Ada Okafor' })
      .waitFor({ timeout: TIMEOUT });
  });

  it('one goes offline, both edit, and on reconnection both have everything', async () => {
    const [patientId, noteId] = [newId('pat'), newId('note')];
    const ada = await clinician('dr-okafor', 'Dr Ada Okafor', patientId, noteId);
    const erik = await clinician('dr-lindqvist', 'Dr Erik Lindqvist', patientId, noteId);
    // A note is written into a chart that is on the device.
    await ada.page.evaluate(
      (p) =>
        (window as unknown as { chart: { record(r: unknown): Promise<string> } }).chart.record(p),
      patient(patientId),
    );
    await typeInNote(ada.page, 'Day 1.');
    await noteHas(erik.page, 'Day 1.');
    await status(ada.page, 'Synced');

    await ada.context.setOffline(true);
    await status(ada.page, 'Offline');
    await typeInNote(ada.page, ' Written offline.');
    await typeInNote(erik.page, ' Written online.');
    await ada.page
      .locator('emr-sync-status [part="status"]', { hasText: /\d+ changes? waiting/ })
      .waitFor({ timeout: TIMEOUT });
    await noteHas(erik.page, 'Written online.');
    assert.equal(
      await editor(erik.page)
        .textContent()
        .then((text) => text?.includes('Written offline.')),
      false,
    );

    await ada.context.setOffline(false);
    await status(ada.page, 'Synced');
    for (const { page } of [ada, erik]) {
      await noteHas(page, 'Written offline.');
      await noteHas(page, 'Written online.');
    }
    assert.equal(await noteText(ada.page), await noteText(erik.page));
    await status(erik.page, 'Synced');
  });

  it('a medication revised by both while offline shows as a conflict with both doses on both screens; resolved on one, cleared on both', async () => {
    const [patientId, noteId] = [newId('pat'), newId('note')];
    const ada = await clinician('dr-okafor', 'Dr Ada Okafor', patientId, noteId);
    const erik = await clinician('dr-lindqvist', 'Dr Erik Lindqvist', patientId, noteId);
    type Chart = {
      record(r: unknown): Promise<string>;
      revise(r: unknown, from: string): Promise<string>;
    };
    const chart = (page: Page) => ({
      record: (resource: unknown) =>
        page.evaluate((r) => (window as unknown as { chart: Chart }).chart.record(r), resource),
      revise: (resource: unknown, from: string) =>
        page.evaluate(
          ([r, f]) => (window as unknown as { chart: Chart }).chart.revise(r, f as string),
          [resource, from] as const,
        ),
    });
    await chart(ada.page).record(patient(patientId));
    const original = await chart(ada.page).record(metformin(patientId));
    await erik.page
      .locator('emr-medication-list', { hasText: 'Metformin' })
      .waitFor({ timeout: TIMEOUT });

    await ada.context.setOffline(true);
    await erik.context.setOffline(true);
    await status(ada.page, 'Offline');
    await status(erik.page, 'Offline');
    await chart(ada.page).revise(metformin(patientId, 'med-1', 1000), original);
    await chart(erik.page).revise(metformin(patientId, 'med-1', 850), original);
    await ada.context.setOffline(false);
    await erik.context.setOffline(false);

    for (const { page } of [ada, erik]) {
      const conflict = page.locator('emr-medication-list [part="conflict"]');
      await conflict.locator('.version', { hasText: '1,000 mg' }).waitFor({ timeout: TIMEOUT });
      await conflict.locator('.version', { hasText: '850 mg' }).waitFor({ timeout: TIMEOUT });
    }
    await ada.page
      .locator('emr-medication-list [part="conflict"] .version', { hasText: '850 mg' })
      .locator('button[data-action="keep"]')
      .click();
    for (const { page } of [ada, erik]) {
      await page
        .locator('emr-medication-list [part="conflict"]')
        .waitFor({ state: 'detached', timeout: TIMEOUT });
      await page
        .locator('emr-medication-list', { hasText: '850 mg' })
        .waitFor({ timeout: TIMEOUT });
    }
    assert.equal(
      await erik.page.locator('emr-medication-list', { hasText: '1,000 mg' }).count(),
      0,
    );
  });

  it('two clinicians open one new chart at the same moment, one of them twice: every record imported once, no conflict anywhere', async () => {
    const patientId = '7dc94cc0-8c2e-4835-9994-cecbe894bcbf';
    const bundle = await readFile(path.join(syntheaDir, `Brent_Beer_${patientId}.json`), 'utf8');
    const ada = await clinician('dr-okafor', 'Dr Ada Okafor', patientId, newId('note'));
    const erik = await clinician('dr-lindqvist', 'Dr Erik Lindqvist', patientId, newId('note'));
    type Chart = {
      importBundle(text: string): Promise<void>;
      record(r: unknown): Promise<string>;
      conflicts(): Promise<number>;
    };
    const chart = (page: Page) => ({
      importBundle: (text: string) =>
        page.evaluate((t) => (window as unknown as { chart: Chart }).chart.importBundle(t), text),
      record: (resource: unknown) =>
        page.evaluate((r) => (window as unknown as { chart: Chart }).chart.record(r), resource),
      conflicts: () =>
        page.evaluate(() => (window as unknown as { chart: Chart }).chart.conflicts()),
    });
    // Both devices import at once, and one of them twice (a host's effect run twice, as React's StrictMode does).
    await Promise.all([
      chart(ada.page).importBundle(bundle),
      chart(ada.page).importBundle(bundle),
      chart(erik.page).importBundle(bundle),
    ]);

    // Each then writes a record after its import: once each sees the other's, it holds the other's import too (the server relays in order).
    await chart(ada.page).record(metformin(patientId, 'after-import-ada', 1234));
    await chart(erik.page).record(metformin(patientId, 'after-import-erik', 4321));
    await ada.page
      .locator('emr-medication-list', { hasText: '4,321 mg' })
      .waitFor({ timeout: TIMEOUT });
    await erik.page
      .locator('emr-medication-list', { hasText: '1,234 mg' })
      .waitFor({ timeout: TIMEOUT });

    for (const { page } of [ada, erik]) {
      assert.equal(await chart(page).conflicts(), 0);
      assert.equal(await page.locator('emr-medication-list [part="conflict"]').count(), 0);
    }
  });
});
