import type pg from 'pg';

// The sync server's tables in PostgreSQL, and the steps that bring a
// database to them (`emr-kit migrate --postgres URL`). Each step runs once,
// in its own transaction, recorded in sync_migrations; nodes starting
// together take turns through an advisory lock, so a step never runs twice.
//
//   sync_documents       name → patient, last sequence number given (the row is the document's write lock)
//   sync_updates         (document, seq) → update bytes; a compacted update stands at the last number it covers
//   sync_client_owners   (document, Yjs client id) → user, and the number of the update that claimed it
//   sync_audit           one row per accepted update: who (from the token), when, what (size, SHA-256)

export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE sync_documents (
     name text PRIMARY KEY,
     patient_id text NOT NULL,
     last_seq bigint NOT NULL DEFAULT 0
   );
   CREATE INDEX sync_documents_patient ON sync_documents (patient_id, name COLLATE "C");
   CREATE TABLE sync_updates (
     document text NOT NULL REFERENCES sync_documents (name),
     seq bigint NOT NULL,
     data bytea NOT NULL,
     PRIMARY KEY (document, seq)
   );
   CREATE TABLE sync_client_owners (
     document text NOT NULL REFERENCES sync_documents (name),
     client_id bigint NOT NULL,
     user_id text NOT NULL,
     seq bigint NOT NULL,
     PRIMARY KEY (document, client_id)
   );
   CREATE INDEX sync_client_owners_seq ON sync_client_owners (document, seq);
   CREATE TABLE sync_audit (
     id bigserial PRIMARY KEY,
     patient_id text NOT NULL,
     document text NOT NULL,
     seq bigint NOT NULL,
     time timestamptz NOT NULL,
     user_id text NOT NULL,
     user_name text NOT NULL,
     role text NOT NULL,
     bytes integer NOT NULL,
     sha256 text NOT NULL
   );
   CREATE INDEX sync_audit_patient ON sync_audit (patient_id, time, document COLLATE "C", seq);`,
];

/** The advisory lock key migrations hold (any constant; "emrs" in ASCII). */
const MIGRATION_LOCK = 0x656d7273;

/** Applies the steps a database lacks; resolves with the steps applied now. */
export async function migrate(client: pg.ClientBase, schema?: string): Promise<number> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema)}`);
    await client.query(
      'CREATE TABLE IF NOT EXISTS sync_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const applied = await schemaVersion(client);
    for (let version = applied + 1; version <= MIGRATIONS.length; version++) {
      await client.query(MIGRATIONS[version - 1]!);
      await client.query('INSERT INTO sync_migrations (version) VALUES ($1)', [version]);
    }
    await client.query('COMMIT');
    return MIGRATIONS.length - applied;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** The last step applied to the database (0: none). */
export async function schemaVersion(client: pg.ClientBase): Promise<number> {
  const table = await client.query<{ present: boolean }>(
    "SELECT to_regclass('sync_migrations') IS NOT NULL AS present",
  );
  if (!table.rows[0]?.present) return 0;
  const result = await client.query<{ version: number | null }>(
    'SELECT max(version) AS version FROM sync_migrations',
  );
  return result.rows[0]?.version ?? 0;
}

/** A schema name as the store accepts it: lower-case letters, digits and underscores. */
export function quoteIdentifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name))
    throw new Error(
      `not a schema name the sync server uses: ${JSON.stringify(name)} (lower-case letters, digits, _)`,
    );
  return `"${name}"`;
}
