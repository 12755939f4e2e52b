// The Vite dev server browser suites are loaded from: it compiles the
// project's TypeScript on request, exactly as the tests see it, and serves
// the fixtures and an empty page to run in.
import type { AddressInfo } from 'node:net';
import { createServer, type Plugin, type ViteDevServer } from 'vite';
import { ehrPlugin } from './ehr-plugin.js';
import { fixturesDir, fixturesPlugin } from './fixtures-plugin.js';

export const BLANK_PAGE = '/@bench/blank.html';

// A page of our own rather than an index.html through Vite: it carries no
// HMR client, so a file saved mid-run cannot reload the page under a suite.
// Cross-origin isolated (COOP + COEP), so performance.now() is precise to a
// few microseconds instead of 100; every module it loads is same-origin.
function blankPagePlugin(): Plugin {
  return {
    name: 'emr-bench-blank-page',
    configureServer(server) {
      server.middlewares.use(BLANK_PAGE, (_req, res) => {
        res.writeHead(200, {
          'content-type': 'text/html; charset=utf-8',
          'cross-origin-opener-policy': 'same-origin',
          'cross-origin-embedder-policy': 'require-corp',
        });
        res.end(
          '<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>bench</title></head><body></body></html>',
        );
      });
    },
  };
}

export interface DevServer {
  origin: string;
  close(): Promise<void>;
}

export async function startDevServer(root: string): Promise<DevServer> {
  const server: ViteDevServer = await createServer({
    configFile: false,
    envDir: false,
    root,
    appType: 'custom',
    logLevel: 'warn',
    clearScreen: false,
    server: { host: '127.0.0.1', port: 0, hmr: false, watch: null },
    // Lit's TypeScript (legacy) decorators; Vite also reads tsconfig.json,
    // this keeps the benchmarks right should that ever change.
    oxc: { decorator: { legacy: true }, target: 'es2022' },
    // Measured as hosts run it: Lit's production build, not its development
    // build (which checks and logs every binding it commits).
    resolve: { conditions: ['module', 'browser', 'production'] },
    // Found up front, dependencies are pre-bundled before the first suite
    // imports them instead of invalidating modules halfway through a run.
    optimizeDeps: { entries: ['bench/browser/*.bench.ts'] },
    plugins: [fixturesPlugin(fixturesDir(root)), blankPagePlugin(), ehrPlugin()],
  });
  await server.listen();
  const { port } = server.httpServer!.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => server.close() };
}
