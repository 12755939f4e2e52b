import { LevelStore, PostgresStore, type SyncStore } from '../sync/server/index.js';
import { EXIT, type Io } from './io.js';

export interface AuditOptions {
  data?: string;
  postgres?: string;
  'postgres-schema'?: string;
  patient: string;
  json: boolean;
}

/** Prints a patient's audit records from a stopped server's data directory, or from PostgreSQL. */
export async function auditCommand(options: AuditOptions, io: Io): Promise<number> {
  let store: SyncStore;
  try {
    store = options.postgres
      ? await PostgresStore.open({
          url: options.postgres,
          schema: options['postgres-schema'],
          poolSize: 1,
        })
      : await LevelStore.open(options.data ?? '', { createIfMissing: false });
  } catch (error) {
    io.err.write(`emr-kit audit: ${(error as Error).message}\n`);
    return EXIT.dataErrors;
  }
  try {
    const records = await store.readAudit(options.patient);
    if (options.json) {
      io.out.write(`${JSON.stringify({ patient: options.patient, records }, null, 2)}\n`);
      return EXIT.ok;
    }
    io.out.write(
      `${records.length} accepted update${records.length === 1 ? '' : 's'} for patient ${options.patient}\n`,
    );
    for (const r of records) {
      io.out.write(
        `${r.time}  ${r.userId} (${r.userName}, ${r.role})  ${r.document}  ${r.bytes} bytes  sha256 ${r.sha256}\n`,
      );
    }
    return EXIT.ok;
  } finally {
    await store.close();
  }
}
