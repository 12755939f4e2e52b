import { readFileSync } from 'node:fs';

// The command and the sync server need packages a host that only embeds the
// elements does without: they are optional peer dependencies of the kit
// (package.json), so installing the kit does not install them. A command
// that finds one missing says what to install instead of failing on an
// import.

/** What the sync server and its commands (serve, token, audit, migrate) import. */
const SERVER_PACKAGES = ['classic-level', 'ws', 'jose', 'pg', 'ioredis'];

/** The kit's optional peer dependencies, by name, with their version ranges. */
function optionalPackages(): Record<string, string> {
  const manifest = JSON.parse(
    readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
  ) as { peerDependencies?: Record<string, string> };
  return manifest.peerDependencies ?? {};
}

/** The optional package whose absence made an import fail, if that is why it failed. */
export function missingOptionalPackage(error: unknown): string | undefined {
  if ((error as { code?: string }).code !== 'ERR_MODULE_NOT_FOUND') return undefined;
  const name = /Cannot find (?:package|module) '([^']+)'/.exec(
    String((error as Error).message),
  )?.[1];
  return name !== undefined && name in optionalPackages() ? name : undefined;
}

/** What to tell someone who ran `emr-kit <command>` without `missing` installed. */
export function installAdvice(command: string, missing: string): string {
  const ranges = optionalPackages();
  const packages = SERVER_PACKAGES.includes(missing) ? SERVER_PACKAGES : [missing];
  const install = packages.map((name) => `${name}@${ranges[name] ?? 'latest'}`).join(' ');
  return (
    `emr-kit ${command}: the package "${missing}" is not installed.\n` +
    `The sync server's packages are optional: a host that only embeds the elements does not need them.\n` +
    `To run \`emr-kit ${command}\`, install them beside the kit:\n\n  npm install ${install}\n`
  );
}
