import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

// Real PostgreSQL and Redis servers for the tests, on 127.0.0.1, each with a
// throw-away data directory, stopped when the test process ends. Debian's
// `postgresql` and `redis-server` packages provide them
// (scripts/ensure-services.sh installs them when missing). PostgreSQL will
// not run as root: as root, its processes run as the `postgres` user.

export interface Service {
  readonly port: number;
  readonly url: string;
  /** Stops the server (its data stays), as an outage would. */
  stop(): Promise<void>;
  /** Starts it again on the same port and data. */
  start(): Promise<void>;
  /** Stops it for good and removes its data. */
  destroy(): Promise<void>;
}

const running = new Set<ChildProcess>();
const directories = new Set<string>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
  for (const dir of directories) rmSync(dir, { recursive: true, force: true });
});

export function postgresBin(name: string): string {
  const fromEnv = process.env.EMR_PG_BIN;
  if (fromEnv) return path.join(fromEnv, name);
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(path.join(root, v, 'bin', name))).sort((a, b) => Number(b) - Number(a)) : [];
  if (versions[0]) return path.join(root, versions[0], 'bin', name);
  return name;
}

/** As root, the uid and gid PostgreSQL runs under. */
function postgresUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** An initialised cluster, made once per machine and copied for each server (initdb takes seconds, a copy a tenth of one). */
function template(user: { uid: number; gid: number } | undefined): string {
  const dir = path.join(tmpdir(), `emr-kit-pg-template-${user?.uid ?? process.getuid?.() ?? 'u'}`);
  if (existsSync(path.join(dir, 'PG_VERSION'))) return dir;
  const building = mkdtempSync(path.join(tmpdir(), 'emr-kit-pg-init-'));
  if (user) chownSync(building, user.uid, user.gid);
  const data = path.join(building, 'data');
  const initdb = spawnSync(postgresBin('initdb'), ['-D', data, '-A', 'trust', '-U', 'emr', '-E', 'UTF8', '--locale=C', '--no-sync'], { encoding: 'utf8', ...user });
  if (initdb.status !== 0) throw new Error(`initdb failed: ${initdb.error?.message ?? initdb.stderr}`);
  try {
    renameSync(data, dir);
  } catch {
    // Another test process made it first.
  }
  rmSync(building, { recursive: true, force: true });
  return dir;
}

/** A PostgreSQL server of its own, with fsync off unless asked (its data is thrown away). */
export async function startPostgres(options: { fsync?: boolean } = {}): Promise<Service> {
  const user = postgresUser();
  const home = mkdtempSync(path.join(tmpdir(), 'emr-kit-pg-'));
  directories.add(home);
  if (user) chownSync(home, user.uid, user.gid);
  const data = path.join(home, 'data');
  const copied = spawnSync('cp', ['-a', template(user), data]);
  if (copied.status !== 0) throw new Error(`could not copy the PostgreSQL template: ${String(copied.stderr)}`);
  const port = await freePort();
  const url = `postgres://emr@127.0.0.1:${port}/postgres`;
  let child: ChildProcess | undefined;
  const start = async () => {
    const args = ['-D', data, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${home}`, '-c', `fsync=${options.fsync ? 'on' : 'off'}`, '-c', 'max_connections=200'];
    const started = spawn(postgresBin('postgres'), args, { stdio: ['ignore', 'ignore', 'pipe'], ...user });
    let stderr = '';
    started.stderr!.on('data', (chunk) => (stderr += String(chunk)));
    running.add(started);
    started.once('exit', () => running.delete(started));
    child = started;
    await until(async () => {
      if (started.exitCode !== null) throw new Error(`postgres exited: ${stderr}`);
      const client = new pg.Client({ connectionString: url });
      client.on('error', () => undefined);
      try {
        await client.connect();
        await client.end();
        return true;
      } catch {
        return false;
      }
    });
  };
  const stop = async () => {
    const stopping = child;
    child = undefined;
    if (!stopping || stopping.exitCode !== null) return;
    const exited = new Promise((resolve) => stopping.once('exit', resolve));
    stopping.kill('SIGINT'); // fast shutdown: clients are disconnected
    await exited;
  };
  await start();
  return {
    port,
    url,
    stop,
    start,
    destroy: async () => {
      await stop();
      rmSync(home, { recursive: true, force: true });
      directories.delete(home);
    },
  };
}

export function redisServerPath(): string {
  return process.env.EMR_REDIS_SERVER ?? (existsSync('/usr/bin/redis-server') ? '/usr/bin/redis-server' : 'redis-server');
}

/** A Redis server of its own: no persistence, as a broker needs none. */
export async function startRedis(): Promise<Service> {
  const home = mkdtempSync(path.join(tmpdir(), 'emr-kit-redis-'));
  directories.add(home);
  const port = await freePort();
  let child: ChildProcess | undefined;
  const start = async () => {
    const started = spawn(redisServerPath(), ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', home], { stdio: ['ignore', 'pipe', 'pipe'] });
    running.add(started);
    started.once('exit', () => running.delete(started));
    child = started;
    let output = '';
    await new Promise<void>((resolve, reject) => {
      started.stdout!.on('data', (chunk) => {
        output += String(chunk);
        if (output.includes('Ready to accept connections')) resolve();
      });
      started.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${output}`)));
      started.once('error', reject);
    });
  };
  const stop = async () => {
    const stopping = child;
    child = undefined;
    if (!stopping || stopping.exitCode !== null) return;
    const exited = new Promise((resolve) => stopping.once('exit', resolve));
    stopping.kill('SIGTERM');
    await exited;
  };
  await start();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    stop,
    start,
    destroy: async () => {
      await stop();
      rmSync(home, { recursive: true, force: true });
      directories.delete(home);
    },
  };
}

async function until(ready: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ready())) {
    if (Date.now() > deadline) throw new Error('service did not start in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

let shared: Promise<Service> | undefined;

/** One PostgreSQL server for the whole test process: tests keep apart by schema. */
export function sharedPostgres(): Promise<Service> {
  return (shared ??= startPostgres());
}

let schemas = 0;

/** A schema name no other store of this process uses. */
export function freshSchema(): string {
  return `t${process.pid}_${++schemas}_${Math.random().toString(36).slice(2, 8)}`;
}
