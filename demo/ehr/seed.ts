import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { syntheaDir } from '../server/patient-catalog.js';
import type { EhrRepository } from './ehr-repository.js';

// Loading FHIR bundles into the demo EHR, the way a hospital's data would
// already be there: straight into the repository (in seeding mode: no
// validation), keeping every resource's id, with references to other entries
// (`urn:uuid:...` full URLs) rewritten to `Type/id`, as the kit's own bundle
// import does, so a chart pulled from the server and the same bundle imported
// directly hold the same resources. The server adds `meta.versionId` and
// `meta.lastUpdated` and nothing else. A resource already there (the same
// practitioner in two patients' bundles) is kept as first loaded.
//
// Posting the same bundle as a transaction works too, but the engine then
// gives every created resource a new id.

export interface SeedResult {
  /** Resources created, by type. */
  created: Record<string, number>;
  /** Entries skipped because a resource with that type and id was already there. */
  existing: number;
}

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export async function seedBundle(repository: EhrRepository, bundle: Bundle): Promise<SeedResult> {
  const result: SeedResult = { created: {}, existing: 0 };
  const entries = (bundle.entry ?? []).filter(
    (e): e is typeof e & { resource: Resource } => !!e.resource,
  );
  const targets = new Map<string, string>();
  for (const entry of entries) {
    entry.resource.id ??= repository.generateId();
    if (entry.fullUrl)
      targets.set(entry.fullUrl, `${entry.resource.resourceType}/${entry.resource.id}`);
  }
  await repository.withSeeding(async () => {
    for (const entry of entries) {
      const resource = rewriteReferences(entry.resource, targets);
      if (repository.peek(resource.resourceType, resource.id ?? '')) {
        result.existing++;
        continue;
      }
      await repository.createResource(resource);
      result.created[resource.resourceType] = (result.created[resource.resourceType] ?? 0) + 1;
    }
  });
  return result;
}

/** The folder of the Synthea patient bundles: `$EMR_FIXTURES_DIR/synthea`, else the shared fixtures beside the repository. */
export function syntheaFixturesDir(): string {
  return syntheaDir(REPO_ROOT);
}

/** Loads every bundle of the Synthea folder; returns what each file added, by file name. */
export async function seedSynthea(
  repository: EhrRepository,
  dir = syntheaFixturesDir(),
): Promise<Map<string, SeedResult>> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  const out = new Map<string, SeedResult>();
  for (const file of files) {
    const bundle = JSON.parse(await readFile(path.join(dir, file), 'utf8')) as Bundle;
    out.set(file, await seedBundle(repository, bundle));
  }
  return out;
}

function rewriteReferences<T extends Resource>(
  resource: T,
  targets: ReadonlyMap<string, string>,
): T {
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (!value || typeof value !== 'object') return value;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value))
      out[k] = k === 'reference' && typeof v === 'string' ? (targets.get(v) ?? v) : walk(v);
    return out;
  };
  return walk(resource) as T;
}
