import type { Doc } from 'yjs';

// What the store's documents say to the rest of storage/, apart from the
// code that handles them (document-engine.ts, loaded when first needed).

/** The Y.Array of a chart document that holds its revisions, one JSON string each. */
export const REVISIONS = 'revisions';

export interface DocumentEvents {
  /**
   * A revision in an update from a peer did not validate, is for another
   * patient than the document's, or breaks the revision rule (a parent this
   * device does not hold, a second root, a signed note changed): kept in the
   * log, not projected.
   */
  onRejectedRevision?(doc: string, message: string): void;
  /** An update a peer sent could not be saved (the store reports it; the document reloads from the log). */
  onSaveFailed?(doc: string, error: unknown): void;
}

/** A document kept loaded for someone who uses it (a note editor, a sync provider). */
export interface HeldDocument {
  doc: Doc;
  /** Lets go; the last holder of a note document unloads it. Calling it again does nothing. */
  release(): void;
  /**
   * The sync server holds at least this state (an encoded state vector), and
   * every change made before `at` (`changeTime()` when the probe it answered
   * was sent): the document's local changes stop counting as unsent once it
   * holds them all.
   */
  markSent(stateVector: Uint8Array, at: number): Promise<void>;
}
