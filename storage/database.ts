import { Dexie, type EntityTable } from 'dexie';
import type { ResourceKey, Revision } from '../model/index.js';
import { countAllDays } from './lane-days.js';
import type { OutboxRow } from './outbox-shapes.js';
import type { Lane } from './projection.js';
import { reindexObservationCodes } from './reindex-observation-codes.js';

// The durable side of a chart: every Yjs update as it was made or received
// (the log), and the projections the live queries read (never a Y.Doc).

/** One Yjs update of one document, in the order it was saved. */
export interface UpdateRow {
  seq?: number;
  doc: string;
  update: Uint8Array;
}

export interface DocumentRow {
  name: string;
  patientId: string;
}

/** A document's local changes the sync server has not confirmed (see sent-changes.ts). */
export interface SentRow {
  name: string;
  patientId: string;
  /** Local changes saved since the server last held all of them. */
  unsent: number;
  /** The document's state vector after the last local change saved: client id → clock. */
  local: Map<number, number>;
  /** What the sync server is known to hold: client id → clock. */
  server: Map<number, number>;
  /** When the last local change was made (`changeTime`); absent in rows saved before it was kept. */
  changedAt?: number;
  /** When the probe of the latest confirmation was sent: the server holds every change made before. */
  confirmedAt?: number;
}

/** A resource as it stands: its head revision(s) and the fields queries range over. */
export interface RecordRow {
  key: ResourceKey;
  patientId: string;
  resourceType: string;
  lane: Lane;
  /** Sortable clinical time; '' when the resource has none (so it stays in the compound indexes). */
  date: string;
  code: string;
  status: string;
  /** 1 when the record has two or more heads (IndexedDB cannot index booleans). */
  conflict: 0 | 1;
  /** The document its revisions are appended to. */
  doc: string;
  /** Newest first; the first is what is shown when there is no conflict. */
  heads: Revision[];
}

/** A revision that a later one replaced: the rest of the audit trail. */
export interface HistoryRow extends Revision {
  patientId: string;
}

/** How many observations of a chart (vital signs, or the others) have their clinical time in one day (see lane-days.ts). */
export interface LaneDayRow {
  patientId: string;
  lane: Lane;
  /** '2024-03-01' (UTC), or a partial date as it is. */
  day: string;
  count: number;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

/** Bumped when what `indexFields` derives changes: the store then rebuilds the projections from the log. */
export const PROJECTION_VERSION = 1;

export class ChartDatabase extends Dexie {
  updates!: EntityTable<UpdateRow, 'seq'>;
  documents!: EntityTable<DocumentRow, 'name'>;
  records!: EntityTable<RecordRow, 'key'>;
  history!: EntityTable<HistoryRow, 'revisionId'>;
  meta!: EntityTable<MetaRow, 'key'>;
  sent!: EntityTable<SentRow, 'name'>;
  laneDays!: Dexie.Table<LaneDayRow, [string, Lane, string]>;
  outbox!: EntityTable<OutboxRow, 'seq'>;

  constructor(name: string, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    // Version 1: the first schema.
    this.version(1).stores({
      updates: '++seq, [doc+seq]',
      documents: 'name, patientId',
      records:
        'key, [patientId+lane+date], [patientId+lane+code+date], [patientId+date], [patientId+conflict]',
      history: 'revisionId, key, *parents',
      meta: 'key',
    });
    // Version 2: the chart's audit trail by patient and time (who changed
    // what in this chart, newest first) needs the patient on each history row.
    this.version(2)
      .stores({ history: 'revisionId, key, *parents, [patientId+at]' })
      .upgrade(async (tx) => {
        const history = tx.table<HistoryRow, string>('history');
        const rows = await history.toArray();
        const records = await tx
          .table<RecordRow, string>('records')
          .bulkGet(rows.map((row) => row.key));
        rows.forEach((row, i) => (row.patientId = records[i]?.patientId ?? ''));
        await history.bulkPut(rows);
      });
    // Version 3: local changes the sync server has not confirmed, kept across
    // reloads (a chart opened offline still says what is waiting).
    this.version(3).stores({ sent: 'name, patientId' });
    // Version 4: observations counted per day, so that the timeline's
    // density strip does not count a month of monitor data key by key.
    this.version(4)
      .stores({ laneDays: '[patientId+lane+day]' })
      .upgrade((tx) => countAllDays(tx.table('records'), tx.table('laneDays')));
    // Version 5: an observation is indexed by its LOINC code wherever that
    // stands among its codings, not by its first coding's code.
    this.version(5)
      .stores({})
      .upgrade((tx) => reindexObservationCodes(tx.table('records')));
    // Version 6: the outbox of revisions made here for the hospital's EHR
    // (outbox-shapes.ts), in queue order, by state and by record.
    this.version(6).stores({
      outbox: '++seq, &revisionId, [state+seq], [key+seq], [patientId+key]',
    });
  }
}
