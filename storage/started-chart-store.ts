import type {
  AllergyIntolerance,
  ChartPresence,
  ChartRecord,
  ChartStore,
  ChartUser,
  Condition,
  DocumentReference,
  FhirBundle,
  FhirResource,
  LiveQuery,
  Medication,
  NoteSession,
  Observation,
  ObservationsQuery,
  Patient,
  ReadingContext,
  RecordDeliveries,
  ResourceKey,
  Revision,
  TimelineDensity,
  TimelineDensityQuery,
  TimelineEvent,
  TimelineQuery,
  VitalsQuery,
  LabResults,
  LabResultsQuery,
  ImportSummary,
} from '../model/index.js';
import { AfterFirstValues } from './after-first-values.js';
import { toChartStoreError } from './database-errors.js';
import type { ChartStoreOptions, DexieChartStore } from './dexie-chart-store.js';
import { NO_DATABASE, openFirstReads, type FirstReads } from './first-reads.js';
import type { ImportOptions } from './import-bundle.js';
import { ImportsAtStart } from './import-at-start.js';
import { readingContextOf } from './reading-context.js';

/** At the latest this long after the first reads have answered, the store is loaded (a tab in the background paints no frames). */
const STORE_LATEST_MS = 1_000;
/** At the latest this long after a first read has answered, it is handed over, whatever the others do. */
const HAND_OVER_LATEST_MS = 100;

/**
 * Starts the local chart store and hands it over at once, for a page that
 * wants its rows on screen as early as the browser allows: the first value
 * of each query the elements ask for is read straight from IndexedDB
 * (first-reads.ts), and Dexie, the store and then the write side are
 * fetched and opened once those rows are painted — before the network can
 * go, so a chart shown can still be changed offline. From then on every
 * query follows the store's live query, and every command waits for it.
 * On a device with no chart database yet (a first visit), or one a schema
 * upgrade or a rebuild awaits, the store is opened at once and answers
 * everything; but a first visit that imports its chart at start
 * (`importBundle`) is shown from the bundle while the store loads and
 * stores it. Errors are the store's own ChartStoreErrors.
 */
export function startChartStore(options: ChartStoreOptions): StartedChartStore {
  return new StartedChartStore(options);
}

type Answer<T> = { value: T } | undefined;

/** A query's first read, of one patient's chart. */
const firstOf = <T>(patientId: string, read: (reads: FirstReads) => Promise<T>) => ({
  patientId,
  read,
});

