import { parseArgs } from 'node:util';
import { exportCommand } from './export.js';
import { EXIT, UsageError, type Io } from './io.js';
import { installAdvice, missingOptionalPackage } from './optional-packages.js';
import { validateCommand } from './validate.js';

const USAGE = `Usage: emr-kit <command> [options]

Commands:
  validate FILE...   Check FHIR R4 bundles: counts by resource type, the types
                     the kit skips, and every error with its entry and field.
                     Exits 1 when any file has an error.
    --json           Print one JSON document instead.
  export FILE        Print the bundle as the kit stores and re-exports it
                     (references between entries resolved to Type/id).
    --type T         collection (default) or transaction (PUT each resource).
    --base URL       Give each entry an absolute fullUrl on this server base.
  pull               Fetch a patient's chart from a FHIR R4 server as the kit
                     would, check it, and print it as a Bundle (stdout);
                     counts and errors on stderr. Exits 1 on an error.
    --fhir URL       The FHIR base, e.g. https://ehr.example.org/fhir/r4.
    --patient ID     The patient.
    --token T        A bearer token (or set EMR_FHIR_TOKEN, which others' ps cannot read).
    --page-size N    _count of each search page (default 500).
  serve              Run the sync server (y-websocket protocol) until SIGTERM/SIGINT.
    --port N         Port (default 1234; 0 picks a free one).
    --host H         Interface (default 127.0.0.1).
    --data DIR       Where documents and the audit log are kept (default ./emr-sync-data).
    --dev            Verify tokens with the DEVELOPMENT key. Otherwise set
                     EMR_SYNC_SECRET (HS256) or EMR_SYNC_PUBLIC_KEY (ES256/EdDSA PEM).
    --no-sync-writes Acknowledge an update once the operating system has it, not
                     the disk: faster, but a power cut can lose acknowledged updates.
    --postgres URL   Keep documents and the audit log in PostgreSQL instead
                     (postgres://user:password@host:5432/db), shared by several
                     processes; its tables come from \`emr-kit migrate\`.
    --postgres-schema NAME  The schema of those tables (default: the user's).
    --migrate        Bring the tables up to date before serving.
    --redis URL      Hear and tell the other processes on the same PostgreSQL
                     through Redis pub/sub (redis://host:6379): run as many as
                     you like behind a load balancer.
  migrate            Create or bring up to date the sync server's PostgreSQL tables.
    --postgres URL   The database.
    --postgres-schema NAME  The schema to keep them in (default: the user's).
  token              Print a sync-server token.
    --user ID        The user (token subject).
    --name TEXT      Display name (default: the user id).
    --role R         clinician (reads and writes), viewer or auditor (read only).
    --patients IDS   Comma-separated patient ids the token may open.
    --lifetime T     How long it is valid: 30m, 8h, 7d (default 8h).
    --dev            Sign with the DEVELOPMENT key (else EMR_SYNC_SECRET).
  audit              Print a patient's audit log from a stopped server's data.
    --data DIR       The server's data directory.
    --postgres URL   Or its PostgreSQL database (a running server's too),
    --postgres-schema NAME  and schema.
    --patient ID     The patient.
    --json           Print one JSON document instead.
  help               Show this text.
`;

/** Runs one command line; returns the exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'validate': {
        const { values, positionals } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: { json: { type: 'boolean', default: false } },
        });
        if (positionals.length === 0) throw new UsageError('validate needs at least one FILE');
        return await validateCommand(positionals, { json: values.json }, io);
      }
      case 'export': {
        const { values, positionals } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: { type: { type: 'string', default: 'collection' }, base: { type: 'string' } },
        });
        if (positionals.length !== 1) throw new UsageError('export needs exactly one FILE');
        return await exportCommand(positionals[0]!, { type: values.type, base: values.base }, io);
      }
      case 'pull': {
        const { values } = parseArgs({
          args: rest,
          options: {
            fhir: { type: 'string' },
            patient: { type: 'string' },
            token: { type: 'string' },
            'page-size': { type: 'string' },
          },
        });
        const { pullCommand } = await import('./pull.js');
        return await pullCommand(values, io);
      }
      case 'serve': {
        const { values } = parseArgs({
          args: rest,
          options: {
            port: { type: 'string', default: '1234' },
            host: { type: 'string', default: '127.0.0.1' },
            data: { type: 'string', default: 'emr-sync-data' },
            dev: { type: 'boolean', default: false },
            'no-sync-writes': { type: 'boolean', default: false },
            postgres: { type: 'string' },
            'postgres-schema': { type: 'string' },
            migrate: { type: 'boolean', default: false },
            redis: { type: 'string' },
          },
        });
        // Loaded on demand: the sync server's native store is no concern of `validate`.
        const { serveCommand } = await import('./serve.js');
        return await serveCommand(values, io);
      }
      case 'token': {
        const { values } = parseArgs({
          args: rest,
          options: {
            user: { type: 'string' },
            name: { type: 'string' },
            role: { type: 'string' },
            patients: { type: 'string' },
            lifetime: { type: 'string', default: '8h' },
            dev: { type: 'boolean', default: false },
          },
        });
        const { tokenCommand } = await import('./token.js');
        return await tokenCommand(values, io);
      }
      case 'audit': {
        const { values } = parseArgs({
          args: rest,
          options: {
            data: { type: 'string' },
            postgres: { type: 'string' },
            'postgres-schema': { type: 'string' },
            patient: { type: 'string' },
            json: { type: 'boolean', default: false },
          },
        });
        if (!(values.data || values.postgres) || !values.patient)
          throw new UsageError('audit needs --data DIR (or --postgres URL) and --patient ID');
        const { auditCommand } = await import('./audit.js');
        return await auditCommand({ ...values, patient: values.patient }, io);
      }
      case 'migrate': {
        const { values } = parseArgs({
          args: rest,
          options: { postgres: { type: 'string' }, 'postgres-schema': { type: 'string' } },
        });
        if (!values.postgres) throw new UsageError('migrate needs --postgres URL');
        const { migrateCommand } = await import('./migrate.js');
        return await migrateCommand(
          { postgres: values.postgres, schema: values['postgres-schema'] },
          io,
        );
      }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out.write(USAGE);
        return command === undefined ? EXIT.usage : EXIT.ok;
      default:
        throw new UsageError(`unknown command: ${command}`);
    }
  } catch (error) {
    if (
      error instanceof UsageError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      io.err.write(`emr-kit: ${(error as Error).message}\n\n${USAGE}`);
      return EXIT.usage;
    }
    const missing = missingOptionalPackage(error);
    if (missing) {
      io.err.write(installAdvice(command ?? '', missing));
      return EXIT.notInstalled;
    }
    throw error;
  }
}
