import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  chownSync,
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { connect, createServer } from 'node:net';
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

// The servers never keep the test process alive (unref), and go with it, however it ends.
const running = new Set<ChildProcess>();
const directories = new Set<string>();
function cleanUp(): void {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
  for (const dir of directories) rmSync(dir, { recursive: true, force: true });
  directories.clear();
}
process.once('exit', cleanUp);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    cleanUp();
    process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
  });
}

/** A child whose output goes to a file: no pipe holds the test process open. */
function spawnServer(
  command: string,
  args: string[],
  logFile: string,
  user?: { uid: number; gid: number },
): ChildProcess {
  const out = openSync(logFile, 'a');
  const child = spawn(command, args, { stdio: ['ignore', out, out], ...user });
  closeSync(out);
  child.unref();
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

/** Asks a server to stop, and kills it if it has not within ten seconds. */
async function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  child.ref(); // held until it has exited
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(killer);
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').slice(-2000);
  } catch {
    return '';
  }
}

export function postgresBin(name: string): string {
  const fromEnv = process.env.EMR_PG_BIN;
  if (fromEnv) return path.join(fromEnv, name);
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(path.join(root, v, 'bin', name)))
        .sort((a, b) => Number(b) - Number(a))
    : [];
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
  const initdb = spawnSync(
    postgresBin('initdb'),
    ['-D', data, '-A', 'trust', '-U', 'emr', '-E', 'UTF8', '--locale=C', '--no-sync'],
    { encoding: 'utf8', ...user },
  );
  if (initdb.status !== 0)
    throw new Error(`initdb failed: ${initdb.error?.message ?? initdb.stderr}`);
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
  if (copied.status !== 0)
    throw new Error(`could not copy the PostgreSQL template: ${String(copied.stderr)}`);
  const port = await freePort();
  const url = `postgres://emr@127.0.0.1:${port}/postgres`;
  let child: ChildProcess | undefined;
  const start = async () => {
    const args = [
      '-D',
      data,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      `unix_socket_directories=${home}`,
      '-c',
      `fsync=${options.fsync ? 'on' : 'off'}`,
      '-c',
      'max_connections=200',
    ];
    const logFile = path.join(home, 'postgres.log');
    const started = spawnServer(postgresBin('postgres'), args, logFile, user);
    child = started;
    await until(async () => {
      if (started.exitCode !== null) throw new Error(`postgres exited: ${tail(logFile)}`);
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
    await stopChild(stopping, 'SIGINT'); // fast shutdown: clients are disconnected
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
  return (
    process.env.EMR_REDIS_SERVER ??
    (existsSync('/usr/bin/redis-server') ? '/usr/bin/redis-server' : 'redis-server')
  );
}

/** A Redis server of its own: no persistence, as a broker needs none. */
export async function startRedis(): Promise<Service> {
  const home = mkdtempSync(path.join(tmpdir(), 'emr-kit-redis-'));
  directories.add(home);
  const port = await freePort();
  let child: ChildProcess | undefined;
  const start = async () => {
    const logFile = path.join(home, 'redis.log');
    const started = spawnServer(
      redisServerPath(),
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--dir',
        home,
      ],
      logFile,
    );
    child = started;
    await until(async () => {
      if (started.exitCode !== null) throw new Error(`redis-server exited: ${tail(logFile)}`);
      return accepts(port);
    });
  };
  const stop = async () => {
    const stopping = child;
    child = undefined;
    if (!stopping || stopping.exitCode !== null) return;
    await stopChild(stopping, 'SIGTERM');
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

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
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
