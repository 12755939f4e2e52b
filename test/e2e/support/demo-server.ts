import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import type { DemoEhr } from '../../../demo/ehr/demo-ehr.js';
import { SYNC_URL_ENV } from '../../../demo/server/demo-api-plugin.js';
import { startPortalEhr } from '../../../demo/server/start-portal-ehr.js';
import { startSyncServer } from '../../../sync/server/index.js';

// The demo as `npm start` serves it, for a test: the demo EHR (FHIR server
// and SMART authorization server), the sync server (on the development key,
// with a throw-away data directory) and the portal on Vite's dev server,
// each on a free port of 127.0.0.1.

export interface RunningDemo {
  /** The portal's address, ending in a slash. */
  url: string;
  syncUrl: string;
  ehr: DemoEhr;
  close(): Promise<void>;
}

const configFile = fileURLToPath(new URL('../../../vite.config.ts', import.meta.url));

export async function startDemo(): Promise<RunningDemo> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'emr-demo-test-'));
  const ehr = await startPortalEhr({ fhirPort: 0, authPort: 0 });
  const sync = await startSyncServer({ dev: true, dataDir, port: 0, log: () => {} });
  process.env[SYNC_URL_ENV] = sync.url;
  const vite = await createServer({
    configFile,
    logLevel: 'warn',
    clearScreen: false,
    server: { port: 0, hmr: false, watch: null },
  });
  await vite.listen();
  const url = vite.resolvedUrls!.local[0]!;
  return {
    url,
    syncUrl: sync.url,
    ehr,
    async close() {
      await vite.close();
      await sync.close();
      await ehr.close();
      delete process.env[SYNC_URL_ENV];
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
