// Where the sync server keeps documents and the audit log. The server ships
// one implementation on an embedded database (level-store.ts), so it runs
// with nothing installed; a deployment can put the same interface on a
// database server shared by several sync processes.

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

export interface SyncStore {
  /** Every stored update of a document, oldest first; none for a new document. */
  loadUpdates(document: string): Promise<Uint8Array[]>;
  /** Which user owns each Yjs client id written in a document (sync/server/client-owners.ts). */
  loadClientOwners(document: string): Promise<Map<number, string>>;
  /** Appends updates of one document with their audit records and claims, all or nothing; resolves once stored. */
  appendUpdates(document: string, updates: readonly StoredUpdate[]): Promise<void>;
  /** Replaces every stored update of a document by one (their merge). Audit records and client owners stay. */
  replaceUpdates(document: string, merged: Uint8Array): Promise<void>;
  /** The names of a patient's documents that hold anything, sorted. */
  listDocuments(patientId: string): Promise<string[]>;
  /** A patient's audit records, oldest first. */
  readAudit(patientId: string): Promise<AuditRecord[]>;
  close(): Promise<void>;
}
