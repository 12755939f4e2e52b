import { readBundle } from '../model/bundle-reader.js';
import { compiledSchemaOf } from '../model/bundle/compiled-schemas.js';
import { describeIssue, writeBundle } from '../model/index.js';
import { bearerToken, EhrError, fetchChart } from '../ehr/index.js';
import { EXIT, UsageError, type Io } from './io.js';

export interface PullCommandOptions {
  fhir?: string;
  patient?: string;
  token?: string;
  'page-size'?: string;
}

/**
 * Fetches a patient's chart from a FHIR server as the kit would, checks it as
 * the kit would read it, and prints it as a collection Bundle (which
 * `emr-kit validate` accepts); on stderr, what came and what was wrong.
 */
export async function pullCommand(
  options: PullCommandOptions,
  io: Io,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  if (!options.fhir) throw new UsageError('pull needs --fhir URL (the FHIR base)');
  if (!options.patient) throw new UsageError('pull needs --patient ID');
  let base: URL;
  try {
    base = new URL(options.fhir);
  } catch {
    throw new UsageError(`--fhir ${options.fhir} is not a URL`);
  }
  const pageSize = options['page-size'] === undefined ? undefined : Number(options['page-size']);
  if (pageSize !== undefined && !(Number.isInteger(pageSize) && pageSize > 0))
    throw new UsageError(`--page-size must be a whole number above 0, not ${options['page-size']}`);
  // From the environment rather than the command line, where other users' `ps` can read it.
  const token = options.token ?? env.EMR_FHIR_TOKEN;
  const counts = new Map<string, number>();
  try {
    const { bundle, notOffered } = await fetchChart({
      fhirBaseUrl: base.href,
      patientId: options.patient,
      pageSize,
      ...(token && { auth: bearerToken(token) }),
      onPage: (type, count) => counts.set(type, (counts.get(type) ?? 0) + count),
    });
    const result = readBundle(bundle, { compiledSchemaOf });
    if (!result.ok) {
      io.err.write(
        `${base.href} Patient/${options.patient}: ${result.errorCount} error${result.errorCount === 1 ? '' : 's'}; the kit would import none of it\n`,
      );
      for (const error of result.errors) io.err.write(`  ${describeIssue(error)}\n`);
      return EXIT.dataErrors;
    }
    io.err.write(
      `${base.href} Patient/${options.patient}: ${result.resources.length} resources (${[...counts].map(([type, n]) => `${type} ${n}`).join(', ') || 'the Patient only'})\n`,
    );
    if (notOffered.length > 0)
      io.err.write(`  not searchable on this server: ${notOffered.join(', ')}\n`);
    io.out.write(
      `${JSON.stringify(writeBundle(result.resources, { type: 'collection' }), null, 2)}\n`,
    );
    return EXIT.ok;
  } catch (error) {
    if (!(error instanceof EhrError)) throw error;
    io.err.write(`${error.message}\n`);
    return EXIT.dataErrors;
  }
}
