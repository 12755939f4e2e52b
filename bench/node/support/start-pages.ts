// What the start suites (cold-start, warm-start) share: a production build
// of bench/pages/start (the kit's page and the raw-IndexedDB page), the chart
// they show, a static server for them, and one visit: navigation to the
// first frame with every row on screen.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import { chromiumArgs, chromiumPath } from '../../../scripts/chromium.mjs';
import { readBundle } from '../../../model/bundle-reader.js';
import { writeBundle, type FhirResource } from '../../../model/index.js';
import { fixturesDir } from '../../runner/fixtures-plugin.js';
import { IMPORT_DONE, PROBE_DONE } from '../../pages/start/rows-probe.js';

const benchDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const pages = path.join(benchDir, 'pages/start');
export const KIB = 1024;

/** The chart both pages show: Versie Botsford's patient, allergies, medication requests and vital signs. */
const FIXTURE = 'Versie_Botsford';

export interface StartPages {
  origin: string;
  /** The query string both pages take: the patient and the rows to wait for. */
  query: string;
  resources: number;
  /** Gzipped size of each built file, by URL path. */
  gzipped: Map<string, number>;
  /** Every JavaScript and CSS file of each page, gzipped, in bytes. */
  total: { kit: number; raw: number };
  close(): Promise<void>;
}

async function chart(): Promise<{
  text: string;
  patientId: string;
  counts: { allergies: number; medications: number; columns: number };
  resources: number;
}> {
  const dir = path.join(fixturesDir(path.resolve(benchDir, '..')), 'synthea');
  const file = (await readdir(dir)).find((name) => name.startsWith(FIXTURE));
  if (!file) throw new Error(`no ${FIXTURE} fixture in ${dir}`);
  const result = readBundle(await readFile(path.join(dir, file), 'utf8'));
  if (!result.ok) throw new Error(`${file} does not read`);
  const vital = (r: FhirResource) =>
    r.resourceType === 'Observation' && JSON.stringify(r.category ?? []).includes('vital-signs');
  const kept = result.resources.filter(
    (r) =>
      ['Patient', 'AllergyIntolerance', 'MedicationRequest'].includes(r.resourceType) || vital(r),
  );
  const patientId = kept.find((r) => r.resourceType === 'Patient')!.id!;
  const times = new Set(
    kept.filter(vital).map((r) => (r as { effectiveDateTime?: string }).effectiveDateTime),
  );
  return {
    text: JSON.stringify(writeBundle(kept, { type: 'collection' })),
    patientId,
    resources: kept.length,
    counts: {
      allergies: kept.filter((r) => r.resourceType === 'AllergyIntolerance').length,
      medications: kept.filter(
        (r) => r.resourceType === 'MedicationRequest' && r.status !== 'entered-in-error',
      ).length,
      columns: Math.min(8, times.size),
    },
  };
}

function serve(dir: string, httpCache: boolean): Promise<Server> {
  const types: Record<string, string> = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript',
    '.css': 'text/css',
    '.json': 'application/json',
  };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const file = path.join(
      dir,
      path.normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, ''),
    );
    readFile(file).then(
      (body) => {
        // Hashed assets are kept by the browser as a host's server lets it; pages and data are asked again.
        const immutable = httpCache && url.pathname.startsWith('/assets/');
        res.writeHead(200, {
          'content-type': types[path.extname(file)] ?? 'application/octet-stream',
          'cache-control': immutable
            ? 'public, max-age=31536000, immutable'
            : httpCache
              ? 'no-cache'
              : 'no-store',
        });
        res.end(body);
      },
      () => {
        res.writeHead(404);
        res.end();
      },
    );
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/**
 * `httpCache: false` serves everything `no-store`: what a page did not fetch
 * while online, it cannot have offline. `tree`: another checkout of the kit
 * whose pages to build (start-ab.ts compares two).
 */
export async function startPages({
  httpCache = true,
  tree,
}: { httpCache?: boolean; tree?: string } = {}): Promise<StartPages> {
  const root = tree ? path.join(path.resolve(tree), 'bench/pages/start') : pages;
  const outDir = await mkdtemp(path.join(tmpdir(), 'emr-kit-start-'));
  await build({
    configFile: false,
    root,
    logLevel: 'silent',
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      minify: !process.env.BENCH_NO_MINIFY, // readable names in a profile (profile-start.ts)
      manifest: true,
      rolldownOptions: {
        input: { kit: path.join(root, 'kit.html'), raw: path.join(root, 'raw.html') },
      },
    },
  });
  const { text, patientId, counts, resources } = await chart();
  await writeFile(path.join(outDir, 'chart.json'), text);
  const gzipped = new Map<string, number>();
  for (const name of await readdir(outDir, { recursive: true })) {
    if (/\.(js|css)$/.test(name))
      gzipped.set(
        '/' + name.split(path.sep).join('/'),
        gzipSync(await readFile(path.join(outDir, name)), { level: 9 }).length,
      );
  }
  const manifest = JSON.parse(
    await readFile(path.join(outDir, '.vite/manifest.json'), 'utf8'),
  ) as Record<
    string,
    { file: string; imports?: string[]; dynamicImports?: string[]; css?: string[] }
  >;
  const reachable = (entry: string) => {
    const seen = new Set<string>();
    const visit = (key: string) => {
      const chunk = manifest[key];
      if (!chunk || seen.has(chunk.file)) return;
      seen.add(chunk.file);
      for (const css of chunk.css ?? []) seen.add(css);
      for (const next of [...(chunk.imports ?? []), ...(chunk.dynamicImports ?? [])]) visit(next);
    };
    visit(entry);
    return [...seen].reduce((sum, file) => sum + (gzipped.get('/' + file) ?? 0), 0);
  };
  const server = await serve(outDir, httpCache);
  const { port } = server.address() as AddressInfo;
  const query = new URLSearchParams({
    patient: patientId,
    ...Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, String(v)])),
  }).toString();
  return {
    origin: `http://127.0.0.1:${port}`,
    query,
    resources,
    gzipped,
    total: { kit: reachable('kit.html'), raw: reachable('raw.html') },
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      await rm(outDir, { recursive: true, force: true });
    },
  };
}

