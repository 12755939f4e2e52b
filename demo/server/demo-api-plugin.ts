import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import type { Plugin } from 'vite';
import { DEV_USERS, devToken } from '../../sync/server/dev-users.js';
import { readCatalog, type CatalogPatient } from './patient-catalog.js';

// What the demo portal asks its own server for, under /@demo/. Development
// only (`apply: 'serve'`): the token route signs with the published
// development key, which never reaches the page and never goes into a build.
//
//   GET /@demo/config            { syncUrl }: the sync server, or null (local only)
//   GET /@demo/patients          the Synthea patients (CatalogPatient[])
//   GET /@demo/fixtures/<file>   one bundle
//   GET /@demo/users             the demo users: id, name, role
//   GET /@demo/token?user=<id>   a sync token for that user, for the demo's patients

export const DEMO_API = '/@demo';

/** The environment variable through which `npm start` (or a test) tells the demo where the sync server is. */
export const SYNC_URL_ENV = 'EMR_DEMO_SYNC_URL';

export function demoApiPlugin(fixturesDir: string): Plugin {
  let catalog: Promise<CatalogPatient[]> | undefined;
  const patients = () => (catalog ??= readCatalog(fixturesDir));

  const routes: Record<string, (url: URL, res: ServerResponse) => Promise<void>> = {
    '/config': async (_url, res) => json(res, 200, { syncUrl: process.env[SYNC_URL_ENV] || null }),
    '/patients': async (_url, res) => json(res, 200, await patients()),
    '/users': async (_url, res) => json(res, 200, DEV_USERS.map(({ id, name, role }) => ({ id, name, role }))),
    '/token': async (url, res) => {
      const user = DEV_USERS.find((u) => u.id === url.searchParams.get('user'));
      if (!user) return json(res, 404, { error: 'no such demo user' });
      const token = await devToken(user.id, (await patients()).map((p) => p.patientId), '1h');
      res.writeHead(200, { 'content-type': 'text/plain', 'cache-control': 'no-store' });
      res.end(token);
    },
  };

  async function fixture(name: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const known = (await patients()).some((p) => p.file === name);
    if (!known) return json(res, 404, { error: `no fixture ${name}` });
    const file = path.join(fixturesDir, name);
    const info = await stat(file);
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': info.size, 'cache-control': 'no-store' });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file).pipe(res);
  }

  return {
    name: 'emr-demo-api',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use(DEMO_API, (req, res, next) => {
        if (req.method !== 'GET' && req.method !== 'HEAD') return next();
        const url = new URL(req.url ?? '/', 'http://demo');
        const fixturePrefix = '/fixtures/';
        const answer = url.pathname.startsWith(fixturePrefix)
          ? fixture(decodeURIComponent(url.pathname.slice(fixturePrefix.length)), req, res)
          : routes[url.pathname]?.(url, res);
        if (!answer) return next();
        answer.catch((error: unknown) => {
          server.config.logger.error(`${DEMO_API}${url.pathname}: ${String(error)}`);
          if (!res.headersSent) json(res, 500, { error: String(error) });
          else res.end();
        });
      });
    },
  };
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}
