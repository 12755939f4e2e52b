import type { FhirBundle } from '../bundle/write-bundle.js';
import type {
  AllergyIntolerance,
  Condition,
  DocumentReference,
  FhirResource,
  MedicationRequest,
  MedicationStatement,
  Observation,
  Patient,
  ResourceType,
} from '../fhir/resources.js';
import type { ChartStoreError } from './chart-store-error.js';
import type { RecordDeliveries } from './delivery.js';
import type { LabResults, LabResultsQuery } from './lab-results.js';
import type { NoteSession } from './note-session.js';
import type { ChartRecord, ChartUser, ResourceKey, Revision } from './revision.js';

// The port components talk to. Implemented by storage/ (Dexie + Yjs); a
// host or a story may hand an element any other implementation.

/** The patient, their conditions and their observations of some codes: see `ChartStore.readingContext`. */
export interface ReadingContext {
  patient: ChartRecord<Patient> | undefined;
  conditions: Array<ChartRecord<Condition>>;
  observations: Array<ChartRecord<Observation>>;
}

/** A query that delivers a new value whenever the data under it changes. */
export interface LiveQuery<T> {
  subscribe(observer: LiveObserver<T>): Unsubscribe;
}
export interface LiveObserver<T> {
  next(value: T): void;
  error?(error: ChartStoreError): void;
}
export type Unsubscribe = () => void;

export interface TimeRange {
  /** Inclusive ISO date or dateTime. */
  from?: string;
  /** Exclusive ISO date or dateTime. */
  to?: string;
}

export interface VitalsQuery extends TimeRange {
  /** LOINC codes; all vital signs when absent. */
  codes?: readonly string[];
  /** At most this many, the newest (read from the index backwards: a month of monitor data costs no more than a day). */
  limit?: number;
}

/** Observations other than vital signs (laboratory, social history, surveys), by LOINC code (a coding in any place; the first coding's code when none is LOINC). */
export interface ObservationsQuery extends VitalsQuery {
  codes: readonly string[];
}

/** What a timeline entry is: a resource type, with observations split into vital signs and the rest (laboratory and others). */
export type TimelineKind =
  Exclude<ResourceType, 'Observation' | 'Patient'> | 'vital-signs' | 'observation';

export interface TimelineQuery extends TimeRange {
  types?: readonly ResourceType[];
  /** Kinds of entry; every kind when absent. With `types`, an event must match both. */
  kinds?: readonly TimelineKind[];
  /** At most this many events: the newest before `to`. A window that does not read a whole chart. */
  limit?: number;
}

export interface TimelineDensityQuery {
  /** Kinds counted; every kind when absent. */
  kinds?: readonly TimelineKind[];
  /** Inclusive start (ISO); `to` − `span` when absent, or the oldest event's time. */
  from?: string;
  /** Exclusive end (ISO); just after the newest event when absent. */
  to?: string;
  /** Length of the range in ms, back from `to`, when `from` is absent. */
  span?: number;
  /** How many equal slices the range is cut into. */
  buckets: number;
}

/** How many events fall in one slice of the range. */
export interface TimelineBucket {
  from: string;
  to: string;
  /** Events other than vital signs. */
  events: number;
  /** Vital-sign observations (a set of several counts several). */
  vitalSigns: number;
}

/** Where a patient's timeline events are, counted from the indexes alone. No range and no buckets when there are none. */
export interface TimelineDensity {
  from?: string;
  to?: string;
  buckets: TimelineBucket[];
}

/** One point on the chart timeline, with what a list needs to show it. */
export interface TimelineEvent {
  key: ResourceKey;
  resourceType: ResourceType;
  kind: TimelineKind;
  id: string;
  /** When it happened (ISO dateTime), by the resource's own clinical time; for a stop, when it ended. */
  date: string;
  end?: string;
  /**
   * `stopped`: the end of a medication, listed at its end date beside its
   * start (the same record). `dose-changed`: a revision that changed a
   * medication's dose, listed when it was made (`revisions` holds it).
   */
  phase?: 'stopped' | 'dose-changed';
  title: string;
  /** A measured value as written for people ("72 /min", "120/80 mmHg"), for observations that have one. */
  value?: string;
  status?: string;
  /** The encounter it belongs to, when it belongs to one. */
  encounter?: ResourceKey;
  conflict: boolean;
  /**
   * What the entry is worded from: the record's heads, newest first (two
   * or more in conflict); of a dose change, the revision that changed the
   * dose. Absent from a store that does not give them: the list then shows
   * `title` and `value` alone.
   */
  revisions?: Revision[];
  /** Of a dose change: the version of the medication that the change replaced. */
  before?: Medication;
}

export type Medication = MedicationRequest | MedicationStatement;

export interface ImportProgress {
  /** `fetching`: a pull from the hospital's FHIR server receiving pages (done: resources received; total: what the server counted, 0 when it did not say). */
  phase: 'fetching' | 'validating' | 'writing' | 'done';
  done: number;
  total: number;
}

export interface ImportSummary {
  /** The patients whose records the bundle holds, changed or not. */
  patientIds: string[];
  counts: Partial<Record<ResourceType, number>>;
  skipped: Record<string, number>;
  /** Resources already in the chart with the same content: not revised again. */
  unchanged: number;
}

