// The sync server in a process of its own, as it runs in production, for the
// sync-* suites: the clients in the runner's process do not share its event
// loop or its heap. It answers two commands on stdin: `memory` (RSS and heap
// after a full GC) and `close`. On the embedded store by default, or on a
// PostgreSQL schema and a Redis shared with other such processes (one node
// of several).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';

const serverModule = pathToFileURL(
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../sync/server/index.ts'),
).href;

const SCRIPT = `
import { createInterface } from 'node:readline';
const { startSyncServer } = await import(process.env.SYNC_SERVER_MODULE);
const shared = process.env.SYNC_POSTGRES ? { postgres: JSON.parse(process.env.SYNC_POSTGRES), redis: process.env.SYNC_REDIS } : {};
const server = await startSyncServer({ dev: true, port: 0, dataDir: process.env.SYNC_DATA_DIR, syncWrites: process.env.SYNC_WRITES !== '0', ...shared, log: (e) => { if (/failed|error/.test(e.event)) process.stderr.write(JSON.stringify(e) + '\\n'); } });
const say = (o) => process.stdout.write(JSON.stringify(o) + '\\n');
say({ url: server.url });
for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'memory') { gc(); gc(); const m = process.memoryUsage(); say({ rss: m.rss, heapUsed: m.heapUsed }); }
  if (line === 'close') { await server.close(); say({ closed: true }); process.exit(0); }
}
`;

export interface ServerProcess {
  url: string;
  /** Bytes, after a full GC in the server process. */
  memory(): Promise<{ rss: number; heapUsed: number }>;
  close(): Promise<void>;
}

export interface ServerProcessOptions {
  /** `false` acknowledges updates once the operating system has them (the server's default is on the disk). */
  syncWrites?: boolean;
  /** A node of several: their PostgreSQL schema (migrated by the first) and their Redis. */
  shared?: { postgres: { url: string; schema: string }; redis: string };
}

export async function startServerProcess(
  options: ServerProcessOptions = {},
): Promise<ServerProcess> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'emr-sync-bench-'));
  const child: ChildProcess = spawn(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', '--input-type=module', '-e', SCRIPT],
    {
      env: {
        ...process.env,
        SYNC_SERVER_MODULE: serverModule,
        SYNC_DATA_DIR: dataDir,
        SYNC_WRITES: options.syncWrites === false ? '0' : '1',
        ...(options.shared && {
          SYNC_POSTGRES: JSON.stringify({ ...options.shared.postgres, migrate: true }),
          SYNC_REDIS: options.shared.redis,
        }),
      },
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const waiting: Array<{
    resolve(reply: Record<string, unknown>): void;
    reject(error: Error): void;
  }> = [];
  createInterface({ input: child.stdout! }).on('line', (line) =>
    waiting.shift()?.resolve(JSON.parse(line) as Record<string, unknown>),
  );
  child.once('exit', (code) => {
    for (const w of waiting.splice(0))
      w.reject(new Error(`the sync server process exited (${code})`));
  });
  const next = () =>
    new Promise<Record<string, unknown>>((resolve, reject) => waiting.push({ resolve, reject }));
  const ask = (command: string) => {
    const reply = next();
    child.stdin!.write(`${command}\n`);
    return reply;
  };
  const { url } = await next();
  return {
    url: String(url),
    memory: async () => {
      const { rss, heapUsed } = await ask('memory');
      return { rss: Number(rss), heapUsed: Number(heapUsed) };
    },
    close: async () => {
      await ask('close');
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
