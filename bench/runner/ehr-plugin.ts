// The demo EHR for the browser suites that pull from a FHIR server: started
// on first request, one per fixture set, on 127.0.0.1 — Medplum's engine
// behind the SMART authorization server, as the tests run it. `/@bench/ehr/synthea`
// answers the FHIR base and an access token per Synthea patient;
// `/@bench/ehr/icu` the same for the generated ICU stay (300,000 observations).
import type { Plugin } from 'vite';
import { startDemoEhr, type DemoEhr } from '../../demo/ehr/demo-ehr.js';
import { seedIcuStay } from '../../demo/ehr/seed-icu-stay.js';
import { APP, APP_REDIRECT, launchApp } from '../../test/node/ehr-server/smart-flow.js';

export const EHR_URL = '/@bench/ehr';

interface Served {
  fhirBaseUrl: string;
  patients: Array<{ id: string; name: string; token: string; size: number }>;
}

async function start(set: string): Promise<{ ehr: DemoEhr; served: Served }> {
  const ehr = await startDemoEhr({
    clients: [{ clientId: APP, redirectUris: [APP_REDIRECT] }],
    autoLogin: 'dr-okafor',
    fixturesDir: set === 'icu' ? null : undefined,
  });
  const patients = set === 'icu' ? [await icuPatient(ehr)] : ehr.patients;
  const served: Served = { fhirBaseUrl: ehr.fhir.url, patients: [] };
  for (const patient of patients) {
    const launch = ehr.auth.createLaunch({ patient: patient.id, user: 'dr-okafor' });
    const { status, body } = await launchApp(ehr.auth, {
      // Read to pull, create and update to give changes back (ehr-deliver).
      scope: 'launch openid fhirUser patient/*.cruds',
      aud: ehr.fhir.url,
      launch,
    });
    if (status !== 200 || !body.access_token)
      throw new Error(`no token for ${patient.id}: ${status}`);
    served.patients.push({
      id: patient.id,
      name: patient.name,
      token: body.access_token,
      size: patient.size,
    });
  }
  return { ehr, served };
}

async function icuPatient(ehr: DemoEhr) {
  const seeded = await seedIcuStay(ehr.fhir.repository);
  return { id: seeded.patientId, name: 'ICU stay', size: seeded.resources };
}

export function ehrPlugin(): Plugin {
  const running = new Map<string, Promise<{ ehr: DemoEhr; served: Served }>>();
  return {
    name: 'emr-bench-ehr',
    configureServer(server) {
      // Closed before the dev server itself, and waited for.
      const closeServer = server.close.bind(server);
      server.close = async () => {
        await Promise.all(
          [...running.values()].map((started) =>
            started.then(
              ({ ehr }) => ehr.close(),
              () => undefined,
            ),
          ),
        );
        return closeServer();
      };
      server.middlewares.use(EHR_URL, (req, res) => {
        const set = (req.url ?? '/').replace(/^\//, '').split('?')[0]!;
        if (set !== 'synthea' && set !== 'icu') {
          res.writeHead(404).end();
          return;
        }
        if (!running.has(set)) running.set(set, start(set));
        running.get(set)!.then(
          ({ served }) => {
            res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
            res.end(JSON.stringify(served));
          },
          (error: Error) => {
            res.writeHead(500, { 'content-type': 'text/plain' });
            res.end(error.stack ?? error.message);
          },
        );
      });
    },
  };
}
