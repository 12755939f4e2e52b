import pg from 'pg';
import { MIGRATIONS, migrate, quoteIdentifier, schemaVersion } from './postgres-schema.js';
import {
  StoreUnavailableError,
  type AuditRecord,
  type DocumentChanges,
  type PrepareWrite,
  type StoredUpdate,
  type SyncStore,
} from './sync-store.js';

// The store on PostgreSQL, shared by every sync process of a deployment
// (postgres-schema.ts has the tables). A write takes the document's row
// lock, hands the room what others stored since its last sequence number,
// and stores the room's updates, their audit records and client-id claims
// in the same transaction, committed before the room sends anything: the
// lock orders writes, so sequence numbers are committed in order and a
// reader never sees a later one without the earlier. Commits are durable
// (PostgreSQL's synchronous_commit, on by default).

export interface PostgresStoreOptions {
  /** postgres://user:password@host:port/database */
  url: string;
  /** Keep the tables in this schema (created by the migration) instead of the user's default. */
  schema?: string;
  /** Bring the database's tables up to date on opening (`emr-kit migrate` does it on its own). Default false. */
  migrate?: boolean;
  /** Connections to keep at most. Default 10. */
  poolSize?: number;
  /** How long a write waits for a connection before it is refused. Default 5 s. */
  connectTimeoutMs?: number;
  /** Told of a connection the pool lost while idle (the server restarted, say). */
  onError?(error: Error): void;
}

export class PostgresStore implements SyncStore {
  readonly #pool: pg.Pool;

  private constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  /** Connects, and checks (or, with `migrate`, brings) the tables up to date. */
  static async open(options: PostgresStoreOptions): Promise<PostgresStore> {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
      ...(options.schema ? { options: `-c search_path=${quoteIdentifier(options.schema)}` } : {}),
    });
    // An idle connection that the server drops must not take the process down.
    pool.on('error', (error) => options.onError?.(error));
    try {
      const client = await pool.connect();
      try {
        if (options.migrate) await migrate(client, options.schema);
        const version = await schemaVersion(client);
        if (version !== MIGRATIONS.length) {
          throw new Error(
            `the database's sync tables are at version ${version}, this server needs ${MIGRATIONS.length}: run emr-kit migrate --postgres URL`,
          );
        }
      } finally {
        client.release();
      }
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new PostgresStore(pool);
  }

  async loadUpdates(document: string): Promise<Uint8Array[]> {
    return (await this.readSince(document, 0)).updates.map(({ update }) => update);
  }

  async loadClientOwners(document: string): Promise<Map<number, string>> {
    const { rows } = await this.#pool.query<{ client_id: string; user_id: string }>(
      'SELECT client_id, user_id FROM sync_client_owners WHERE document = $1',
      [document],
    );
    return new Map(rows.map((row) => [Number(row.client_id), row.user_id]));
  }

  async readSince(document: string, afterSeq: number): Promise<DocumentChanges> {
    return since(this.#pool, document, afterSeq);
  }

  async write(document: string, afterSeq: number, prepare: PrepareWrite): Promise<number> {
    let client: pg.PoolClient;
    try {
      client = await this.#pool.connect();
    } catch (error) {
      throw new StoreUnavailableError(`PostgreSQL: ${(error as Error).message}`, { cause: error });
    }
    let prepared = false;
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const last = await lockDocument(client, document);
      const missed =
        last > afterSeq
          ? await since(client, document, afterSeq)
          : { updates: [], owners: new Map<number, string>(), seq: afterSeq };
      prepared = true;
      const updates = prepare(missed);
      if (updates.length > 0)
        await client.query(INSERT_WRITE, insertParameters(document, last, updates));
      await client.query('COMMIT');
      return last + updates.length;
    } catch (error) {
      broken = error as Error;
      await client.query('ROLLBACK').catch(() => undefined);
      if (!prepared)
        throw new StoreUnavailableError(`PostgreSQL: ${broken.message}`, { cause: error });
      throw error;
    } finally {
      client.release(broken);
    }
  }

  async replaceUpdates(document: string, merged: Uint8Array, throughSeq: number): Promise<void> {
    if (throughSeq < 1) return;
    await this.#transaction(async (client) => {
      await lockDocument(client, document);
      await client.query('DELETE FROM sync_updates WHERE document = $1 AND seq <= $2', [
        document,
        throughSeq,
      ]);
      await client.query('INSERT INTO sync_updates (document, seq, data) VALUES ($1, $2, $3)', [
        document,
        throughSeq,
        toBuffer(merged),
      ]);
    });
  }

  async lastSeqs(documents: readonly string[]): Promise<Map<string, number>> {
    const { rows } = await this.#pool.query<{ name: string; last_seq: string }>(
      'SELECT name, last_seq FROM sync_documents WHERE name = ANY($1)',
      [documents],
    );
    return new Map(rows.map((row) => [row.name, Number(row.last_seq)]));
  }

  async listDocuments(patientId: string): Promise<string[]> {
    const { rows } = await this.#pool.query<{ name: string }>(
      'SELECT name FROM sync_documents WHERE patient_id = $1 AND last_seq > 0 ORDER BY name COLLATE "C"',
      [patientId],
    );
    return rows.map((row) => row.name);
  }

  async readAudit(patientId: string): Promise<AuditRecord[]> {
    const { rows } = await this.#pool.query<AuditRow>(
      'SELECT time, document, patient_id, user_id, user_name, role, bytes, sha256 FROM sync_audit WHERE patient_id = $1 ORDER BY time, document COLLATE "C", seq',
      [patientId],
    );
    return rows.map((row) => ({
      time: row.time.toISOString(),
      document: row.document,
      patientId: row.patient_id,
      userId: row.user_id,
      userName: row.user_name,
      role: row.role,
      bytes: row.bytes,
      sha256: row.sha256,
    }));
  }

  async check(): Promise<boolean> {
    try {
      await this.#pool.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.#pool.end();
  }

  async #transaction(work: (client: pg.PoolClient) => Promise<void>): Promise<void> {
    const client = await this.#pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      await work(client);
      await client.query('COMMIT');
    } catch (error) {
      broken = error as Error;
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release(broken);
    }
  }
}

