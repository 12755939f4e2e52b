import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { access, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';
import { syntheaDir } from '../../demo/server/patient-catalog.js';
import { richestSmallChart, type FixtureChart } from './support/demo-fixture.js';

// What the package ships, built as `npm run build` builds it (dist/): every
// entry point in package.json leads to a built file with its types; the
// compiled modules run in plain Node, with no TypeScript loader; a page
// with no build step that loads the one-file kit by a script tag shows a
// chart from a Synthea bundle, and still does with a second copy loaded;
// and a host that installs the packed kit to embed the elements gets none of
// the command's and the sync server's packages, and is told what to install
// when it runs the command.

const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const PATIENCE = { timeout: 60_000 };

let fixture: FixtureChart;

before(async () => {
  fixture = await richestSmallChart();
  await run(process.execPath, ['scripts/build.mjs'], { cwd: repoRoot });
});

const exists = (file: string) =>
  access(path.join(repoRoot, file)).then(
    () => true,
    () => false,
  );

test('every entry point in package.json leads to a built module and its types', async () => {
  const { exports } = JSON.parse(await readFile(path.join(repoRoot, 'package.json'), 'utf8')) as {
    exports: Record<string, string | Record<string, string>>;
  };
  // The registration file of every element, as a host imports it: emr-kit/components/<folder>/emr-<tag>.js.
  const registrations = (
    await readdir(path.join(repoRoot, 'components'), { recursive: true, encoding: 'utf8' })
  )
    .filter((name) => /(^|\/)emr-[a-z-]+\.ts$/.test(name) && !name.startsWith('shared/'))
    .map((name) => name.replace(/\.ts$/, ''));
  assert.ok(registrations.length >= 7, `registration files found: ${registrations.join(', ')}`);
  const missing: string[] = [];
  for (const [entry, target] of Object.entries(exports)) {
    if (typeof target === 'string') continue; // package.json itself
    const names = entry.includes('*') ? registrations : [''];
    for (const name of names) {
      // An entry of types alone (emr-kit/jsx, emr-kit/vue) has no module.
      const conditions = target.default ? (['types', 'default'] as const) : (['types'] as const);
      for (const condition of conditions) {
        const file = target[condition]!.replace('*', name);
        if (!(await exists(file))) missing.push(`${entry} (${condition}): ${file}`);
      }
    }
  }
  assert.deepEqual(missing, []);
});

/** Runs a command that is expected to fail; resolves to its exit code and output. */
const failing = (file: string, args: string[], cwd: string) =>
  run(file, args, { cwd }).then(
    () => assert.fail(`${args.join(' ')} succeeded`),
    (error: { code: number; stderr: string }) => error,
  );

test('a host that embeds the elements installs none of the server packages; the command says what to install', async () => {
  const host = await mkdtemp(path.join(tmpdir(), 'emr-kit-host-'));
  try {
    const { peerDependencies: optional } = JSON.parse(
      await readFile(path.join(repoRoot, 'package.json'), 'utf8'),
    ) as { peerDependencies: Record<string, string> };
    // Packed as published (dist/ is built above, so the prepack build is skipped).
    const packed = await run(
      'npm',
      ['pack', '--ignore-scripts', '--json', '--pack-destination', host],
      {
        cwd: repoRoot,
      },
    );
    const [tarball] = JSON.parse(packed.stdout) as Array<{ filename: string }>;
    assert.ok(tarball, `npm pack wrote no tarball: ${packed.stdout}`);
    await writeFile(
      path.join(host, 'package.json'),
      JSON.stringify({ name: 'host', private: true, type: 'module' }),
    );
    const install = (...what: string[]) =>
      run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', ...what], {
        cwd: host,
      });
    await install(`./${tarball.filename}`);

    const inHost = (name: string) =>
      exists(path.relative(repoRoot, path.join(host, 'node_modules', name)));
    assert.ok(await inHost('lit'), "the elements' own dependencies are installed");
    const installed = [];
    for (const name of Object.keys(optional)) if (await inHost(name)) installed.push(name);
    assert.deepEqual(installed, [], 'optional peer dependencies installed into the host');

    const cli = path.join(host, 'node_modules', 'emr-kit', 'bin', 'emr-kit.mjs');
    const withoutTsx = await failing(process.execPath, [cli, 'validate', 'chart.json'], host);
    assert.equal(withoutTsx.code, 3);
    assert.ok(
      withoutTsx.stderr.includes(`npm install --save-dev tsx@${optional.tsx}`),
      withoutTsx.stderr,
    );

    // With tsx, the data commands run; the server's name the packages they need.
    await install('--save-dev', `tsx@${optional.tsx}`);
    const file = path.join(syntheaDir(repoRoot), fixture.file);
    const validated = await run(process.execPath, [cli, 'validate', file], { cwd: host });
    assert.match(validated.stdout, /valid \w+ bundle/);
    const serve = await failing(process.execPath, [cli, 'serve', '--dev', '--port', '0'], host);
    assert.equal(serve.code, 3);
    const server = ['classic-level', 'ws', 'jose', 'pg', 'ioredis'];
    assert.ok(
      serve.stderr.includes(`npm install ${server.map((n) => `${n}@${optional[n]}`).join(' ')}`),
      serve.stderr,
    );
  } finally {
    await rm(host, { recursive: true, force: true });
  }
});

