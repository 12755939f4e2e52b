import type { EntityTable, Table } from 'dexie';
import type { DeliveryOutcome, ResourceKey, Revision } from '../model/index.js';
import type { Lane } from './projection.js';
import type { OutboxRow } from './outbox-shapes.js';

// The rows of the chart database and the types of its tables, apart from the
// database class (database.ts) so that its schema upgrades (lane-days.ts,
// reindex-observation-codes.ts) can use them without importing it back.

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

/** What the EHR answered for a revision, from whichever device sent it (delivery-outcomes.ts). */
export interface DeliveryRow extends DeliveryOutcome {
  key: ResourceKey;
  patientId: string;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

/** The chart database's tables, by name: what code that reads or writes rows needs of ChartDatabase. */
export interface ChartTables {
  updates: EntityTable<UpdateRow, 'seq'>;
  documents: EntityTable<DocumentRow, 'name'>;
  records: RecordTable;
  history: EntityTable<HistoryRow, 'revisionId'>;
  meta: EntityTable<MetaRow, 'key'>;
  sent: EntityTable<SentRow, 'name'>;
  laneDays: LaneDayTable;
  outbox: EntityTable<OutboxRow, 'seq'>;
  deliveries: EntityTable<DeliveryRow, 'revisionId'>;
}

export type RecordTable = EntityTable<RecordRow, 'key'>;
export type LaneDayTable = Table<LaneDayRow, [string, Lane, string]>;
