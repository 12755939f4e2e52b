import {
  ChartStoreError,
  coreDocumentName,
  markedEnteredInError,
  resourceKey,
  WRITING_ROLES,
  type ChartRecord,
  type ChartStore,
  type ChartUser,
  type FhirBundle,
  type FhirResource,
  type LiveQuery,
  type ObservationsQuery,
  type ResourceKey,
  type Revision,
  type TimelineDensity,
  type TimelineDensityQuery,
  type TimelineQuery,
  type VitalsQuery,
  type AllergyIntolerance,
  type Condition,
  type DocumentReference,
  type Medication,
  type Observation,
  type Patient,
  type ReadingContext,
  type TimelineEvent,
  type NoteSession,
  type ChartPresence,
  type RecordDeliveries,
  type LabResults,
  type LabResultsQuery,
} from '../model/index.js';
import type * as Y from 'yjs';
import { ChartDocuments, type HeldDocument } from './chart-documents.js';
import { chartPresence, ImportsUnderWay } from './chart-presence.js';
import { ChartDatabase } from './database.js';
import { staleError, toChartStoreError, versionChangeError } from './database-errors.js';
import { AfterFirstValues } from './after-first-values.js';
import { exportPatientBundle } from './export-patient.js';
import { live } from './live.js';
import { readingContextOf } from './reading-context.js';
import { openNoteSession } from './open-note-session.js';
import { deliveryCountsOf, deliveryStatesOf, type DeliveryCounts } from './delivery-queries.js';
import { documentOf, newRevision } from './new-revision.js';
import { unsentChanges } from './sent-changes.js';
import { storeInternals, type StoreInternals } from './store-internals.js';
import { chartQueries } from './queries.js';
import { recordsByKey } from './record-queries.js';
import { loadWriteSide } from './write-side-loader.js';
import { labResultsOf } from './lab-results-query.js';

export interface ChartStoreOptions {
  /** The signed-in user: every revision carries them. */
  user: ChartUser;
  /** One database per signed-in user and site is the usual choice; defaults to "emr-kit". */
  databaseName?: string;
  /** Another IndexedDB implementation (the browser's by default). */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
  /** A revision from a peer that failed validation: kept in the log, not shown. */
  onRejectedRevision?(document: string, message: string): void;
  /** An update from a peer that could not be saved. */
  onSaveFailed?(document: string, error: unknown): void;
}

/** At the latest this long after the first values, the write side is fetched (see #writeSideAfterFirstValues). */
const WRITE_SIDE_LATEST_MS = 1_000;

export class DexieChartStore implements ChartStore {
  readonly user: ChartUser;
  readonly documents: ChartDocuments;
  readonly #db: ChartDatabase;
  readonly #queries: ReturnType<typeof chartQueries>;
  readonly #imports = new ImportsUnderWay();
  #versionChanged = false;
  /** Live queries subscribed now: each told once when another tab upgrades the database. */
  readonly #onVersionChange = new Set<() => void>();

