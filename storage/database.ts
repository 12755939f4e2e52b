import { Dexie } from 'dexie';
import type { ChartTables, HistoryRow, RecordRow } from './chart-tables.js';
import { countAllDays } from './lane-days.js';
import { reindexObservationCodes } from './reindex-observation-codes.js';

// The durable side of a chart: every Yjs update as it was made or received
// (the log), and the projections the live queries read (never a Y.Doc). The
// rows are declared in chart-tables.ts.

export type {
  ChartTables,
  DocumentRow,
  HistoryRow,
  LaneDayRow,
  MetaRow,
  RecordRow,
  SentRow,
  UpdateRow,
} from './chart-tables.js';

export { PROJECTION_VERSION } from './schema-versions.js';

export class ChartDatabase extends Dexie implements ChartTables {
  updates!: ChartTables['updates'];
  documents!: ChartTables['documents'];
  records!: ChartTables['records'];
  history!: ChartTables['history'];
  meta!: ChartTables['meta'];
  sent!: ChartTables['sent'];
  laneDays!: ChartTables['laneDays'];
  outbox!: ChartTables['outbox'];
  deliveries!: ChartTables['deliveries'];

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
    // Version 7: what the EHR answered for each revision, from whichever
    // device sent it (delivery-outcomes.ts), by revision and by record.
    this.version(7).stores({ deliveries: 'revisionId, key' });
  }
}
