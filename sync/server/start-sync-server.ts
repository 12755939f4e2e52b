import { createServer, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { admit } from './authorize.js';
import { ChangeNotices } from './change-notices.js';
import { CLOSE } from './close-codes.js';
import { SocketConnection } from './socket-connection.js';
import { handleHttp } from './http-routes.js';
import { verificationKey, type KeyOptions } from './keys.js';
import { openStores } from './open-stores.js';
import { RefusalLimit, type RefusalLimitOptions } from './refusal-limit.js';
import { jsonLines, withTime, type Logger } from './log.js';
import { checkChartRevisions } from './revision-check.js';
import { Rooms } from './rooms.js';
import type { SyncStore } from './sync-store.js';
import type { PostgresStoreOptions } from './postgres-store.js';

export interface SyncServerOptions extends KeyOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: any free port (see `port` on the result). */
  port?: number;
  /** Where the embedded store lives. Give this or `store`. */
  dataDir?: string;
  /** Another store (a database server, say). The server does not close a store it was given. */
  store?: SyncStore;
  /** Keep documents and the audit log in PostgreSQL (a URL, or options), shared by several sync processes. */
  postgres?: string | PostgresStoreOptions;
  /** Tell the other sync processes sharing the store what this one stores, through Redis (a URL). Needs `postgres` or a shared `store`. */
  redis?: string;
  /** fsync every write of the embedded store, so that acknowledged means on disk (power loss, not only a killed process). Default true. */
  syncWrites?: boolean;
  /** The audience tokens must name. Default "emr-kit-sync". */
  audience?: string;
  /** Receives one object per event. Default: JSON lines on stdout. */
  log?: Logger;
  /** Largest message a client may send, bytes. Default 32 MiB (a full day segment of minute vitals is ~8 MB). */
  maxMessageBytes?: number;
  /** Connections beyond this are closed with 1013 (try again later). Default 10,000. */
  maxConnections?: number;
  /** A client that leaves more than this unread is dropped, and catches up when it reconnects. Default 64 MiB. */
  maxBufferedBytes?: number;
  /** Bytes a connection may have waiting (for its document to load, or to be stored); beyond, it is closed with 1013. Default twice maxMessageBytes. */
  maxQueuedBytes?: number;
  /** Largest HTTP request head, bytes: a token up to this size is read and refused with a close code (4401) that clients do not retry. Default 256 KiB. */
  maxHeaderBytes?: number;
  /** Refused upgrades per remote address before it is answered 429 for the rest of the window. */
  refusalLimit?: RefusalLimitOptions;
  /** Stored updates of a document merged into one beyond this count. Default 200. */
  compactAfter?: number;
  /** Check every revision a client adds to a chart document (core, observations). Default true. */
  checkRevisions?: boolean;
  /** Milliseconds between pings; a client that misses one is dropped. Default 30 s. */
  pingInterval?: number;
  /** The shortest time between two notices that one document changed (sync/change-notice.ts). Default 1 s. */
  changeNoticeIntervalMs?: number;
  /** With a broker: how often open documents are checked against the store for updates no message told of. Default 5 s. */
  catchUpIntervalMs?: number;
}

export interface SyncServer {
  /** ws://host:port — give it to a WebsocketProvider as the server URL. */
  url: string;
  port: number;
  /** Stops accepting, closes every connection (1001), stores what is pending and closes the store. */
  close(): Promise<void>;
}

