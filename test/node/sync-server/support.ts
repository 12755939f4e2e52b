import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SignJWT } from 'jose';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import {
  devToken,
  LevelStore,
  PostgresStore,
  signingSecret,
  startSyncServer,
  type SyncServer,
  type SyncServerOptions,
  type SyncRole,
  type SyncStore,
} from '../../../sync/server/index.js';
import { sharedPostgres } from './services.js';

// A real sync server on 127.0.0.1 with its own data directory, its log lines
// kept for the test to read, and stock y-websocket clients.
//
// The same tests run against both stores: the embedded one by default, and
// PostgreSQL when EMR_SYNC_TEST_STORE=postgres (a server of the test
// process's own; a data directory stands for a schema of its own, so a
// server restarted on the same directory finds its documents again).

export const STORE_KIND: 'level' | 'postgres' =
  process.env.EMR_SYNC_TEST_STORE === 'postgres' ? 'postgres' : 'level';

/** The schema that stands for a data directory. */
export function schemaFor(dataDir: string): string {
  return `d_${createHash('sha256').update(dataDir).digest('hex').slice(0, 20)}`;
}

/** The store of the kind under test for a data directory; the caller closes it. */
export async function openTestStore(dataDir: string): Promise<SyncStore> {
  if (STORE_KIND === 'level') return LevelStore.open(dataDir);
  return PostgresStore.open({
    url: (await sharedPostgres()).url,
    schema: schemaFor(dataDir),
    migrate: true,
  });
}

export type LogLine = Record<string, unknown> & { event: string; time: string };

export interface TestServer {
  server: SyncServer;
  dataDir: string;
  /** Every log line so far. */
  log: LogLine[];
  /** The first log line (already written or still to come) that matches. */
  logged(match: (line: LogLine) => boolean): Promise<LogLine>;
  /** Clients made through this server, destroyed on stop. */
  connect(document: string, token: string, doc?: Y.Doc): Client;
  /** Destroys the clients made so far (each stock provider holds a process listener). */
  closeClients(): void;
  stop(): Promise<void>;
}

export interface Client {
  doc: Y.Doc;
  provider: WebsocketProvider;
  synced: Promise<void>;
  /** The close the server sent (code and reason), for a refused client. */
  closed: Promise<{ code: number; reason: string }>;
}

export async function startTestServer(
  options: Partial<SyncServerOptions> = {},
): Promise<TestServer> {
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'emr-sync-test-')));
  const log: LogLine[] = [];
  const waiters: Array<{ match: (line: LogLine) => boolean; resolve: (line: LogLine) => void }> =
    [];
  const ownStore =
    STORE_KIND === 'postgres' && !options.store && !options.postgres
      ? await openTestStore(dataDir)
      : undefined;
  const server = await startSyncServer({
    dev: true,
    ...options,
    dataDir,
    ...(ownStore ? { store: ownStore } : {}),
    log: (entry) => {
      const line = entry as LogLine;
      log.push(line);
      for (const waiter of waiters.filter((w) => w.match(line))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    },
  });
  const clients: Client[] = [];
  return {
    server,
    dataDir,
    log,
    logged: (match) => {
      const found = log.find(match);
      return found
        ? Promise.resolve(found)
        : new Promise((resolve) => waiters.push({ match, resolve }));
    },
    connect: (document, token, doc) => {
      const client = connectClient(server.url, document, token, doc);
      clients.push(client);
      return client;
    },
    closeClients: () => {
      for (const client of clients.splice(0)) destroyClient(client);
    },
    stop: async () => {
      for (const client of clients.splice(0)) destroyClient(client);
      await server.close();
      await ownStore?.close();
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A stock y-websocket client, in Node, that talks only through the server. */
export function connectClient(
  url: string,
  document: string,
  token: string,
  doc = new Y.Doc(),
): Client {
  const provider = new WebsocketProvider(url, document, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: { token },
    disableBc: true,
  });
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    else provider.once('sync', () => resolve());
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    provider.on('closed', (event) => resolve({ code: event.code, reason: event.reason })),
  );
  return { doc, provider, synced, closed };
}

export function destroyClient(client: Client): void {
  client.provider.destroy();
  client.doc.destroy();
}

/** Resolves once `read` returns true, checked on every change of the document. */
export function until(doc: Y.Doc, read: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (read()) return resolve();
    const check = () => {
      if (!read()) return;
      doc.off('update', check);
      resolve();
    };
    doc.on('update', check);
  });
}

export function token(
  userId: 'dr-okafor' | 'dr-lindqvist' | 'portal-viewer',
  patients: string[] = ['pat-1'],
): Promise<string> {
  return devToken(userId, patients);
}

/** A development-key token with any claims, for the cases DEV_USERS do not cover. */
export function customToken(
  claims: { sub: string; name: string; role: SyncRole | string; patients: string[] },
  expiresAt: number,
  secret = signingSecret({ dev: true }),
): Promise<string> {
  return new SignJWT({ name: claims.name, role: claims.role, patients: claims.patients })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.sub)
    .setAudience('emr-kit-sync')
    .setExpirationTime(Math.floor(expiresAt / 1000))
    .sign(secret);
}

/** Opens a raw WebSocket and resolves with how the server closed it. */
export function closeOf(url: string): Promise<{ code: number; reason: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
    ws.on('error', reject);
  });
}

export async function getJson(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url, { headers });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

export function httpUrl(server: SyncServer, pathAndQuery: string): string {
  return `${server.url.replace(/^ws/, 'http')}${pathAndQuery}`;
}
