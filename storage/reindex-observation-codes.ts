import { Dexie } from 'dexie';
import type { ResourceKey } from '../model/index.js';
import type { RecordTable } from './chart-tables.js';
import { firstKeyAfter } from './index-keys.js';
import { recordRow } from './record-row.js';
import type { Lane } from './projection.js';

// Before schema version 5 an observation was indexed by its first coding's
// code. Queries name observations by LOINC, and a local code often comes
// first, so such an observation was missed: a vital sign left out of a code
// query, a pregnancy status not seen by the vitals grid's NEWS2 rule.

const INDEX = '[patientId+lane+code+date]';
const OBSERVATION_LANES: ReadonlySet<Lane> = new Set<Lane>(['vital-signs', 'observation']);
/** A LOINC code's shape: digits, a hyphen, a check digit. */
const LOINC_SHAPED = /^\d+-\d$/;

/**
 * Re-derives the code of the observations indexed under a code not shaped
 * like LOINC. Skips from one code to the next on the index, so a month of
 * monitor data costs a read per distinct code, not per observation. (A local
 * code shaped like LOINC is taken for LOINC: no system seen writes one.)
 */
export async function reindexObservationCodes(records: RecordTable): Promise<void> {
  const suspects: ResourceKey[] = [];
  const after = (bound?: unknown[]) => firstKeyAfter<[string, Lane, string]>(records, INDEX, bound);
  let key = await after();
  while (key) {
    const [patientId, lane, code] = key;
    if (!OBSERVATION_LANES.has(lane)) {
      key = await after([patientId, lane, Dexie.maxKey]);
      continue;
    }
    if (!LOINC_SHAPED.test(code)) {
      suspects.push(
        ...(await records
          .where(INDEX)
          .between([patientId, lane, code, Dexie.minKey], [patientId, lane, code, Dexie.maxKey])
          .primaryKeys()),
      );
    }
    key = await after([patientId, lane, code, Dexie.maxKey]);
  }
  // Each row derived again as a write derives it; only those whose code moved are written.
  const rows = (await records.bulkGet(suspects)).flatMap((row) => (row ? [row] : []));
  const changed = rows
    .map((row) => recordRow(row.key, row.patientId, row.doc, row.heads))
    .filter((row, i) => row.code !== rows[i]!.code);
  await records.bulkPut(changed);
}
