// The versions a database of this release carries, apart from the database
// class (database.ts) so that the first reads (first-reads.ts) can check a
// database without loading Dexie.

/** Bumped when what `indexFields` derives changes: the store then rebuilds the projections from the log. */
export const PROJECTION_VERSION = 1;

/**
 * IndexedDB's version of the schema database.ts declares (Dexie's number
 * times ten). The first reads trust a database of this version only; a test
 * holds it to database.ts.
 */
export const INDEXEDDB_VERSION = 70;

/** The meta row holding the version the projections were derived with. */
export const PROJECTION_VERSION_KEY = 'projectionVersion';