interface AuditRow {
  time: Date;
  document: string;
  patient_id: string;
  user_id: string;
  user_name: string;
  role: string;
  bytes: number;
  sha256: string;
}

/** Holds the document's row until the transaction ends, making the row when the document is new; resolves with its last sequence number. */
async function lockDocument(client: pg.ClientBase, document: string): Promise<number> {
  const locked = await client.query<{ last_seq: string }>(
    'SELECT last_seq FROM sync_documents WHERE name = $1 FOR UPDATE',
    [document],
  );
  if (locked.rows[0]) return Number(locked.rows[0].last_seq);
  const made = await client.query<{ last_seq: string }>(
    'INSERT INTO sync_documents (name, patient_id) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name RETURNING last_seq',
    [document, patientOf(document)],
  );
  return Number(made.rows[0]!.last_seq);
}

/**
 * What a document holds after `afterSeq`. The updates are read first, then
 * the owners, so every claim of a returned update is among the owners; the
 * last number is the last update's, since numbers are committed in order.
 */
async function since(
  db: pg.Pool | pg.ClientBase,
  document: string,
  afterSeq: number,
): Promise<DocumentChanges> {
  const updates = await db.query<{ seq: string; data: Buffer }>(
    'SELECT seq, data FROM sync_updates WHERE document = $1 AND seq > $2 ORDER BY seq',
    [document, afterSeq],
  );
  const owners = await db.query<{ client_id: string; user_id: string }>(
    'SELECT client_id, user_id FROM sync_client_owners WHERE document = $1 AND seq > $2',
    [document, afterSeq],
  );
  const rows = updates.rows.map((row) => ({
    seq: Number(row.seq),
    update: new Uint8Array(row.data.buffer, row.data.byteOffset, row.data.byteLength),
  }));
  return {
    updates: rows,
    owners: new Map(owners.rows.map((row) => [Number(row.client_id), row.user_id])),
    seq: Math.max(afterSeq, rows.at(-1)?.seq ?? 0),
  };
}

/** One statement: the document's new last number, its updates, their claims and audit records. */
const INSERT_WRITE = `
  WITH document AS (UPDATE sync_documents SET last_seq = $2 WHERE name = $1),
  updates AS (INSERT INTO sync_updates (document, seq, data) SELECT $1, seq, data FROM unnest($3::bigint[], $4::bytea[]) AS t(seq, data)),
  owners AS (
    INSERT INTO sync_client_owners (document, client_id, user_id, seq)
    SELECT $1, client_id, user_id, seq FROM unnest($5::bigint[], $6::text[], $7::bigint[]) AS t(client_id, user_id, seq)
    ON CONFLICT DO NOTHING
  )
  INSERT INTO sync_audit (patient_id, document, seq, time, user_id, user_name, role, bytes, sha256)
  SELECT patient_id, $1, seq, time, user_id, user_name, role, bytes, sha256
  FROM unnest($8::text[], $3::bigint[], $9::timestamptz[], $10::text[], $11::text[], $12::text[], $13::integer[], $14::text[])
    AS t(patient_id, seq, time, user_id, user_name, role, bytes, sha256)`;

function insertParameters(
  document: string,
  last: number,
  updates: readonly StoredUpdate[],
): unknown[] {
  const seqs = updates.map((_, i) => last + 1 + i);
  const claims = updates.flatMap(({ audit, claims = [] }, i) =>
    claims.map((clientId) => ({ clientId, userId: audit.userId, seq: seqs[i]! })),
  );
  const audits = updates.map(({ audit }) => audit);
  return [
    document,
    last + updates.length,
    seqs,
    updates.map(({ update }) => toBuffer(update)),
    claims.map((c) => c.clientId),
    claims.map((c) => c.userId),
    claims.map((c) => c.seq),
    audits.map((a) => a.patientId),
    audits.map((a) => a.time),
    audits.map((a) => a.userId),
    audits.map((a) => a.userName),
    audits.map((a) => a.role),
    audits.map((a) => a.bytes),
    audits.map((a) => a.sha256),
  ];
}

/** Documents are named `emr/<patientId>/…` (model/chart/documents.ts). */
function patientOf(document: string): string {
  return document.split('/')[1] ?? '';
}

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