/** A browser with a profile of its own (HTTP cache, code cache, IndexedDB), kept in a temporary folder. */
export async function launchProfile(): Promise<{
  context: BrowserContext;
  close(): Promise<void>;
}> {
  const dir = await mkdtemp(path.join(tmpdir(), 'emr-kit-profile-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs.filter((a) => a !== '--headless'),
  });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export interface Visit {
  /** ms from navigation to the first frame showing every row. */
  rowsAt: number;
  /** Scripts and styles fetched before that frame, by URL path. */
  before: string[];
  /** All scripts and styles the page fetched by the time the sample ended. */
  fetched: string[];
}

/**
 * Navigates the tab and waits until its rows probe has a time or an error.
 * It listens for the probe's console line rather than polling the page: a
 * poll would run Playwright's injected script in the page while it starts.
 */
export async function openAndWait(tab: Page, url: string): Promise<void> {
  const done = tab.waitForEvent('console', {
    predicate: (message) => message.text() === PROBE_DONE,
    timeout: 60_000,
  });
  const failed = new Promise<never>((_, reject) => tab.once('pageerror', (error) => reject(error)));
  failed.catch(() => undefined);
  await tab.goto(url, { waitUntil: 'commit' });
  await Promise.race([done, failed]);
}

/**
 * For a tool that watches one visit (profile-start.ts, trace-start.ts): the
 * pages and a browser profile, warmed by three visits unless `cold`, a new
 * tab with a DevTools session to start watching on, and `open()`, which
 * then makes the visit and waits for its rows.
 */
export async function watchedVisit(page: 'kit' | 'raw', cold: boolean) {
  const pages = await startPages();
  const profile = await launchProfile();
  const close = async () => {
    await profile.close();
    await pages.close();
  };
  try {
    if (!cold)
      for (let i = 0; i < 3; i++) await visit(profile.context, pages, page, { import: i === 0 });
    const tab = await profile.context.newPage();
    const cdp = await profile.context.newCDPSession(tab);
    const url = `${pages.origin}/${page}.html?${pages.query}${cold ? '&import' : ''}`;
    return { pages, tab, cdp, open: () => openAndWait(tab, url), close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Opens `page` (kit or raw) in a new tab of the context and waits for its rows; the tab is closed after. */
export async function visit(
  context: BrowserContext,
  pages: StartPages,
  page: 'kit' | 'raw',
  options: { import?: boolean } = {},
): Promise<Visit> {
  const tab = await context.newPage();
  const errors: string[] = [];
  tab.on('pageerror', (e) => errors.push(e.message));
  try {
    // The kit's page shows a first visit's rows before its import is stored: the visit lasts until it is.
    const stored =
      options.import && page === 'kit'
        ? tab.waitForEvent('console', {
            predicate: (message) => message.text() === IMPORT_DONE,
            timeout: 60_000,
          })
        : undefined;
    stored?.catch(() => undefined); // awaited below
    await openAndWait(
      tab,
      `${pages.origin}/${page}.html?${pages.query}${options.import ? '&import' : ''}`,
    );
    await stored;
    const seen = await tab.evaluate(() => ({
      probe: window.startProbe,
      resources: (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map(
        (r) => ({ name: new URL(r.name).pathname, end: r.responseEnd }),
      ),
    }));
    if (seen.probe.error !== undefined || seen.probe.rowsAt === undefined)
      throw new Error(`${page} page: ${seen.probe.error ?? 'no rows'}`);
    const rowsAt = seen.probe.rowsAt;
    const code = seen.resources.filter((r) => pages.gzipped.has(r.name));
    return {
      rowsAt,
      before: code.filter((r) => r.end <= rowsAt).map((r) => r.name),
      fetched: code.map((r) => r.name),
    };
  } catch (error) {
    throw errors.length > 0
      ? new Error(
          `${error instanceof Error ? error.message : String(error)}\n  page errors: ${errors.join('; ')}`,
        )
      : error;
  } finally {
    await tab.close();
  }
}

/** KiB gzipped of the files named, plus the entry HTML's scripts (every visit loads those). */
export function kibOf(pages: StartPages, files: readonly string[]): number {
  return [...new Set(files)].reduce((sum, file) => sum + (pages.gzipped.get(file) ?? 0), 0) / KIB;
}