test('the compiled modules run in plain Node, through the package name', async () => {
  const file = path.join(syntheaDir(repoRoot), fixture.file);
  const script = `
    import { readFile } from 'node:fs/promises';
    import { readBundle } from 'emr-kit/model/bundle-reader';
    import { medicationLine } from 'emr-kit/clinical';
    const result = readBundle(await readFile(${JSON.stringify(file)}, 'utf8'));
    const medication = result.resources.find((r) => r.resourceType === 'MedicationRequest');
    console.log(JSON.stringify({ ok: result.ok, resources: result.resources.length, line: medicationLine(medication).text }));
  `;
  // No --import tsx: only what the package ships.
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
    cwd: repoRoot,
  });
  const out = JSON.parse(stdout) as { ok: boolean; resources: number; line: string };
  assert.equal(out.ok, true);
  assert.ok(out.resources > 0);
  assert.ok(
    fixture.medications.some((name) =>
      out.line.toLowerCase().includes(name.split(' ')[0]!.toLowerCase()),
    ),
    out.line,
  );
});

/**
 * Opens a page of test/e2e/pages in Chromium, served with the built files
 * under /dist/browser/, the pages' scripts under /pages/ and the fixture at
 * /fixture.json (nothing else of the repository), and hands it to `check`
 * with the errors the page threw and the warnings it logged.
 */
async function inBrowser(
  pageFile: string,
  check: (page: Page, seen: { errors: string[]; warnings: string[] }) => Promise<void>,
): Promise<void> {
  const fixtureText = await readFile(path.join(syntheaDir(repoRoot), fixture.file), 'utf8');
  const types: Record<string, string> = {
    '.html': 'text/html',
    '.js': 'text/javascript',
    '.map': 'application/json',
  };
  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const file =
      url.pathname === '/'
        ? `test/e2e/pages/${pageFile}`
        : url.pathname.startsWith('/dist/browser/')
          ? url.pathname.slice(1)
          : url.pathname.startsWith('/pages/')
            ? `test/e2e${url.pathname}`
            : undefined;
    if (url.pathname === '/fixture.json')
      return response.writeHead(200, { 'content-type': 'application/json' }).end(fixtureText);
    if (!file || file.includes('..')) return response.writeHead(404).end();
    try {
      response
        .writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' })
        .end(await readFile(path.join(repoRoot, file)));
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: chromiumArgs.filter((arg) => arg !== '--headless'),
    });
    const page = await browser.newPage();
    const seen = { errors: [] as string[], warnings: [] as string[] };
    page.on('pageerror', (error) => seen.errors.push(error.message));
    page.on(
      'console',
      (message) => message.type() === 'warning' && seen.warnings.push(message.text()),
    );
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await check(page, seen);
  } finally {
    await browser?.close();
    server.close();
  }
}

/** Waits until the page's banner lists the fixture's allergies and its list every medication. */
async function chartShown(page: Page): Promise<void> {
  const allergy = new RegExp(
    fixture.allergies.map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'),
    'i',
  );
  // Expanded: every allergy is an item of its own.
  await page
    .locator('emr-allergy-banner [part="item"]', { hasText: allergy })
    .first()
    .waitFor(PATIENCE);
  await page.waitForFunction(
    (count) =>
      document.querySelector('emr-medication-list')?.shadowRoot?.querySelectorAll('[part="item"]')
        .length === count,
    fixture.medicationRecords,
    PATIENCE,
  );
}

test('a page with no build step loads the one-file kit by a script tag and shows the chart', async () => {
  await inBrowser('script-tag.html', async (page, { errors }) => {
    await chartShown(page);
    assert.deepEqual(errors, []);
  });
});

test('a second copy of the kit in the page (another part of a portal) breaks nothing: the elements of the first stay', async () => {
  await inBrowser('two-copies.html', async (page, { errors, warnings }) => {
    await page.waitForFunction(
      () => (window as { secondCopyLoaded?: boolean }).secondCopyLoaded === true,
      undefined,
      PATIENCE,
    );
    await chartShown(page);
    assert.deepEqual(errors, []);
    assert.equal(
      warnings.filter((text) => text.includes('another copy of the kit already defined')).length,
      1,
      warnings.join('\n'),
    );
  });
});
