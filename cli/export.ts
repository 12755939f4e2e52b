import { describeIssue, writeBundle, type WritableBundleType } from '../model/index.js';
import { EXIT, UsageError, type Io } from './io.js';
import { validateFile } from './validate.js';

export interface ExportOptions {
  type: string;
  base?: string;
}

/** Prints the bundle as the kit would store it and write it back out; nothing at all when it has errors. */
export async function exportCommand(file: string, options: ExportOptions, io: Io): Promise<number> {
  if (options.type !== 'collection' && options.type !== 'transaction') {
    throw new UsageError(`--type must be collection or transaction, not ${options.type}`);
  }
  const { result, errors, errorCount } = await validateFile(file);
  if (!result?.ok) {
    io.err.write(`${file}: ${errorCount} error${errorCount === 1 ? '' : 's'}, nothing exported\n`);
    for (const error of errors) io.err.write(`  ${describeIssue(error)}\n`);
    return EXIT.dataErrors;
  }
  const bundle = writeBundle(result.resources, {
    type: options.type as WritableBundleType,
    baseUrl: options.base,
  });
  io.out.write(`${JSON.stringify(bundle, null, 2)}\n`);
  return EXIT.ok;
}
