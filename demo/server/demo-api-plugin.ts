import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Plugin } from 'vite';
import { DEV_USERS, devToken } from '../../sync/server/dev-users.js';
import { DEMO_CLINICIANS } from '../ehr/demo-clinicians.js';
import { LAUNCH_PAGE, PORTAL_CLIENT_ID, PORTAL_CLIENT_NAME, REDIRECT_PAGES } from '../smart-app.js';
import { ehrPatients } from './ehr-patients.js';
import { readCatalog, type CatalogPatient } from './patient-catalog.js';
import { runningEhr } from './running-ehr.js';

// What the demo portal asks its own server for, under /@demo/. Development
// only (`apply: 'serve'`): the token route signs with the published
// development key, which never reaches the page and never goes into a build.
//
//   GET /@demo/config            { syncUrl, fhirBaseUrl }: the sync server and the
//                                demo EHR's FHIR server, each null when not running
//   GET /@demo/patients          the ward list: the FHIR server's patients (WardPatient[]),
//                                or with ?source=bundle (or no demo EHR) the Synthea
//                                bundles (CatalogPatient[])
//   GET /@demo/fixtures/<file>   one bundle
//   GET /@demo/users             the demo users: id, name, role, and fhirUser for those
//                                who can sign in to the demo EHR
//   GET /@demo/token?user=<id>   a sync token for that user, for the demo's patients
//   GET /@demo/launch?patient=<id>&user=<id>
//                                an EHR launch of the portal for that chart, as the EHR
//                                makes one: { url } of the launch page, with iss and launch
//
// Once the dev server listens, it registers the portal with the demo EHR's
// authorization server, its pages on this port as redirect URIs.

export const DEMO_API = '/@demo';

/** The environment variable through which `npm start` (or a test) tells the demo where the sync server is. */
export const SYNC_URL_ENV = 'EMR_DEMO_SYNC_URL';

export function demoApiPlugin(fixturesDir: string): Plugin {
  let catalog: Promise<CatalogPatient[]> | undefined;
  const patients = () => (catalog ??= readCatalog(fixturesDir));

  const routes: Record<string, (url: URL, res: ServerResponse) => Promise<void>> = {
    '/config': async (_url, res) =>
      json(res, 200, {
        syncUrl: process.env[SYNC_URL_ENV] || null,
        fhirBaseUrl: runningEhr()?.fhir.url ?? null,
      }),
    '/patients': async (url, res) => {
      const ehr = runningEhr();
      json(
        res,
        200,
        ehr && url.searchParams.get('source') !== 'bundle'
          ? await ehrPatients(ehr)
          : await patients(),
      );
    },
    '/users': async (_url, res) =>
      json(
        res,
        200,
        DEV_USERS.map(({ id, name, role }) => {
          const clinician = DEMO_CLINICIANS.find((c) => c.id === id);
          return { id, name, role, ...(clinician && { fhirUser: clinician.fhirUser }) };
        }),
      ),
    '/launch': async (url, res) => {
      const ehr = runningEhr();
      if (!ehr) return json(res, 404, { error: 'the demo EHR is not running' });
      const user = DEMO_CLINICIANS.find((c) => c.id === url.searchParams.get('user'));
      if (!user)
        return json(res, 403, {
          error: 'only the demo EHR’s clinicians can launch a chart from it',
        });
      const patient = url.searchParams.get('patient') ?? '';
      if (!(await ehr.fhir.repository.readResource('Patient', patient).catch(() => undefined)))
        return json(res, 404, { error: `no patient ${patient} on the FHIR server` });
      const launch = ehr.auth.createLaunch({ patient, user: user.id });
      json(res, 200, {
        url: `${LAUNCH_PAGE}?${new URLSearchParams({ iss: ehr.fhir.url, launch })}`,
      });
    },
    '/token': async (url, res) => {
      const user = DEV_USERS.find((u) => u.id === url.searchParams.get('user'));
      if (!user) return json(res, 404, { error: 'no such demo user' });
      const token = await devToken(
        user.id,
        (await patients()).map((p) => p.patientId),
        '1h',
      );
      res.writeHead(200, { 'content-type': 'text/plain', 'cache-control': 'no-store' });
      res.end(token);
    },
  };

  async function fixture(name: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const known = (await patients()).some((p) => p.file === name);
    if (!known) return json(res, 404, { error: `no fixture ${name}` });
    const file = path.join(fixturesDir, name);
    const info = await stat(file);
    res.writeHead(200, {
      'content-type': 'application/json',
      'content-length': info.size,
      'cache-control': 'no-store',
    });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file).pipe(res);
  }

  return {
    name: 'emr-demo-api',
    apply: 'serve',
    configureServer(server) {
      server.httpServer?.once('listening', () => {
        const address = server.httpServer?.address() as AddressInfo | null;
        if (address) registerPortal(address.port);
      });
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

/** The portal as a public client of the demo EHR, at this port on either name of the loopback host. */
function registerPortal(port: number): void {
  const redirectUris = ['127.0.0.1', 'localhost'].flatMap((host) =>
    Object.values(REDIRECT_PAGES).map((page) => `http://${host}:${port}${page}`),
  );
  runningEhr()?.auth.registerClient({
    clientId: PORTAL_CLIENT_ID,
    name: PORTAL_CLIENT_NAME,
    redirectUris,
  });
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}
