import { Dexie } from 'dexie';
import {
  ChartStoreError, type ChartRecord, type FhirResource, type Patient, type ResourceKey, type ResourceType,
  type Revision, type TimelineEvent, type TimelineQuery, type VitalsQuery,
} from '../model/index.js';
import type { ChartDatabase, RecordRow } from './database.js';
import type { Lane } from './projection.js';
import { timelineEvent } from './timeline-event.js';

// The reads behind the live queries: each one a range over an index.

export function toChartRecord<R extends FhirResource>(row: RecordRow): ChartRecord<R> {
  return { key: row.key, current: row.heads[0]!.resource as R, heads: row.heads as Array<Revision<R>> };
}

function newestFirst(a: RecordRow, b: RecordRow): number {
  return a.date < b.date ? 1 : a.date > b.date ? -1 : a.key < b.key ? 1 : -1;
}

export function chartQueries(db: ChartDatabase) {
  /** Records of some lanes between two times (inclusive from, exclusive to), newest first. */
  async function lanes(patientId: string, laneNames: readonly Lane[], from: string | undefined, to: string | undefined): Promise<RecordRow[]> {
    const ranges = await Promise.all(laneNames.map((lane) => db.records
      .where('[patientId+lane+date]')
      .between([patientId, lane, from ?? Dexie.minKey], [patientId, lane, to ?? Dexie.maxKey], true, false)
      .toArray()));
    return ranges.flat().sort(newestFirst);
  }

  return {
    async record(key: ResourceKey): Promise<RecordRow> {
      const row = await db.records.get(key);
      if (!row) throw new ChartStoreError('not-found', `${key} is not in the chart on this device.`);
      return row;
    },

    async patient(patientId: string): Promise<ChartRecord<Patient> | undefined> {
      const row = await db.records.get(`Patient/${patientId}`);
      return row ? toChartRecord<Patient>(row) : undefined;
    },

    async lane<R extends FhirResource>(patientId: string, laneNames: readonly Lane[]): Promise<Array<ChartRecord<R>>> {
      return (await lanes(patientId, laneNames, undefined, undefined)).map((row) => toChartRecord<R>(row));
    },

    async vitals<R extends FhirResource>(patientId: string, { codes, from, to }: VitalsQuery): Promise<Array<ChartRecord<R>>> {
      if (!codes) return (await lanes(patientId, ['vital-signs'], from, to)).map((row) => toChartRecord<R>(row));
      const ranges = await Promise.all(codes.map((code) => db.records
        .where('[patientId+lane+code+date]')
        .between([patientId, 'vital-signs', code, from ?? Dexie.minKey], [patientId, 'vital-signs', code, to ?? Dexie.maxKey], true, false)
        .toArray()));
      return ranges.flat().sort(newestFirst).map((row) => toChartRecord<R>(row));
    },

    async timeline(patientId: string, { types, from, to }: TimelineQuery): Promise<TimelineEvent[]> {
      const wanted = types ? new Set<ResourceType>(types) : undefined;
      const rows = await db.records
        .where('[patientId+date]')
        .between([patientId, from ?? '0'], [patientId, to ?? Dexie.maxKey], true, false)
        .filter((row) => row.resourceType !== 'Patient' && (!wanted || wanted.has(row.resourceType as ResourceType)))
        .toArray();
      return rows.sort(newestFirst).map(timelineEvent);
    },

    async conflicts(patientId: string): Promise<ChartRecord[]> {
      const rows = await db.records.where('[patientId+conflict]').equals([patientId, 1]).toArray();
      return rows.sort(newestFirst).map((row) => toChartRecord(row));
    },

    async history(key: ResourceKey): Promise<Revision[]> {
      const [record, past] = await Promise.all([db.records.get(key), db.history.where('key').equals(key).toArray()]);
      if (!record) throw new ChartStoreError('not-found', `${key} is not in the chart on this device.`);
      const all: Revision[] = [...past.map(({ patientId: _patientId, ...revision }) => revision), ...record.heads];
      return all.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.revisionId < b.revisionId ? -1 : 1));
    },
  };
}
