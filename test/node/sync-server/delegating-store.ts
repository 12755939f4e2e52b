import type { DocumentChanges, PrepareWrite, SyncStore } from '../../../sync/server/index.js';

/** A store that passes everything to another: tests extend it to hold, gate or break one call. */
export class DelegatingStore implements SyncStore {
  constructor(readonly inner: SyncStore) {}
  loadUpdates(document: string): Promise<Uint8Array[]> {
    return this.inner.loadUpdates(document);
  }
  loadClientOwners(document: string): Promise<Map<number, string>> {
    return this.inner.loadClientOwners(document);
  }
  readSince(document: string, afterSeq: number): Promise<DocumentChanges> {
    return this.inner.readSince(document, afterSeq);
  }
  write(document: string, afterSeq: number, prepare: PrepareWrite): Promise<number> {
    return this.inner.write(document, afterSeq, prepare);
  }
  replaceUpdates(document: string, merged: Uint8Array, throughSeq: number): Promise<void> {
    return this.inner.replaceUpdates(document, merged, throughSeq);
  }
  lastSeqs(documents: readonly string[]): Promise<Map<string, number>> {
    return this.inner.lastSeqs(documents);
  }
  listDocuments(patientId: string): Promise<string[]> {
    return this.inner.listDocuments(patientId);
  }
  readAudit(patientId: string) {
    return this.inner.readAudit(patientId);
  }
  check(): Promise<boolean> {
    return this.inner.check();
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}