export class StartedChartStore implements ChartStore {
  readonly user: ChartUser;
  /** Its first answers come straight from IndexedDB (or a bundle being imported): elements paint no pending state before them. */
  readonly firstAnswersSoon = true;
  /** The first reads; NO_DATABASE on a device with none; undefined where the database cannot be read straight (then the store opens at once). */
  readonly #firstReads: Promise<FirstReads | typeof NO_DATABASE | undefined>;
  /** The store: opened once `opened()` is first called. */
  readonly #store: Promise<DexieChartStore>;
  /** The store once an import started by importBundle has settled: what queries follow. */
  readonly #following: Promise<DexieChartStore>;
  /** Bundles imported at start (importBundle), shown before they are stored. */
  readonly #imports: ImportsAtStart;
  #openStore!: () => void;
  /** The store's code, asked for as soon as the store is (not a microtask later, after the page's other modules have run). */
  #storeModule: Promise<typeof import('./open-chart-store.js')> | undefined;
  #openAsked = false;
  #opened: DexieChartStore | undefined;
  /** Once the first rows are painted, the store is loaded and opened (and, right after its own first values, the write side: see DexieChartStore). */
  readonly #openAfterFirstValues = new AfterFirstValues(() => this.#open(), STORE_LATEST_MS);
  /** First reads under way, and what the finished ones hand over once none is (see #handOver). */
  #readsInFlight = 0;
  #finished: Array<() => void> = [];
  #handOverTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: ChartStoreOptions) {
    this.user = options.user;
    this.#firstReads = openFirstReads(
      options.indexedDB ?? globalThis.indexedDB,
      options.IDBKeyRange ?? globalThis.IDBKeyRange,
      options.databaseName ?? 'emr-kit',
    );
    this.#store = new Promise<void>((resolve) => (this.#openStore = resolve)).then(async () => {
      const { openChartStore } = await this.#storeModule!;
      return openChartStore(options);
    });
    this.#imports = new ImportsAtStart({
      user: this.user,
      device: this.#firstReads,
      store: () => this.#store,
      openSoon: () => this.#openAfterFirstValues.whenNoneAwaited(),
      followed: () => this.#opened !== undefined,
    });
    this.#following = this.#store.then(async (store) => {
      // Until a bundle shown before it was stored is stored, its rows are the bundle's.
      if (this.#imports.shown) await this.#imports.settled;
      this.#opened = store;
      const reads = await this.#firstReads;
      if (reads !== NO_DATABASE) reads?.close(); // every query follows the store now
      return store;
    });
    this.#following.catch(() => undefined); // every query and command hears why
    // Read after the page's first task, so that an importBundle called right after this counts.
    void this.#firstReads.then((reads) => {
      if (reads === undefined || (reads === NO_DATABASE && !this.#imports.asked)) this.#open();
    });
  }

  #open(): void {
    this.#storeModule ??= import('./open-chart-store.js');
    this.#openAsked = true;
    this.#openStore();
  }

  /** The store itself (Dexie and its live queries), opened now if it is not yet: `importBundle` and a sync provider take it. */
  opened(): Promise<DexieChartStore> {
    this.#open();
    return this.#store;
  }

  /**
   * Imports a FHIR Bundle, or the promise of one (a chart fetched while the
   * page starts), as `importBundle()` does, and settles as it does. Called
   * right after `startChartStore`, on a device that has nothing of the
   * bundle's patients (a first visit), their queries are answered first from
   * the bundle, read and validated whole: the rows the import is about to
   * store, shown while the store loads (after they are painted) and stores
   * them. Those queries then follow the store, whose answers are the same
   * rows. A bundle with errors shows nothing. Once rows of the bundle are
   * shown, every command waits until the import is stored or has failed, so
   * nothing is done to a row shown from the bundle before it is stored; a
   * bundle still coming holds up nothing but the first reads of the charts
   * the device does not have.
   */
  importBundle(bundle: unknown, options: ImportOptions = {}): Promise<ImportSummary> {
    return this.#imports.start(bundle, options);
  }

  /**
   * The first reads for a patient: straight from IndexedDB, or from a bundle
   * imported at start when this device has nothing of the patient and the
   * bundle brings their chart; undefined when only the store can answer.
   */
  async #firstReadsOf(patientId: string): Promise<FirstReads | undefined> {
    const device = await this.#firstReads;
    if (device === undefined) return undefined;
    const stored = device === NO_DATABASE ? undefined : device;
    if (!this.#imports.asked || (stored && (await stored.stored(patientId)))) return stored;
    return (await this.#imports.readsOf(patientId)) ?? stored;
  }

  /**
   * A live query answered first by the first reads (`first`, when the query
   * has them: see #firstReadsOf), then by the store's own. A first read that
   * fails says nothing: the store's query says why.
   */
  #live<T>(
    first: { patientId: string; read: (reads: FirstReads) => Promise<T> } | undefined,
    query: (store: DexieChartStore) => LiveQuery<T>,
  ): LiveQuery<T> {
    return {
      subscribe: (observer) => {
        if (this.#opened) return query(this.#opened).subscribe(observer);
        let stopped = false;
        let followed = false;
        let stop: (() => void) | undefined;
        const firstValueCame = this.#openAfterFirstValues.awaitFirstValue();
        if (first) this.#readsInFlight++;
        void (first ? this.#firstReadsOf(first.patientId) : Promise.resolve(undefined))
          .then(async (reads): Promise<Answer<T>> =>
            reads && first ? { value: await first.read(reads) } : undefined,
          )
          .catch((): Answer<T> => undefined)
          .then((answer) => {
            const handOver = () => {
              if (answer && !stopped && !followed) observer.next(answer.value);
              if (answer || !first)
                firstValueCame(); // else the store's first value counts
              else this.#open();
            };
            if (first) this.#handOver(handOver);
            else handOver();
          });
        const follow = (store: DexieChartStore) => {
          if (stopped) return;
          stop = query(store).subscribe({
            next: (value) => {
              followed = true;
              observer.next(value);
              firstValueCame();
            },
            error: (error) => {
              followed = true;
              observer.error?.(error);
              firstValueCame();
            },
          });
        };
        this.#following.then(follow, (error: unknown) => {
          if (!stopped) observer.error?.(toChartStoreError(error, false));
          firstValueCame();
        });
        return () => {
          stopped = true;
          firstValueCame();
          stop?.();
        };
      },
    };
  }

  /**
   * A first read's answer, handed over when no other first read is under
   * way: the elements of a first screen then render in one task and the
   * page is laid out once, not once per element (each layout of a summary
   * page ~10 ms, with a paint). A read still under way holds the others
   * back HAND_OVER_LATEST_MS at most.
   */
  #handOver(deliver: () => void): void {
    this.#finished.push(deliver);
    if (--this.#readsInFlight > 0) {
      // A read that is slow (or never answers) holds the others back this long at most.
      this.#handOverTimer ??= setTimeout(() => this.#handOverFinished(), HAND_OVER_LATEST_MS);
      return;
    }
    this.#handOverFinished();
  }

  #handOverFinished(): void {
    clearTimeout(this.#handOverTimer);
    this.#handOverTimer = undefined;
    const finished = this.#finished;
    this.#finished = [];
    for (const handOver of finished) handOver();
  }

  /** A command: the store is opened for it now; it runs once a bundle whose rows are shown is stored (or has failed). */
  async #command<T>(work: (store: DexieChartStore) => Promise<T>): Promise<T> {
    const store = await this.opened();
    if (this.#imports.shown) await this.#imports.settled;
    return work(store);
  }

  chartPresence(patientId: string): LiveQuery<ChartPresence> {
    return this.#live(
      firstOf(patientId, async (reads) => ((await reads.stored(patientId)) ? 'present' : 'absent')),
      (store) => store.chartPresence(patientId),
    );
  }
  patient(patientId: string): LiveQuery<ChartRecord<Patient> | undefined> {
    return this.#live(
      firstOf(patientId, (reads) => reads.patient(patientId)),
      (store) => store.patient(patientId),
    );
  }
  allergies(patientId: string): LiveQuery<Array<ChartRecord<AllergyIntolerance>>> {
    return this.#live(
      firstOf(patientId, (reads) =>
        reads.lane<AllergyIntolerance>(patientId, ['AllergyIntolerance']),
      ),
      (store) => store.allergies(patientId),
    );
  }
  medications(patientId: string): LiveQuery<Array<ChartRecord<Medication>>> {
    return this.#live(
      firstOf(patientId, (reads) =>
        reads.lane<Medication>(patientId, ['MedicationRequest', 'MedicationStatement']),
      ),
      (store) => store.medications(patientId),
    );
  }
  conditions(patientId: string): LiveQuery<Array<ChartRecord<Condition>>> {
    return this.#live(
      firstOf(patientId, (reads) => reads.lane<Condition>(patientId, ['Condition'])),
      (store) => store.conditions(patientId),
    );
  }
  vitals(patientId: string, query: VitalsQuery = {}): LiveQuery<Array<ChartRecord<Observation>>> {
    return this.#live(
      firstOf(patientId, (reads) =>
        reads.observations<Observation>(patientId, 'vital-signs', query),
      ),
      (store) => store.vitals(patientId, query),
    );
  }
  observations(
    patientId: string,
    query: ObservationsQuery,
  ): LiveQuery<Array<ChartRecord<Observation>>> {
    return this.#live(
      firstOf(patientId, (reads) =>
        reads.observations<Observation>(patientId, 'observation', query),
      ),
      (store) => store.observations(patientId, query),
    );
  }
  readingContext(patientId: string, codes: readonly string[]): LiveQuery<ReadingContext> {
    return this.#live(
      firstOf(patientId, (reads) => readingContextOf(reads, patientId, codes)),
      (store) => store.readingContext(patientId, codes),
    );
  }
  notes(patientId: string): LiveQuery<Array<ChartRecord<DocumentReference>>> {
    return this.#live(
      firstOf(patientId, (reads) =>
        reads.lane<DocumentReference>(patientId, ['DocumentReference']),
      ),
      (store) => store.notes(patientId),
    );
  }
  timeline(patientId: string, query: TimelineQuery = {}): LiveQuery<TimelineEvent[]> {
    return this.#live(undefined, (store) => store.timeline(patientId, query));
  }
  timelineDensity(patientId: string, query: TimelineDensityQuery): LiveQuery<TimelineDensity> {
    return this.#live(undefined, (store) => store.timelineDensity(patientId, query));
  }
  conflicts(patientId: string): LiveQuery<ChartRecord[]> {
    return this.#live(undefined, (store) => store.conflicts(patientId));
  }
  deliveryStates(patientId: string): LiveQuery<RecordDeliveries> {
    return this.#live(undefined, (store) => store.deliveryStates(patientId));
  }

  openNote(patientId: string, noteId: string): Promise<NoteSession> {
    return this.#command((store) => store.openNote(patientId, noteId));
  }
  history(key: ResourceKey): Promise<Revision[]> {
    return this.#command((store) => store.history(key));
  }
  record<R extends FhirResource>(resource: R, options?: { reason?: string }): Promise<Revision<R>> {
    return this.#command((store) => store.record(resource, options));
  }
  recordAll<R extends FhirResource>(
    resources: readonly R[],
    options?: { reason?: string },
  ): Promise<Array<Revision<R>>> {
    return this.#command((store) => store.recordAll(resources, options));
  }
  revise<R extends FhirResource>(
    resource: R,
    from: string,
    options?: { reason?: string },
  ): Promise<Revision<R>> {
    return this.#command((store) => store.revise(resource, from, options));
  }
  enterInError(key: ResourceKey, from: string, reason: string): Promise<Revision> {
    return this.#command((store) => store.enterInError(key, from, reason));
  }
  resolveConflict<R extends FhirResource>(
    resource: R,
    heads: readonly string[],
    options?: { reason?: string },
  ): Promise<Revision<R>> {
    return this.#command((store) => store.resolveConflict(resource, heads, options));
  }
  exportPatient(
    patientId: string,
    options?: { type?: 'collection' | 'transaction' },
  ): Promise<FhirBundle> {
    return this.#command((store) => store.exportPatient(patientId, options));
  }

  chartRecord(key: ResourceKey): LiveQuery<ChartRecord | undefined> {
    return this.#live(undefined, (store) => store.chartRecord(key));
  }
  chartRecords(keys: readonly ResourceKey[]): LiveQuery<Array<ChartRecord | undefined>> {
    return this.#live(undefined, (store) => store.chartRecords(keys));
  }
  labResults(patientId: string, query: LabResultsQuery = {}): LiveQuery<LabResults> {
    return this.#live(undefined, (store) => store.labResults(patientId, query));
  }

  async close(): Promise<void> {
    const reads = await this.#firstReads;
    if (reads !== NO_DATABASE) reads?.close();
    if (this.#openAsked) await (await this.#store.catch(() => undefined))?.close();
  }
}
