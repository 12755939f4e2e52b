import {
  ChartStoreError, describeIssue, patientOf, resourceKey,
  type ImportProgress, type ImportSummary, type Revision,
} from '../model/index.js';
import type { DexieChartStore } from './dexie-chart-store.js';
import { documentOf, newRevision } from './new-revision.js';
import { assertRevisionRuleKept } from './revision-guard.js';
import { storeInternals, type StoreInternals } from './store-internals.js';

export interface ImportOptions {
  onProgress?: (progress: ImportProgress) => void;
}

/**
 * Imports a FHIR Bundle (JSON text or a parsed object) into the store:
 * validated whole first, then written in one transaction, so that a bundle
 * with one bad entry leaves nothing behind. A resource already in the chart
 * with the same content is left alone; with other content it gets a new
 * revision (a conflict stays a conflict). Rejects with a ChartStoreError:
 * 'invalid' (naming the first error of the bundle), 'read-only', or what
 * the database reports.
 *
 * A function, not a store method: a page that never imports does not ship
 * the bulk reader (zod's compiled schemas), and one that does loads it on
 * the first import.
 */
export async function importBundle(store: DexieChartStore, bundle: unknown, options: ImportOptions = {}): Promise<ImportSummary> {
  const internals = store[storeInternals]();
  return internals.run(async () => {
    internals.assertWriter();
    return importInto(internals, bundle, options.onProgress ?? (() => {}));
  });
}

async function importInto({ db, documents, user }: StoreInternals, input: unknown, onProgress: (progress: ImportProgress) => void): Promise<ImportSummary> {
  onProgress({ phase: 'validating', done: 0, total: 0 });
  // The bulk reader loads on the first import, not with the page.
  const { readBundle } = await import('../model/bundle-reader.js');
  const result = readBundle(input);
  if (!result.ok) {
    throw new ChartStoreError('invalid', `The bundle has ${result.errorCount} error(s); nothing was imported. ${describeIssue(result.errors[0]!)}`, result.errors);
  }
  const { resources } = result;
  // A patient new to this device has nothing to compare with: skip reading
  // every key. (Were a key there after all, under another patient, the
  // projection's own read would show both versions as a conflict.)
  const patients = [...new Set(resources.map(patientOf).filter((id): id is string => id !== undefined))];
  const onDevice = patients.length > 0 && (await db.documents.where('patientId').anyOf(patients).count()) > 0;
  const existing = onDevice ? await db.records.bulkGet(resources.map(resourceKey)) : [];
  const batch = new Map<string, Revision[]>();
  const patientIds = new Set<string>();
  let unchanged = 0;
  resources.forEach((resource, i) => {
    const row = existing[i];
    let doc: string;
    let parents: string[];
    if (!row) {
      doc = documentOf(resource); // refuses a resource that names no patient
      parents = [];
    } else if (row.heads.length === 1 && JSON.stringify(row.heads[0]!.resource) === JSON.stringify(resource)) {
      unchanged++;
      return;
    } else {
      doc = row.doc;
      parents = [row.heads[0]!.revisionId];
    }
    patientIds.add(patientOf(resource)!);
    const list = batch.get(doc) ?? [];
    const revision = newRevision(resource, parents, user, 'imported');
    if (row) assertRevisionRuleKept(revision, row.heads, ': nothing was imported');
    list.push(revision);
    batch.set(doc, list);
  });

  const total = resources.length - unchanged;
  onProgress({ phase: 'writing', done: 0, total });
  await documents.append(batch); // one transaction: progress can only say it began and ended
  onProgress({ phase: 'done', done: total, total });
  return { patientIds: [...patientIds], counts: result.counts, skipped: result.skipped, unchanged };
}
