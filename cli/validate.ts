import { readFile } from 'node:fs/promises';
import { describeIssue, type BundleIssue } from '../model/index.js';
import { readBundle, type BundleReadResult } from '../model/bundle-reader.js';
import { compiledSchemaOf } from '../model/bundle/compiled-schemas.js';
import { EXIT, type Io } from './io.js';

export interface FileReport {
  file: string;
  ok: boolean;
  bundleType?: string;
  counts: BundleReadResult['counts'];
  skipped: BundleReadResult['skipped'];
  errors: BundleIssue[];
  errorCount: number;
}

/** Reads and validates one file; a file that cannot be read is an error of its own. */
export async function validateFile(
  file: string,
): Promise<FileReport & { result?: BundleReadResult }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const message = `cannot read the file: ${(error as NodeJS.ErrnoException).code ?? String(error)}`;
    return {
      file,
      ok: false,
      counts: {},
      skipped: {},
      errors: [{ code: 'not-json', path: '(file)', message }],
      errorCount: 1,
    };
  }
  const result = readBundle(text, { compiledSchemaOf });
  const { ok, bundleType, counts, skipped, errors, errorCount } = result;
  return { file, ok, bundleType, counts, skipped, errors, errorCount, result };
}

export async function validateCommand(
  files: string[],
  options: { json: boolean },
  io: Io,
): Promise<number> {
  const reports: FileReport[] = [];
  for (const file of files) {
    const { result: _result, ...report } = await validateFile(file);
    reports.push(report);
    if (!options.json) io.out.write(formatReport(report));
  }
  const ok = reports.every((r) => r.ok);
  if (options.json) io.out.write(`${JSON.stringify({ ok, files: reports }, null, 2)}\n`);
  else if (files.length > 1)
    io.out.write(`${reports.filter((r) => r.ok).length} of ${files.length} files valid\n`);
  return ok ? EXIT.ok : EXIT.dataErrors;
}

function formatCounts(counts: Record<string, number | undefined>): string {
  return Object.entries(counts)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([type, n]) => `${type} ${n!.toLocaleString('en')}`)
    .join(', ');
}

function formatReport(report: FileReport): string {
  const lines: string[] = [];
  if (report.ok) {
    const total = Object.values(report.counts).reduce((a, b) => a + (b ?? 0), 0);
    lines.push(
      `${report.file}: valid ${report.bundleType} bundle, ${total.toLocaleString('en')} resources`,
    );
    lines.push(`  read: ${formatCounts(report.counts) || 'none'}`);
  } else {
    lines.push(
      `${report.file}: ${report.errorCount.toLocaleString('en')} error${report.errorCount === 1 ? '' : 's'}, nothing read`,
    );
    for (const error of report.errors) lines.push(`  ${describeIssue(error)}`);
    if (report.errorCount > report.errors.length)
      lines.push(`  … and ${report.errorCount - report.errors.length} more`);
  }
  if (Object.keys(report.skipped).length > 0)
    lines.push(`  skipped (types the kit does not model): ${formatCounts(report.skipped)}`);
  return `${lines.join('\n')}\n`;
}