/**
 * Whether a patient's chart is on this device, which an empty list alone
 * cannot say: `absent` (nothing of it here yet: never imported nor synced,
 * e.g. a new device or a viewer's device with no copy), `importing` (an
 * import of it is being written by this store), `present` (records of it
 * are here, even if none of a kind).
 */
export type ChartPresence = 'absent' | 'importing' | 'present';

export interface ChartStore {
  readonly user: ChartUser;
  /**
   * Set by a store whose first answers are read straight from the device,
   * within a frame or two (`startChartStore`'s): an element then paints no
   * pending state before them, unless they are late. Optional: a store that
   * leaves it out gets the pending state at once.
   */
  readonly firstAnswersSoon?: boolean;

  /** Whether the patient's chart is on this device, now and whenever that changes. Elements show "none recorded" only once it is `present`. */
  chartPresence(patientId: string): LiveQuery<ChartPresence>;

  patient(patientId: string): LiveQuery<ChartRecord<Patient> | undefined>;
  allergies(patientId: string): LiveQuery<Array<ChartRecord<AllergyIntolerance>>>;
  medications(patientId: string): LiveQuery<Array<ChartRecord<Medication>>>;
  /** Conditions (problems and diagnoses), active or not, newest first. */
  conditions(patientId: string): LiveQuery<Array<ChartRecord<Condition>>>;
  /** Vital-sign observations, newest first. */
  vitals(patientId: string, query?: VitalsQuery): LiveQuery<Array<ChartRecord<Observation>>>;
  /** Other observations with the given codes, newest first. */
  observations(
    patientId: string,
    query: ObservationsQuery,
  ): LiveQuery<Array<ChartRecord<Observation>>>;
  /**
   * What decides how the patient's vital signs are read, in one query (one
   * read, one subscription, where three would do): the patient (age,
   * death), their conditions and their other observations with `codes`
   * (pregnancy status), each as its own query answers it.
   */
  readingContext(patientId: string, codes: readonly string[]): LiveQuery<ReadingContext>;
  /** Newest first. */
  timeline(patientId: string, query?: TimelineQuery): LiveQuery<TimelineEvent[]>;
  /** Counts of timeline events per slice of a time range, read from index keys only. */
  timelineDensity(patientId: string, query: TimelineDensityQuery): LiveQuery<TimelineDensity>;
  /** Clinical notes (drafts, signed notes, addenda), newest first. */
  notes(patientId: string): LiveQuery<Array<ChartRecord<DocumentReference>>>;
  /**
   * Opens a note's collaborative text (an empty one for a new note) and holds
   * its document loaded until `release()`. Signing never goes through here:
   * a signed note's text is its DocumentReference.
   */
  openNote(patientId: string, noteId: string): Promise<NoteSession>;
  /** Every resource of the patient with two or more heads. */
  conflicts(patientId: string): LiveQuery<ChartRecord[]>;
  /** Every revision of one resource, oldest first. */
  history(key: ResourceKey): Promise<Revision[]>;
  /**
   * Where each record of the patient stands with the hospital's EHR (the
   * state of its latest change made on this device), now and whenever it
   * changes. Optional: only a store that queues changes for the EHR offers
   * it; elements show no delivery state without it.
   */
  deliveryStates?(patientId: string): LiveQuery<RecordDeliveries>;

  /** Records a new resource (an id is given when it has none). */
  record<R extends FhirResource>(resource: R, options?: { reason?: string }): Promise<Revision<R>>;
  /** Records several new resources in one transaction — all of them or none — e.g. a set of vital signs. */
  recordAll<R extends FhirResource>(
    resources: readonly R[],
    options?: { reason?: string },
  ): Promise<Array<Revision<R>>>;
  /** Replaces the head revision `from` with a new version of the resource. */
  revise<R extends FhirResource>(
    resource: R,
    from: string,
    options?: { reason?: string },
  ): Promise<Revision<R>>;
  /** Marks a resource entered-in-error, the FHIR way for its type. */
  enterInError(key: ResourceKey, from: string, reason: string): Promise<Revision>;
  /** Resolves a conflict: one new revision whose parents are all the heads. */
  resolveConflict<R extends FhirResource>(
    resource: R,
    heads: readonly string[],
    options?: { reason?: string },
  ): Promise<Revision<R>>;

  exportPatient(
    patientId: string,
    options?: { type?: 'collection' | 'transaction' },
  ): Promise<FhirBundle>;

  close(): Promise<void>;

  /** One record by its key, now and whenever it changes; undefined while it is not on this device. */
  chartRecord(key: ResourceKey): LiveQuery<ChartRecord | undefined>;
  /** Records by their keys, in the order given (undefined for each one not on this device), now and whenever one changes. */
  chartRecords(keys: readonly ResourceKey[]): LiveQuery<Array<ChartRecord | undefined>>;
  /** Laboratory observations, newest first, with the DiagnosticReports that group them. */
  labResults(patientId: string, query?: LabResultsQuery): LiveQuery<LabResults>;
}