export async function startSyncServer(options: SyncServerOptions): Promise<SyncServer> {
  const key = await verificationKey(options);
  const log = withTime(options.log ?? jsonLines);
  const { store, broker, ownStore } = await openStores(options, log);
  const { audience } = options;
  const maxConnections = options.maxConnections ?? 10_000;
  const maxBufferedBytes = options.maxBufferedBytes ?? 64 * 1024 * 1024;
  const maxMessageBytes = options.maxMessageBytes ?? 32 * 1024 * 1024;
  const maxQueuedBytes = options.maxQueuedBytes ?? 2 * maxMessageBytes;
  const refusals = new RefusalLimit(options.refusalLimit);
  const started = Date.now();
  let closing: Promise<void> | undefined;

  const notices = new ChangeNotices({
    intervalMs: options.changeNoticeIntervalMs ?? 1000,
    relay: broker,
  });
  const rooms = new Rooms({
    store,
    log,
    compactAfter: options.compactAfter ?? 200,
    maxQueuedBytes,
    checkWrite: options.checkRevisions === false ? undefined : checkChartRevisions,
    notices,
    fanOut: broker,
  });
  const connections = new Set<SocketConnection>();
  const health = async () => {
    // The store and the broker answer or not; with either out, writes wait (store) or reach only this process's clients (broker).
    const storeUp = await Promise.race([
      store.check(),
      new Promise<boolean>((resolve) => setTimeout(resolve, 2000, false).unref()),
    ]);
    const brokerUp = broker?.reachable;
    return {
      status: closing ? 'shutting-down' : storeUp && brokerUp !== false ? 'ok' : 'degraded',
      store: storeUp ? 'ok' : 'unreachable',
      ...(broker ? { broker: brokerUp ? 'ok' : 'unreachable' } : {}),
      documents: rooms.size,
      connections: connections.size,
      uptimeSeconds: Math.round((Date.now() - started) / 1000),
      refusedUpgrades: refusals.refused,
      throttledUpgrades: refusals.throttled,
    };
  };

  const http = createServer(
    { maxHeaderSize: options.maxHeaderBytes ?? 256 * 1024 },
    (request, response) => {
      handleHttp(request, response, { key, audience, store, log, health, refusals }).catch(
        (error: unknown) => {
          log({
            event: 'http-error',
            path: new URL(request.url ?? '/', 'http://server').pathname,
            error: String(error),
          });
          if (!response.headersSent)
            response.writeHead(500, { 'content-type': 'application/json' });
          response.end(JSON.stringify({ error: 'internal error' }));
        },
      );
    },
  );
  // A request head larger than maxHeaderBytes never reaches the upgrade: Node answers it (431). Logged and counted like a refusal.
  http.on('clientError', (error: Error & { code?: string }, socket: Duplex) => {
    const remote = (socket as Duplex & { remoteAddress?: string }).remoteAddress ?? 'unknown';
    if (error.code === 'HPE_HEADER_OVERFLOW') {
      refusals.record(remote);
      log({ event: 'connection-refused', reason: 'request head too large', code: 431, remote });
      // end(), not destroy(): the answer is written before the socket closes.
      if (socket.writable)
        return void socket.end(
          'HTTP/1.1 431 Request Header Fields Too Large\r\nConnection: close\r\n\r\n',
        );
    }
    socket.destroy();
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes });

  const onUpgrade = async (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const remote = request.socket.remoteAddress ?? 'unknown';
    const retryAfter = refusals.retryAfter(remote);
    if (retryAfter > 0) {
      socket.end(
        `HTTP/1.1 429 Too Many Requests\r\nRetry-After: ${retryAfter}\r\nConnection: close\r\n\r\n`,
      );
      return;
    }
    const admission = await admit(request.url ?? '/', key, audience);
    if (closing) return socket.destroy();
    if (!admission.ok) refusals.record(remote);
    wss.handleUpgrade(request, socket, head, (ws) => {
      // Refusals complete the upgrade, so the client sees a close code (4xxx: do not retry) rather than a failed handshake it would retry.
      if (!admission.ok) {
        log({
          event: 'connection-refused',
          reason: admission.reason,
          code: admission.code,
          remote,
          user: admission.userId,
          document: admission.document,
        });
        ws.close(admission.code, admission.reason);
        return;
      }
      const { principal, document } = admission;
      if (connections.size >= maxConnections) {
        log({
          event: 'connection-refused',
          reason: 'too many connections',
          code: CLOSE.tryAgainLater,
          remote,
          user: principal.userId,
          document,
        });
        ws.close(CLOSE.tryAgainLater, 'too many connections');
        return;
      }
      const connection = new SocketConnection(
        ws,
        { ...admission, remote },
        {
          rooms,
          log,
          maxBufferedBytes,
          maxQueuedBytes,
          onGone: (gone) => connections.delete(gone),
        },
      );
      connections.add(connection);
    });
  };
  http.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    onUpgrade(request, socket, head).catch((error: unknown) => {
      log({ event: 'upgrade-error', error: String(error) });
      socket.destroy();
    });
  });

  // With other processes: a message lost (or never sent by a process that died) is read from the store.
  const catchUps =
    broker &&
    setInterval(() => {
      rooms
        .catchUp()
        .catch((error: unknown) =>
          log({ event: 'catch-up-failed', error: String(error).slice(0, 500) }),
        );
    }, options.catchUpIntervalMs ?? 5000);
  catchUps?.unref();

  // A client that vanished without closing (a laptop lid, a dropped network) is found by the next ping.
  const pings = setInterval(() => {
    for (const connection of connections) {
      if (!connection.alive) connection.terminate();
      else connection.ping();
    }
  }, options.pingInterval ?? 30_000);
  pings.unref();

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 0, host, () => {
      http.off('error', reject);
      resolve();
    });
  });
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const url = `ws://${host.includes(':') ? `[${host}]` : host}:${port}`;
  log({
    event: 'listening',
    url,
    key: key.description,
    dataDir: options.postgres ? undefined : options.dataDir,
    store: options.postgres ? 'postgres' : options.store ? 'given' : 'level',
    broker: broker ? 'redis' : undefined,
    node: broker?.node,
  });

  const shutdown = async () => {
    clearInterval(pings);
    clearInterval(catchUps);
    notices.stop();
    const stopped = new Promise<void>((resolve) => http.close(() => resolve()));
    http.closeIdleConnections();
    const open = [...connections];
    for (const connection of open) connection.close(CLOSE.goingAway, 'server shutting down');
    // Documents are stored and freed as their last connection leaves, which close() did at once.
    await rooms.settled();
    await Promise.race([
      Promise.all(open.map((connection) => connection.whenClosed())),
      new Promise((resolve) => setTimeout(resolve, 1000).unref()),
    ]);
    for (const connection of open) connection.terminate();
    http.closeAllConnections();
    await stopped;
    await broker?.disconnect();
    if (ownStore) await store.close();
    log({ event: 'stopped' });
  };

  return {
    url,
    port,
    close: () => (closing ??= shutdown()),
  };
}
