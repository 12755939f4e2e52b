// Browser tests: TypeScript sources served as ES modules to Debian's headless
// Chromium, driven by Playwright (which never downloads a browser of its own
// here: it is given the executable).
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { chromiumArgs, chromiumPath } from './scripts/chromium.mjs';
import { cdsServicePlugin } from './test/support/cds-service-plugin.mjs';
import { demoEhrPlugin } from './test/support/demo-ehr-plugin.mjs';
import { hostFrameworksPlugin } from './test/support/host-frameworks-plugin.mjs';

const rootDir = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

/**
 * Dexie's `import` export is a wrapper around its UMD build that a browser
 * cannot load as a module; point the bare `dexie` import at its real ES
 * module build. (Vite and Storybook pre-bundle it and need nothing.)
 */
function dexieEsm() {
  const file = require.resolve('dexie/dist/dexie.mjs');
  const url = '/' + path.relative(rootDir, file).split(path.sep).join('/');
  return {
    name: 'dexie-esm',
    resolveImport({ source }) {
      if (source === 'dexie') return url;
    },
  };
}

/**
 * The Synthea bundles live beside the repository (../shared/fixtures, or
 * EMR_FIXTURES_DIR): served under /@fixtures/<set>/<file>, and a set's URL
 * lists its .json files — the same scheme the benchmarks use.
 */
function fixtures() {
  const dir = path.resolve(
    process.env.EMR_FIXTURES_DIR ?? path.join(rootDir, '../shared/fixtures'),
  );
  return {
    name: 'emr-fixtures',
    async serve({ path: urlPath }) {
      const match = /^\/@fixtures\/([\w-]+)\/([^/]*)$/.exec(urlPath);
      if (!match) return undefined;
      const [, set, file] = match;
      const folder = path.join(dir, set);
      if (!file) {
        const names = (await readdir(folder)).filter((name) => name.endsWith('.json')).sort();
        return { body: JSON.stringify(names), type: 'json' };
      }
      return {
        body: await readFile(path.join(folder, decodeURIComponent(file)), 'utf8'),
        type: 'json',
      };
    },
  };
}

/**
 * `storage-quota` server command: overrides Chromium's storage quota for an
 * origin through the DevTools protocol, so that a test can make IndexedDB run
 * out of space for real; `{ origin }` without `quotaSize` restores the
 * default. The override lasts as long as the DevTools session that set it,
 * so that session is kept until the quota is restored.
 */
function storageQuota() {
  const sessions = new Map();
  return {
    name: 'storage-quota',
    async executeCommand({ command, payload, session }) {
      if (command !== 'storage-quota') return undefined;
      if (session.browser.type !== 'playwright')
        throw new Error(`storage-quota needs Playwright's Chromium, not ${session.browser.type}`);
      const { origin, quotaSize } = payload;
      let cdp = sessions.get(session.id);
      if (!cdp) {
        const page = session.browser.getPage(session.id);
        cdp = await page.context().newCDPSession(page);
        sessions.set(session.id, cdp);
      }
      if (quotaSize === undefined) {
        await cdp.send('Storage.overrideQuotaForOrigin', { origin });
        sessions.delete(session.id);
        await cdp.detach();
      } else {
        await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize });
      }
      return true;
    },
  };
}

/**
 * A real sync server on 127.0.0.1 (any free port, a temporary data
 * directory, the development key) for the sync tests, started with the test
 * run and stopped after it. The `sync-server` server command answers
 * `{ url }`, and with `{ token: { userId, patients, lifetime } }` also a
 * development token (lifetime in jose's notation: "8h", "3s", "-1m" for one
 * already expired).
 */
function syncServer() {
  let server;
  let dataDir;
  let devToken;
  return {
    name: 'sync-server',
    async serverStart() {
      const { tsImport } = await import('tsx/esm/api');
      const { mkdtemp } = await import('node:fs/promises');
      const os = await import('node:os');
      const module = await tsImport('./sync/server/index.ts', import.meta.url);
      devToken = module.devToken;
      dataDir = await mkdtemp(path.join(os.tmpdir(), 'emr-sync-test-'));
      server = await module.startSyncServer({
        dataDir,
        dev: true,
        port: 0,
        log: (e) =>
          process.env.EMR_SYNC_TEST_LOG
            ? import('node:fs').then((fs) =>
                fs.appendFileSync(process.env.EMR_SYNC_TEST_LOG, JSON.stringify(e) + '\n'),
              )
            : undefined,
      });
    },
    async serverStop() {
      await server?.close();
      if (dataDir)
        await (await import('node:fs/promises')).rm(dataDir, { recursive: true, force: true });
    },
    async executeCommand({ command, payload }) {
      if (command !== 'sync-server') return undefined;
      const token = payload?.token;
      return {
        url: server.url,
        ...(token && { token: await devToken(token.userId, token.patients, token.lifetime) }),
      };
    },
  };
}

export default {
  rootDir,
  files: ['test/browser/**/*.test.ts', 'components/**/*.test.ts'],
  nodeResolve: true,
  // Two cores: one browser page at a time per core.
  concurrency: 2,
  concurrentBrowsers: 1,
  browserStartTimeout: 60_000,
  testsStartTimeout: 60_000,
  testsFinishTimeout: 120_000,
  // A left-over `.only` fails the run instead of silently skipping the rest.
  testFramework: { config: { timeout: 20_000, forbidOnly: true } },
  // Print failures and the summary, not a live progress view (CI logs).
  staticLogging: true,
  // Lit's development build (chosen for its warnings) announces itself in every file.
  filterBrowserLogs: ({ args }) => !String(args[0]).startsWith('Lit is in dev mode'),
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath: chromiumPath,
        // Playwright adds the headless switch itself and refuses its own
        // profile flags, so those stay out of the shared argument list.
        headless: true,
        args: chromiumArgs.filter(
          (arg) => arg !== '--headless' && !arg.startsWith('--user-data-dir'),
        ),
      },
    }),
  ],
  plugins: [
    fixtures(),
    storageQuota(),
    syncServer(),
    demoEhrPlugin(),
    cdsServicePlugin(),
    dexieEsm(),
    hostFrameworksPlugin({ rootDir }),
    // esbuild compiles the TypeScript with tsconfig.json's settings, so Lit's
    // experimental decorators work and TSX uses React's JSX runtime; in .ts
    // files it also maps relative `./x.js` imports to `./x.ts` when that file
    // exists.
    esbuildPlugin({
      ts: true,
      tsx: true,
      target: 'es2022',
      tsconfig: path.join(rootDir, 'tsconfig.json'),
    }),
  ],
};
