import {
  canonicalJson,
  patientOf,
  resourceKey,
  type FhirResource,
  type ImportProgress,
  type ImportSummary,
  type Revision,
} from '../model/index.js';
import { readBundle, type BundleReadResult } from '../model/bundle-reader.js';
import { compiledSchemaOf } from '../model/bundle/compiled-schemas.js';
import { markRow, type ImportMark } from './import-marks.js';
import { importedBases } from './imported-bases.js';
import { importedRevision } from './imported-revision.js';
import { underKitIds } from './kit-ids.js';
import { documentOf } from './new-revision.js';
import { refusedBundle } from './refused-bundle.js';
import { assertRevisionRuleKept } from './revision-guard.js';
import type { StoreInternals } from './store-internals.js';

// The work of importBundle() (import-bundle.ts), loaded with the bulk
// reader on the first import.

/** Reads the bundle whole, then writes what it brings in one transaction. */
export function importInto(
  internals: StoreInternals,
  input: unknown,
  onProgress: (progress: ImportProgress) => void,
  marks: readonly ImportMark[] = [],
): Promise<ImportSummary> {
  return importRead(internals, readBundle(input, { compiledSchemaOf }), onProgress, marks);
}

/** Writes what a bundle read by readBundle brings, in one transaction; refuses one with errors. */
export async function importRead(
  internals: StoreInternals,
  result: BundleReadResult,
  onProgress: (progress: ImportProgress) => void,
  marks: readonly ImportMark[] = [],
): Promise<ImportSummary> {
  if (!result.ok) throw refusedBundle(result);
  const { resources } = result;
  const patients = [
    ...new Set(resources.map(patientOf).filter((id): id is string => id !== undefined)),
  ];
  // Until it is saved, the charts it brings read as "importing", not as empty.
  const end = internals.beginImport(patients);
  try {
    const unchanged = await writeRevisions(
      internals,
      resources,
      patients,
      (total) => onProgress({ phase: 'writing', done: 0, total }),
      marks,
    );
    end(true);
    const total = resources.length - unchanged;
    onProgress({ phase: 'done', done: total, total });
    return { patientIds: patients, counts: result.counts, skipped: result.skipped, unchanged };
  } catch (error) {
    end(false);
    throw error;
  }
}

/** Appends a revision for each resource that brings something new, in one transaction; returns how many did not. */
async function writeRevisions(
  { db, documents, user }: StoreInternals,
  received: readonly FhirResource[],
  patients: readonly string[],
  writing: (total: number) => void,
  marks: readonly ImportMark[],
): Promise<number> {
  const resources = await underKitIds(db, received);
  // A patient new to this device has nothing to compare with: skip reading
  // every key. (Were a key there after all, under another patient, the
  // projection's own read would show both versions as a conflict.)
  const onDevice =
    patients.length > 0 &&
    (await db.documents
      .where('patientId')
      .anyOf([...patients])
      .count()) > 0;
  const existing = onDevice ? await db.records.bulkGet(resources.map(resourceKey)) : [];
  const contents = resources.map(canonicalJson);
  // A record whose heads hold this content already is left alone; for the
  // others, the imported version(s) that this one replaces.
  const sameAsHead = existing.map(
    (row, i) =>
      row !== undefined && row.heads.some((head) => canonicalJson(head.resource) === contents[i]),
  );
  const toWalk = existing.flatMap((row, i) => (row && !sameAsHead[i] ? [i] : []));
  const walked = await importedBases(
    db,
    toWalk.map((i) => existing[i]!),
  );
  const bases = new Map(toWalk.map((i, n) => [i, walked[n]!]));
  const made = resources.map((resource, i) => {
    const row = existing[i];
    const found = bases.get(i) ?? [];
    const replaced = found.map((base) => base.revision);
    const version = (resource as { meta?: { versionId?: string } }).meta?.versionId;
    // The same content again, the version imported before a change made here, or the
    // version a change sent from here became in the EHR: nothing new.
    if (
      sameAsHead[i] ||
      found.some(
        (base) =>
          canonicalJson(base.revision.resource) === contents[i] ||
          (base.delivered !== undefined && base.delivered === version),
      )
    )
      return undefined;
    // Beside a change made here since the last import (a conflict), never over it. A record
    // never imported before (made on a device) is replaced, as any revision replaces the
    // heads it names: a second root of it would be refused by the revision rule.
    const doc = row ? row.doc : documentOf(resource); // refuses a resource that names no patient
    const parents =
      row && replaced.length === 0
        ? row.heads.map((head) => head.revisionId)
        : replaced.map((base) => base.revisionId);
    const revision = importedRevision(resource, parents, user, contents[i]);
    // The revision rule, against every current head and the versions it replaces: a signed note is never re-imported over.
    if (row) assertRevisionRuleKept(revision, row.heads, ': nothing was imported', replaced);
    return { doc, revision };
  });
  const batch = new Map<string, Revision[]>();
  let unchanged = 0;
  for (const entry of made) {
    if (!entry) {
      unchanged++;
      continue;
    }
    const list = batch.get(entry.doc) ?? [];
    list.push(entry.revision);
    batch.set(entry.doc, list);
  }
  writing(resources.length - unchanged);
  // One transaction: progress can only say it began and ended. The same
  // revisions may be there already (another import, another device's).
  await documents.append(batch, { fresh: false, meta: marks.map(markRow) });
  return unchanged;
}
