// Where the sync server keeps documents and the audit log. Two
// implementations: an embedded database (level-store.ts), so the server runs
// with nothing installed, and PostgreSQL (postgres-store.ts), shared by
// several sync processes.
//
// Every stored update has a sequence number, per document, given in the
// order the updates were stored (1, 2, 3…, never reused). A process that
// shares the store with others learns of their writes by number: whatever
// it has not seen comes after the last number it applied (`readSince`), and
// it writes only once it holds everything stored before (`write`).

/** One accepted update, as the server recorded it. Who comes from the token, never from the client. */
export interface AuditRecord {
  /** ISO instant the server accepted the update. */
  time: string;
  document: string;
  patientId: string;
  userId: string;
  userName: string;
  role: string;
  /** Size of the stored update. */
  bytes: number;
  /** SHA-256 of the stored update, hex. */
  sha256: string;
}

export interface StoredUpdate {
  update: Uint8Array;
  audit: AuditRecord;
  /** Yjs client ids this update is the first to write with: they become the audit's user's, stored in the same write. */
  claims?: readonly number[];
}

export interface SequencedUpdate {
  seq: number;
  update: Uint8Array;
}

/** What a document holds after a sequence number. */
export interface DocumentChanges {
  /** Updates stored after it, in order. A compacted update stands at the last number it covers. */
  updates: SequencedUpdate[];
  /** Owners of the Yjs client ids claimed by those updates (a store may give more: ownership never changes). */
  owners: Map<number, string>;
  /** The last sequence number given in the document (0 for none); what the caller holds once it applies `updates`. */
  seq: number;
}

/**
 * Chooses what to store, given what others stored since the caller's last
 * sequence number (nothing, for a process alone on its store). Runs while
 * the document's writes are held for the caller: no one else stores in that
 * document until it returns and its updates are stored.
 */
export type PrepareWrite = (missed: DocumentChanges) => readonly StoredUpdate[];

/** The store could not be reached before anything of a write was prepared: nothing changed, the write may be tried again. */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
}

export interface SyncStore {
  /** Every stored update of a document, oldest first; none for a new document. */
  loadUpdates(document: string): Promise<Uint8Array[]>;
  /** Which user owns each Yjs client id written in a document (sync/server/client-owners.ts). */
  loadClientOwners(document: string): Promise<Map<number, string>>;
  /** What the document holds after sequence number `afterSeq` (0: all of it). */
  readSince(document: string, afterSeq: number): Promise<DocumentChanges>;
  /**
   * Stores what `prepare` returns (updates with their audit records and
   * claims), all or nothing, after handing it what was
   * stored after `afterSeq`; resolves with the document's last sequence number
   * once stored. Rejects with StoreUnavailableError when `prepare` never ran.
   */
  write(document: string, afterSeq: number, prepare: PrepareWrite): Promise<number>;
  /**
   * Replaces the stored updates numbered up to `throughSeq` by one (their merge,
   * or a state that includes it), in one step; later ones stay. Audit records
   * and client owners stay.
   */
  replaceUpdates(document: string, merged: Uint8Array, throughSeq: number): Promise<void>;
  /** The last sequence number of each of these documents (0 or absent for none). */
  lastSeqs(documents: readonly string[]): Promise<Map<string, number>>;
  /** The names of a patient's documents that hold anything, sorted. */
  listDocuments(patientId: string): Promise<string[]>;
  /** A patient's audit records, oldest first. */
  readAudit(patientId: string): Promise<AuditRecord[]>;
  /** Whether the store answers now (for /health); the embedded store always does. */
  check(): Promise<boolean>;
  close(): Promise<void>;
}
