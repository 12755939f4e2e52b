import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The Synthea bundles live beside the repository (../shared/fixtures), or
// wherever EMR_FIXTURES_DIR points.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const fixturesDir =
  process.env.EMR_FIXTURES_DIR ?? path.resolve(repoRoot, '../shared/fixtures');
export const syntheaDir = path.join(fixturesDir, 'synthea');

export interface Fixture {
  name: string;
  file: string;
  text: string;
}

export function syntheaFixtures(): Fixture[] {
  return readdirSync(syntheaDir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({
      name: name.split('_').slice(0, 2).join(' '),
      file: path.join(syntheaDir, name),
      text: readFileSync(path.join(syntheaDir, name), 'utf8'),
    }));
}

export function syntheaFixture(prefix: string): Fixture {
  const found = syntheaFixtures().find((f) => path.basename(f.file).startsWith(prefix));
  if (!found) throw new Error(`no Synthea fixture starting with ${prefix} in ${syntheaDir}`);
  return found;
}
