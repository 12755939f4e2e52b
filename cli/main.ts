import { parseArgs } from 'node:util';
import { exportCommand } from './export.js';
import { EXIT, UsageError, type Io } from './io.js';
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
  help               Show this text.
`;

/** Runs one command line; returns the exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'validate': {
        const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { json: { type: 'boolean', default: false } } });
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
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err.write(`emr-kit: ${(error as Error).message}\n\n${USAGE}`);
      return EXIT.usage;
    }
    throw error;
  }
}