  constructor(db: ChartDatabase, options: ChartStoreOptions) {
    this.user = options.user;
    this.#db = db;
    this.documents = new ChartDocuments(db, options);
    this.#queries = chartQueries(db);
    db.on('versionchange', () => {
      // Another tab is upgrading the schema (or deleting the database). Let go
      // at once so that it is not blocked, and for good: Dexie's own handler,
      // skipped by returning false, would reopen on the next call, on a schema
      // this code does not know. From now on every call fails with
      // 'version-change', and so does every live query.
      this.#versionChanged = true;
      db.close({ disableAutoOpen: true });
      for (const notify of [...this.#onVersionChange]) notify();
      return false;
    });
  }

  #live<T>(query: () => Promise<T>): LiveQuery<T> {
    // Dexie's live queries drop a DatabaseClosedError without a word: a query
    // after the change fails with the store's own error instead.
    const source = live(
      () => (this.#versionChanged ? Promise.reject(versionChangeError()) : query()),
      () => this.#versionChanged,
    );
    return {
      subscribe: (observer) => {
        const answered = this.#writeSideAfterFirstValues.awaitFirstValue();
        const stop = source.subscribe({
          next: (value) => {
            observer.next(value);
            answered();
          },
          error: (error) => {
            observer.error?.(error);
            answered();
          },
        });
        const unsubscribe = () => {
          this.#onVersionChange.delete(notify);
          answered();
          stop();
        };
        const notify = () => {
          unsubscribe();
          observer.error?.(versionChangeError());
        };
        if (!this.#versionChanged) this.#onVersionChange.add(notify);
        return unsubscribe;
      },
    };
  }

  /**
   * Right after the first rows are on screen, the code that changes the
   * chart is fetched, so that it is on the device before the network can
   * go: a clinician who loads a chart and then loses the network can still
   * record vitals. The first change tries again and says why if it fails.
   */
  readonly #writeSideAfterFirstValues = new AfterFirstValues(
    () => void this.documents.load().catch(() => undefined),
    WRITE_SIDE_LATEST_MS,
  );

  chartPresence(patientId: string): LiveQuery<ChartPresence> {
    // The core document holds the patient, allergies, medications and notes: a day of observations that synced first is not the chart.
    const stored = this.#live(
      async () => (await this.#db.documents.get(coreDocumentName(patientId))) !== undefined,
    );
    return chartPresence(stored, this.#imports, patientId);
  }
  patient(patientId: string): LiveQuery<ChartRecord<Patient> | undefined> {
    return this.#live(() => this.#queries.patient(patientId));
  }
  allergies(patientId: string): LiveQuery<Array<ChartRecord<AllergyIntolerance>>> {
    return this.#live(() =>
      this.#queries.lane<AllergyIntolerance>(patientId, ['AllergyIntolerance']),
    );
  }
  medications(patientId: string): LiveQuery<Array<ChartRecord<Medication>>> {
    return this.#live(() =>
      this.#queries.lane<Medication>(patientId, ['MedicationRequest', 'MedicationStatement']),
    );
  }
  conditions(patientId: string): LiveQuery<Array<ChartRecord<Condition>>> {
    return this.#live(() => this.#queries.lane<Condition>(patientId, ['Condition']));
  }
  vitals(patientId: string, query: VitalsQuery = {}): LiveQuery<Array<ChartRecord<Observation>>> {
    return this.#live(() =>
      this.#queries.observations<Observation>(patientId, 'vital-signs', query),
    );
  }
  observations(
    patientId: string,
    query: ObservationsQuery,
  ): LiveQuery<Array<ChartRecord<Observation>>> {
    return this.#live(() =>
      this.#queries.observations<Observation>(patientId, 'observation', query),
    );
  }
  readingContext(patientId: string, codes: readonly string[]): LiveQuery<ReadingContext> {
    return this.#live(() => readingContextOf(this.#queries, patientId, codes));
  }
  timeline(patientId: string, query: TimelineQuery = {}): LiveQuery<TimelineEvent[]> {
    return this.#live(() => this.#queries.timeline(patientId, query));
  }
  timelineDensity(patientId: string, query: TimelineDensityQuery): LiveQuery<TimelineDensity> {
    return this.#live(() => this.#queries.timelineDensity(patientId, query));
  }
  notes(patientId: string): LiveQuery<Array<ChartRecord<DocumentReference>>> {
    return this.#live(() =>
      this.#queries.lane<DocumentReference>(patientId, ['DocumentReference']),
    );
  }
  async openNote(patientId: string, noteId: string): Promise<NoteSession> {
    return this.#run(() => {
      if (this.#versionChanged) throw versionChangeError();
      return openNoteSession(this.documents, patientId, noteId);
    });
  }
  conflicts(patientId: string): LiveQuery<ChartRecord[]> {
    return this.#live(() => this.#queries.conflicts(patientId));
  }

  // For a sync provider (wired by the host, never imported here): the Y.Doc
  // of a document, the same instance the rest of the page writes to, whose
  // every update — a provider's included — is saved with its projection.

  /** A chart document, loaded from the log. */
  async openDocument(name: string): Promise<Y.Doc> {
    return this.#run(() => this.documents.open(name));
  }
  /** A chart document kept loaded until `release()`, as a provider holds it. */
  async holdDocument(name: string): Promise<HeldDocument> {
    return this.#run(() => this.documents.hold(name));
  }
  /** The names of a patient's documents on this device, now and whenever one is added (here or in another tab). */
  documentNames(patientId: string): LiveQuery<string[]> {
    return this.#live(() => this.documents.names(patientId));
  }
  /** Local changes the sync server has not confirmed, by document name (for `connectChart`), kept across reloads. */
  unsentChanges(patientId: string): LiveQuery<Record<string, number>> {
    return this.#live(() => unsentChanges(this.#db, patientId));
  }

  /** Where each record of the patient stands with the hospital's EHR (the latest change made here decides), kept across reloads; records with no change made here are left out. */
  deliveryStates(patientId: string): LiveQuery<RecordDeliveries> {
    return this.#live(() => deliveryStatesOf(this.#db, patientId));
  }
  /** How many of the changes made on this device are waiting for the EHR, sent, refused... */
  deliveryCounts(): LiveQuery<DeliveryCounts> {
    return this.#live(() => deliveryCountsOf(this.#db));
  }

  async history(key: ResourceKey): Promise<Revision[]> {
    return this.#run(() => this.#queries.history(key));
  }

  async record<R extends FhirResource>(
    resource: R,
    options: { reason?: string } = {},
  ): Promise<Revision<R>> {
    return this.#run(async () => {
      this.#assertWriter();
      const { assertValid } = await loadWriteSide();
      const withId = (resource.id ? resource : { ...resource, id: crypto.randomUUID() }) as R;
      assertValid(withId);
      const existing = await this.#db.records.get(resourceKey(withId));
      if (existing)
        throw new ChartStoreError(
          'invalid',
          `${resourceKey(withId)} is already in the chart: revise it instead.`,
        );
      const revision = newRevision(withId, [], this.user, options.reason);
      await this.documents.append(new Map([[documentOf(withId), [revision]]]));
      return revision;
    });
  }

  async recordAll<R extends FhirResource>(
    resources: readonly R[],
    options: { reason?: string } = {},
  ): Promise<Array<Revision<R>>> {
    return this.#run(async () => {
      this.#assertWriter();
      const { assertValid } = await loadWriteSide();
      const withIds = resources.map(
        (resource) => (resource.id ? resource : { ...resource, id: crypto.randomUUID() }) as R,
      );
      withIds.forEach((resource, index) =>
        assertValid(resource, `resource ${index + 1} of ${withIds.length}`),
      );
      const keys = withIds.map(resourceKey);
      const twice = keys.find((key, index) => keys.indexOf(key) !== index);
      if (twice)
        throw new ChartStoreError('invalid', `${twice} is given twice: nothing was recorded.`);
      const existing = (await this.#db.records.bulkGet(keys)).findIndex((row) => row !== undefined);
      if (existing >= 0)
        throw new ChartStoreError(
          'invalid',
          `${keys[existing]} is already in the chart: revise it instead. Nothing was recorded.`,
        );
      const revisions = withIds.map((resource) =>
        newRevision(resource, [], this.user, options.reason),
      );
      const batch = new Map<string, Revision[]>();
      for (const revision of revisions) {
        const name = documentOf(revision.resource);
        batch.set(name, [...(batch.get(name) ?? []), revision]);
      }
      await this.documents.append(batch); // one transaction for every document touched
      return revisions;
    });
  }

  async revise<R extends FhirResource>(
    resource: R,
    from: string,
    options: { reason?: string } = {},
  ): Promise<Revision<R>> {
    return this.#replace(resource, [from], options.reason);
  }

  async enterInError(key: ResourceKey, from: string, reason: string): Promise<Revision> {
    const record = await this.#run(() => this.#queries.record(key));
    const head = record.heads.find((h) => h.revisionId === from);
    if (!head) throw staleError(key, [from]);
    return this.#replace(
      markedEnteredInError(head.resource),
      [from],
      `entered in error: ${reason}`,
    );
  }

  async resolveConflict<R extends FhirResource>(
    resource: R,
    heads: readonly string[],
    options: { reason?: string } = {},
  ): Promise<Revision<R>> {
    return this.#replace(resource, heads, options.reason ?? 'conflict resolved');
  }

  /** A new revision of an existing resource, replacing exactly the heads named. */
  async #replace<R extends FhirResource>(
    resource: R,
    parents: readonly string[],
    reason?: string,
  ): Promise<Revision<R>> {
    return this.#run(async () => {
      this.#assertWriter();
      const { assertValid, assertRevisionRuleKept } = await loadWriteSide();
      assertValid(resource);
      const key = resourceKey(resource);
      const record = await this.#queries.record(key);
      const current = new Set(record.heads.map((h) => h.revisionId));
      if (parents.length === 0 || !parents.every((p) => current.has(p)))
        throw staleError(key, parents);
      const revision = newRevision(resource, [...parents], this.user, reason);
      assertRevisionRuleKept(revision, record.heads);
      await this.documents.append(new Map([[record.doc, [revision]]]));
      return revision;
    });
  }

  /** For importBundle() (storage/import-bundle.ts), which is not a method so that a page that never imports does not ship the bulk reader. */
  [storeInternals](): StoreInternals {
    return {
      db: this.#db,
      documents: this.documents,
      user: this.user,
      run: (work) => this.#run(work),
      assertWriter: () => this.#assertWriter(),
      beginImport: (patientIds) => this.#imports.begin(patientIds),
    };
  }

  async exportPatient(
    patientId: string,
    options: { type?: 'collection' | 'transaction' } = {},
  ): Promise<FhirBundle> {
    return this.#run(() => exportPatientBundle(this.#db, patientId, options.type));
  }

  async close(): Promise<void> {
    await this.documents.whenSaved();
    this.documents.forget(undefined, { includingHeld: true });
    this.#db.close();
  }

  chartRecord(key: ResourceKey): LiveQuery<ChartRecord | undefined> {
    return this.#live(async () => (await recordsByKey(this.#db.records, [key]))[0]);
  }
  chartRecords(keys: readonly ResourceKey[]): LiveQuery<Array<ChartRecord | undefined>> {
    return this.#live(() => recordsByKey(this.#db.records, keys));
  }
  labResults(patientId: string, query: LabResultsQuery = {}): LiveQuery<LabResults> {
    return this.#live(() => labResultsOf(this.#db, patientId, query));
  }

  #assertWriter(): void {
    if (!WRITING_ROLES.includes(this.user.role)) {
      throw new ChartStoreError(
        'read-only',
        `${this.user.displayName} (${this.user.role}) can read this chart but not change it.`,
      );
    }
  }

  async #run<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw toChartStoreError(error, this.#versionChanged);
    }
  }
}
