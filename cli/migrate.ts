import pg from 'pg';
import { migrate, MIGRATIONS, quoteIdentifier } from '../sync/server/index.js';
import { EXIT, type Io } from './io.js';

/** Creates the sync server's tables in PostgreSQL, or brings them up to date; safe to run again, and from several hosts at once. */
export async function migrateCommand(
  options: { postgres: string; schema?: string },
  io: Io,
): Promise<number> {
  const client = new pg.Client({
    connectionString: options.postgres,
    ...(options.schema ? { options: `-c search_path=${quoteIdentifier(options.schema)}` } : {}),
  });
  try {
    await client.connect();
    const applied = await migrate(client, options.schema);
    io.out.write(
      applied === 0
        ? `the sync tables are up to date (version ${MIGRATIONS.length})\n`
        : `applied ${applied} step${applied === 1 ? '' : 's'}; the sync tables are at version ${MIGRATIONS.length}\n`,
    );
    return EXIT.ok;
  } catch (error) {
    io.err.write(`emr-kit migrate: ${(error as Error).message}\n`);
    return EXIT.dataErrors;
  } finally {
    await client.end().catch(() => undefined);
  }
}
