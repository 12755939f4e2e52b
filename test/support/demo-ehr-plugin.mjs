// The `ehr` server command of the browser tests: a demo EHR (the FHIR server
// on Medplum's engine, seeded with the Synthea patients, and the SMART
// authorization server on oidc-provider) per test file, on 127.0.0.1, with
// the faults a test sets around the engine. See test/support/ehr.ts for the
// browser's side.

/** @returns a web-test-runner plugin */
export function demoEhrPlugin() {
  /** @type {Map<string, { ehr: any, redirectUri: string }>} by test session */
  const running = new Map();
  let modules;
  const load = async () => {
    if (modules) return modules;
    const { tsImport } = await import('tsx/esm/api');
    const [demo, flow] = await Promise.all([
      tsImport('../../demo/ehr/demo-ehr.ts', import.meta.url),
      tsImport('../node/ehr-server/smart-flow.ts', import.meta.url),
    ]);
    modules = { demo, flow };
    return modules;
  };

  const ops = {
    async start({ session, payload }) {
      const { demo, flow } = await load();
      await running.get(session.id)?.ehr.close();
      const ehr = await demo.startDemoEhr({
        clients: [
          {
            clientId: 'emr-kit-tests',
            redirectUris: [payload.redirectUri],
            name: 'emr-kit (tests)',
          },
          // The server-side flow that hands tests their tokens.
          { clientId: flow.APP, redirectUris: [flow.APP_REDIRECT], name: 'Chart app' },
        ],
        accessTokenLifetime: payload.accessTokenLifetime,
        autoLogin: 'dr-okafor',
        autoPatient: 'first',
      });
      running.set(session.id, { ehr, redirectUri: payload.redirectUri });
      return {
        fhirBaseUrl: ehr.fhir.url,
        issuer: ehr.auth.issuer,
        patients: ehr.patients,
        clientId: 'emr-kit-tests',
        redirectUri: payload.redirectUri,
      };
    },
    async stop({ ehr, session }) {
      running.delete(session.id);
      await ehr.close();
      return true;
    },
    async token({ ehr, payload }) {
      const { flow } = await load();
      const scope = payload.scope
        .split(' ')
        .map((s) => (s === 'launch/patient' ? 'launch' : s))
        .join(' ');
      const launch = ehr.auth.createLaunch({ patient: payload.patient, user: 'dr-okafor' });
      const { status, body } = await flow.launchApp(ehr.auth, { scope, aud: ehr.fhir.url, launch });
      if (status !== 200) throw new Error(`token: ${status} ${JSON.stringify(body)}`);
      return body;
    },
    launch: ({ ehr, payload }) =>
      ehr.auth.createLaunch({ patient: payload.patient, user: 'dr-okafor' }),
    async follow({ session, payload }) {
      const page = await session.browser.getPage(session.id).context().newPage();
      // The redirect URI is only read, never loaded: a page closed while it loads can hang its close.
      await page.route(
        (url) => url.href.startsWith(payload.until),
        (route) => route.abort(),
      );
      try {
        // The redirect URI's request is the answer: no need to wait for the page behind it.
        const arrived = page.waitForRequest((request) => request.url().startsWith(payload.until), {
          timeout: 15_000,
        });
        page.goto(payload.url).catch(() => undefined);
        const request = await arrived.catch(async () => {
          throw new Error(
            `follow: stopped at ${page.url()}: ${(await page.textContent('body').catch(() => '')).slice(0, 300)}`,
          );
        });
        return request.url();
      } finally {
        void page.close().catch(() => undefined);
      }
    },
    fail({ ehr, payload }) {
      const { pathIncludes, method, ...rule } = payload;
      ehr.fhir.faults.fail({
        ...rule,
        ...((pathIncludes || method) && {
          match: (sent, path) =>
            (!method || sent === method) && (!pathIncludes || path.includes(pathIncludes)),
        }),
      });
      return true;
    },
    dieAfter({ ehr, payload }) {
      ehr.fhir.faults.dieAfter(payload.requests);
      return true;
    },
    async revive({ ehr }) {
      if (ehr.fhir.faults.dead) await ehr.fhir.faults.revive();
      ehr.fhir.faults.reset();
      return true;
    },
    delay({ ehr, payload }) {
      ehr.fhir.faults.delayMs = payload.ms;
      return true;
    },
    requests: ({ ehr, payload }) => ehr.fhir.requests.slice(payload.from ?? 0),
    async update({ ehr, payload }) {
      const saved = await ehr.fhir.repository.updateResource(payload.resource);
      return { versionId: saved.meta.versionId, lastUpdated: saved.meta.lastUpdated };
    },
    refreshes: ({ ehr }) => ehr.auth.grantCounts().refresh_token ?? 0,
  };

  return {
    name: 'demo-ehr',
    serverStart() {
      // The engine's modules load while the browser starts, not inside a test's first command (20 s at most).
      void load().catch(() => undefined);
    },
    async serverStop() {
      await Promise.allSettled([...running.values()].map(({ ehr }) => ehr.close()));
      running.clear();
    },
    async executeCommand({ command, payload, session }) {
      if (command !== 'ehr') return undefined;
      const op = ops[payload.op];
      if (!op) throw new Error(`ehr: no operation ${payload.op}`);
      const current = running.get(session.id);
      if (payload.op !== 'start' && !current)
        throw new Error(`ehr ${payload.op}: start the demo EHR first`);
      return op({ session, payload, ehr: current?.ehr });
    },
  };
}
