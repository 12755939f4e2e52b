import { Dexie } from 'dexie';
import { ChartStoreError, writeBundle, type FhirBundle } from '../model/index.js';
import type { ChartDatabase } from './database.js';

/**
 * `ChartStore.exportPatient`: the current version of every record of the
 * patient's chart as a Bundle, the patient first, then by clinical time.
 * Refused while a record is in conflict: an export must not pick one side.
 */
export async function exportPatientBundle(
  db: ChartDatabase,
  patientId: string,
  type: 'collection' | 'transaction' | undefined,
): Promise<FhirBundle> {
  const rows = await db.records
    .where('[patientId+date]')
    .between([patientId, Dexie.minKey], [patientId, Dexie.maxKey])
    .toArray();
  if (rows.length === 0)
    throw new ChartStoreError('not-found', `No chart for patient ${patientId} on this device.`);
  const inConflict = rows.filter((row) => row.conflict === 1);
  if (inConflict.length > 0) {
    throw new ChartStoreError(
      'stale',
      `${inConflict.length} record(s) have conflicting changes (${inConflict
        .slice(0, 3)
        .map((r) => r.key)
        .join(', ')}): resolve them before exporting.`,
    );
  }
  rows.sort((a, b) =>
    a.resourceType === 'Patient'
      ? -1
      : b.resourceType === 'Patient'
        ? 1
        : a.date < b.date
          ? -1
          : a.date > b.date
            ? 1
            : 0,
  );
  return writeBundle(
    rows.map((row) => row.heads[0]!.resource),
    { type },
  );
}
