import { ClassicLevel } from 'classic-level';
import path from 'node:path';
import type {
  AuditRecord,
  DocumentChanges,
  PrepareWrite,
  StoredUpdate,
  SyncStore,
} from './sync-store.js';

// The embedded store: LevelDB through classic-level, in `<dataDir>/store`.
//
//   updates!<document>!<seq, 12 digits>          → update bytes
//   audit!<patientId>!<time>!<document>!<seq>    → AuditRecord (JSON)
//   clients!<document>!<clientId>                → user id owning that Yjs client id
//
// An update, its audit record and its client-id claims go in one atomic
// batch. Only one process opens the store (LevelDB locks it), so no one else
// writes between a room's reads and its writes: `write` has nothing to hand
// over. Writes are synced to the disk by default (`syncWrites`): a batch
// resolves once it would survive a power cut, not only the process being
// killed; acknowledged means on disk. Turning it off trades that for latency
// (bench/README.md, sync-latency).

const SEQ_DIGITS = 12;
// '!' sorts before every character of a document name, '~' after them.
const END = '~';

export interface LevelStoreOptions {
  /** fsync every write (survives power loss, not only a killed process). Default true. */
  syncWrites?: boolean;
  /** Create the store when the directory has none (default true; false to read an existing one). */
  createIfMissing?: boolean;
}

export function storeLocation(dataDir: string): string {
  return path.join(dataDir, 'store');
}

export class LevelStore implements SyncStore {
  readonly #db: ClassicLevel<string, Uint8Array>;
  readonly #updates;
  readonly #audit;
  readonly #clients;
  readonly #sync: boolean;
  /** Next sequence number per document, read from the store on first use. */
  readonly #nextSeq = new Map<string, number>();

  private constructor(db: ClassicLevel<string, Uint8Array>, options: LevelStoreOptions) {
    this.#db = db;
    this.#updates = db.sublevel<string, Uint8Array>('updates', { valueEncoding: 'view' });
    this.#audit = db.sublevel<string, AuditRecord>('audit', { valueEncoding: 'json' });
    this.#clients = db.sublevel<string, string>('clients', { valueEncoding: 'utf8' });
    this.#sync = options.syncWrites ?? true;
  }

  /** Opens (creating when missing) the store in a data directory. Fails when another process holds it. */
  static async open(dataDir: string, options: LevelStoreOptions = {}): Promise<LevelStore> {
    const db = new ClassicLevel<string, Uint8Array>(storeLocation(dataDir), {
      valueEncoding: 'view',
      createIfMissing: options.createIfMissing ?? true,
    });
    try {
      await db.open();
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      if (cause?.code === 'LEVEL_LOCKED') {
        throw new Error(
          `the store in ${dataDir} is in use by another process (a running sync server? it answers GET /audit?patient=ID)`,
          { cause: error },
        );
      }
      if (!(options.createIfMissing ?? true) && cause?.message?.includes('No such file'))
        throw new Error(`no sync server store in ${dataDir}`, { cause: error });
      throw error;
    }
    return new LevelStore(db, options);
  }

  async loadUpdates(document: string): Promise<Uint8Array[]> {
    return (await this.readSince(document, 0)).updates.map(({ update }) => update);
  }

  async loadClientOwners(document: string): Promise<Map<number, string>> {
    const entries = await this.#clients
      .iterator({ gt: `${document}!`, lt: `${document}!${END}` })
      .all();
    return new Map(
      entries.map(([key, userId]) => [Number(key.slice(document.length + 1)), userId]),
    );
  }

  async readSince(document: string, afterSeq: number): Promise<DocumentChanges> {
    const [entries, owners] = await Promise.all([
      this.#updates
        .iterator({ gt: `${document}!${pad(afterSeq)}`, lt: `${document}!${END}` })
        .all(),
      this.loadClientOwners(document),
    ]);
    const updates = entries.map(([key, update]) => ({
      seq: Number(key.slice(document.length + 1)),
      update,
    }));
    const seq = Math.max(afterSeq, (await this.#seq(document)) - 1);
    return { updates, owners, seq };
  }

  async write(document: string, afterSeq: number, prepare: PrepareWrite): Promise<number> {
    const next = await this.#seq(document);
    const missed =
      next - 1 > afterSeq
        ? await this.readSince(document, afterSeq)
        : { updates: [], owners: new Map<number, string>(), seq: afterSeq };
    const updates = prepare(missed);
    if (updates.length > 0) await this.#append(document, updates);
    return (await this.#seq(document)) - 1;
  }

  async #append(document: string, updates: readonly StoredUpdate[]): Promise<void> {
    let seq = await this.#seq(document);
    const operations = [];
    for (const { update, audit, claims = [] } of updates) {
      const key = `${document}!${pad(seq)}`;
      operations.push({ type: 'put' as const, sublevel: this.#updates, key, value: update });
      operations.push({
        type: 'put' as const,
        sublevel: this.#audit,
        key: `${audit.patientId}!${audit.time}!${key}`,
        value: audit,
      });
      for (const clientId of claims)
        operations.push({
          type: 'put' as const,
          sublevel: this.#clients,
          key: `${document}!${clientId}`,
          value: audit.userId,
        });
      seq++;
    }
    await this.#db.batch(operations as never, { sync: this.#sync });
    this.#nextSeq.set(document, seq);
  }

  async replaceUpdates(document: string, merged: Uint8Array, throughSeq: number): Promise<void> {
    const keys = await this.#updates
      .keys({ gt: `${document}!`, lte: `${document}!${pad(throughSeq)}` })
      .all();
    await this.#updates.batch(
      [
        ...keys.map((key) => ({ type: 'del' as const, key })),
        { type: 'put' as const, key: `${document}!${pad(throughSeq)}`, value: merged },
      ],
      { sync: this.#sync } as object,
    );
  }

  async lastSeqs(documents: readonly string[]): Promise<Map<string, number>> {
    return new Map(
      await Promise.all(
        documents.map(async (document): Promise<[string, number]> => [
          document,
          (await this.#seq(document)) - 1,
        ]),
      ),
    );
  }

  async listDocuments(patientId: string): Promise<string[]> {
    // Keys are `<document>!<seq>`, documents `emr/<patientId>/…`: one range over the patient's prefix.
    const prefix = `emr/${patientId}/`;
    const keys = await this.#updates.keys({ gte: prefix, lt: `${prefix}${END}` }).all();
    return [...new Set(keys.map((key) => key.slice(0, key.lastIndexOf('!'))))].sort();
  }

  async readAudit(patientId: string): Promise<AuditRecord[]> {
    return this.#audit.values({ gt: `${patientId}!`, lt: `${patientId}!${END}` }).all();
  }

  async check(): Promise<boolean> {
    return this.#db.status === 'open';
  }

  async close(): Promise<void> {
    await this.#db.close();
  }

  async #seq(document: string): Promise<number> {
    let next = this.#nextSeq.get(document);
    if (next === undefined) {
      const [last] = await this.#updates
        .keys({ gt: `${document}!`, lt: `${document}!${END}`, reverse: true, limit: 1 })
        .all();
      next = last ? Number(last.slice(document.length + 1)) + 1 : 1;
      this.#nextSeq.set(document, next);
    }
    return next;
  }
}

function pad(seq: number): string {
  return String(seq).padStart(SEQ_DIGITS, '0');
}
