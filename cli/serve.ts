import { KeyConfigError, startSyncServer } from '../sync/server/index.js';
import { EXIT, UsageError, type Io } from './io.js';

export interface ServeOptions {
  host: string;
  port: string;
  data: string;
  dev: boolean;
  'no-sync-writes': boolean;
  postgres?: string;
  'postgres-schema'?: string;
  migrate: boolean;
  redis?: string;
}

/** Runs the sync server until SIGTERM or SIGINT, then shuts it down gracefully. */
export async function serveCommand(options: ServeOptions, io: Io): Promise<number> {
  const port = Number(options.port);
  if (!/^\d+$/.test(options.port) || port > 65535)
    throw new UsageError(`--port must be a port number (0-65535), not ${options.port}`);
  let server;
  try {
    server = await startSyncServer({
      host: options.host,
      port,
      dataDir: options.data,
      postgres: options.postgres
        ? { url: options.postgres, schema: options['postgres-schema'], migrate: options.migrate }
        : undefined,
      redis: options.redis,
      dev: options.dev,
      syncWrites: !options['no-sync-writes'],
      log: (entry) => io.out.write(`${JSON.stringify(entry)}\n`),
    });
  } catch (error) {
    if (error instanceof KeyConfigError) throw new UsageError(error.message);
    io.err.write(`emr-kit serve: ${(error as Error).message}\n`);
    return EXIT.dataErrors;
  }
  if (options.dev)
    io.err.write(
      'emr-kit serve: using the DEVELOPMENT key; any token minted with `emr-kit token --dev` is accepted. Never in production.\n',
    );
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      resolve();
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
  await server.close();
  return EXIT.ok;
}
