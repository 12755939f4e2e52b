import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { sharedPostgres } from './services.js';
import { schemaFor, STORE_KIND } from './support.js';

// The sync server as its own process, started through the real `emr-kit`
// command, for the tests that kill it. On PostgreSQL, the data directory
// stands for a schema (support.ts).

export const bin = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../bin/emr-kit.mjs',
);

export interface ChildServer {
  child: ChildProcess;
  url: string;
  /** Log lines (JSON) it printed so far. */
  lines: Array<Record<string, unknown>>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** The `emr-kit serve` options that keep a server's data where the tests' stores are. */
export async function storeArguments(dataDir: string): Promise<string[]> {
  if (STORE_KIND === 'level') return ['--data', dataDir];
  return [
    '--postgres',
    (await sharedPostgres()).url,
    '--postgres-schema',
    schemaFor(dataDir),
    '--migrate',
  ];
}

export async function startChildServer(
  dataDir: string,
  extra: string[] = [],
): Promise<ChildServer> {
  return startServerProcess([...(await storeArguments(dataDir)), ...extra]);
}

/** `emr-kit serve --dev --port 0` with these options. */
export function startServerProcess(options: string[]): Promise<ChildServer> {
  const child = spawn(process.execPath, [bin, 'serve', '--dev', '--port', '0', ...options], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Array<Record<string, unknown>> = [];
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  let stderr = '';
  child.stderr!.on('data', (chunk) => {
    stderr += String(chunk);
  });
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (text) => {
      const line = JSON.parse(text) as Record<string, unknown>;
      lines.push(line);
      if (line.event === 'listening') resolve({ child, url: String(line.url), lines, exited });
    });
    void exited.then(({ code }) =>
      reject(new Error(`emr-kit serve exited (${code}) before listening: ${stderr}`)),
    );
  });
}
