// `npm start`: runs everything the demo needs, prints where each part is
// served, and stops them all on Ctrl-C (SIGINT) or SIGTERM.
//
// Each service is an async function that starts one part and resolves to
// { name, url, close }; add a part by adding it to `services`.
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const configFile = fileURLToPath(new URL('../vite.config.ts', import.meta.url));

/** The mock hospital portal, served by Vite's dev server. */
async function demo() {
  // No screen clearing: the output of several services shares one terminal.
  const server = await createServer({ configFile, clearScreen: false });
  await server.listen();
  // The port is only a preference (strictPort: false): report the real one.
  const url = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${server.config.server.port}/`;
  return { name: 'emr-kit demo', url, close: () => server.close() };
}

const services = [demo];

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

try {
  for (const start of services) {
    const service = await start();
    running.push(service);
    console.log(`${service.name}: ${service.url}`);
  }
} catch (error) {
  console.error(error);
  await stop(1);
}
