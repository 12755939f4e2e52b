// `npm start`: runs everything the demo needs, prints where each part is
// served, and stops them all on Ctrl-C (SIGINT) or SIGTERM.
//
// Each service is an async function that starts one part and resolves to
// { name, url, close }; add a part by adding it to `services`.
import { existsSync, mkdirSync, createWriteStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';
import { createServer } from 'vite';

const configFile = fileURLToPath(new URL('../vite.config.ts', import.meta.url));
const syncServerFile = new URL('../sync/server/start-sync-server.ts', import.meta.url);
const demoEhrFile = new URL('../demo/ehr/demo-ehr.ts', import.meta.url);
// Local data of `npm start` (git-ignored): the sync server's documents and its log.
const dataDir = fileURLToPath(new URL('../.emr-data/', import.meta.url));

/**
 * The sync server, on the published DEVELOPMENT key (the demo's users get
 * tokens for it from the demo's dev server), with its documents under
 * .emr-data/. The demo finds it through EMR_DEMO_SYNC_URL.
 */
async function syncServer() {
  loadTypeScript();
  const { startSyncServer } = await import('../sync/server/index.ts');
  mkdirSync(dataDir, { recursive: true });
  const logFile = `${dataDir}sync-server.log`;
  const log = createWriteStream(logFile, { flags: 'a' });
  const options = {
    dev: true,
    dataDir: `${dataDir}sync`,
    log: (entry) => log.write(`${JSON.stringify(entry)}\n`),
  };
  // 1234 is a preference (y-websocket's usual port): when it is taken, any free port.
  const server = await startSyncServer({ ...options, port: 1234 }).catch((error) => {
    if (error.code !== 'EADDRINUSE') throw error;
    return startSyncServer({ ...options, port: 0 });
  });
  process.env.EMR_DEMO_SYNC_URL = server.url;
  return {
    name: 'emr-kit sync server (development key; log in .emr-data/sync-server.log)',
    url: server.url,
    close: async () => {
      await server.close();
      log.end();
    },
  };
}

let typeScriptLoaded = false;
/** The servers are TypeScript: tsx's loader, registered once. */
function loadTypeScript() {
  if (!typeScriptLoaded) register();
  typeScriptLoaded = true;
}

/**
 * The demo EHR: a FHIR R4 server seeded with the six Synthea patients, and
 * its SMART authorization server, on 8103 and 8104 when they are free. The
 * portal's dev server is handed it in this process (the ward list, EHR
 * launches) and registers the portal with it once it listens. Every write it
 * answers is printed: where the portal's changes are seen arriving.
 */
async function demoEhr() {
  loadTypeScript();
  const { startPortalEhr, PREFERRED_PORTS } = await import('../demo/server/start-portal-ehr.ts');
  const ehr = await startPortalEhr(PREFERRED_PORTS, {
    onAnswer: ({ method, path, status }) => {
      if (['PUT', 'POST', 'PATCH', 'DELETE'].includes(method))
        console.log(`demo EHR: ${method} ${decodeURIComponent(path)} → ${status}`);
    },
  });
  return {
    name: `demo EHR (${ehr.patients.length} Synthea patients; its SMART authorization server is ${ehr.auth.issuer}), FHIR R4 base`,
    url: ehr.fhir.url,
    close: () => ehr.close(),
  };
}

/** The mock hospital portal, served by Vite's dev server. */
async function demo() {
  // No screen clearing: the output of several services shares one terminal.
  const server = await createServer({ configFile, clearScreen: false });
  await server.listen();
  // The port is only a preference (strictPort: false): report the real one.
  const url = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${server.config.server.port}/`;
  return {
    name: 'emr-kit demo (standalone SMART app: standalone.html)',
    url,
    close: () => server.close(),
  };
}

// The demo EHR and the sync server first: the demo hands their addresses to
// the page. Without one (not in this tree) the demo does without it: no EHR,
// and it imports the Synthea bundles; no sync server, and it runs on this
// device only.
const services = [
  ...(existsSync(demoEhrFile) ? [demoEhr] : []),
  ...(existsSync(syncServerFile) ? [syncServer] : []),
  demo,
];

/** @type {{ name: string, url: string, close: () => Promise<void> }[]} */
const running = [];
let stopping = false;

async function stop(exitCode) {
  if (stopping) process.exit(exitCode); // a second signal: stop waiting
  stopping = true;
  for (const service of running.reverse()) {
    await service.close().catch((error) => console.error(`${service.name}: ${error.message}`));
  }
  process.exit(exitCode);
}

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stop(0));

/** What to do with it all, once everything listens: a newcomer's first steps. */
async function nextSteps(portal) {
  const withEhr = services.includes(demoEhr);
  const clinicians = withEhr
    ? (await import('../demo/ehr/demo-clinicians.ts')).DEMO_CLINICIANS
    : [
        { id: 'dr-okafor', name: 'Dr Ada Okafor' },
        { id: 'dr-lindqvist', name: 'Dr Erik Lindqvist' },
      ];
  const [first, second] = clinicians;
  const lines = [
    '',
    'Next:',
    `  1. Open the portal: ${portal} (signed in as ${first.name}; "Signed in as" changes the user).`,
    withEhr
      ? '  2. Pick a patient from the ward list. The first time, the demo EHR asks you to Allow the launch (no password), then the chart is copied into this browser.'
      : '  2. Pick a patient: the Synthea bundle is imported into this browser (the demo EHR is not in this tree).',
  ];
  if (services.includes(syncServer))
    lines.push(
      `  3. The second clinician: in another window open ${new URL(`?user=${second.id}`, portal)}&patient=<the patient's id>`,
      "     (copy the first window's address and change the user): the chart comes through the sync server, and a change in one window shows in the other.",
    );
  if (withEhr)
    lines.push(
      '  Change a dose in a launched chart (Change dose, Save new dose): the link beside the sync status counts it sent, and the demo EHR prints its write here.',
      `  The standalone SMART app: ${new URL('standalone.html', portal)} — sign in to the demo EHR as ${clinicians.map((c) => c.name).join(' or ')} (pick a name; no password), pick a patient, Allow.`,
    );
  lines.push('', 'Stop everything with Ctrl-C.');
  console.log(lines.join('\n'));
}

try {
  let portal = '';
  for (const start of services) {
    const service = await start();
    running.push(service);
    console.log(`${service.name}: ${service.url}`);
    if (start === demo) portal = service.url;
  }
  await nextSteps(portal);
} catch (error) {
  console.error(error);
  await stop(1);
}
