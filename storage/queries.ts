import { Dexie } from 'dexie';
import {
  ChartStoreError,
  type ChartRecord,
  type FhirResource,
  type Patient,
  type ResourceKey,
  type ResourceType,
  type Revision,
  type TimelineDensity,
  type TimelineDensityQuery,
  type TimelineEvent,
  type TimelineKind,
  type TimelineQuery,
  type VitalsQuery,
  resourceTypes,
} from '../model/index.js';
import { newestFirst, toChartRecord } from './chart-record.js';
import type { ChartDatabase, RecordRow } from './database.js';
import { COUNTED_LANES, countSlices } from './lane-days.js';
import { sortableDate, type Lane } from './projection.js';
import { medicationEvents } from './medication-events.js';
import { timelineEvent } from './timeline-event.js';

// The reads behind the live queries: each one a range over an index.

export { toChartRecord };

/** The lanes a timeline lists: every resource type but the patient, observations split in two. */
const TIMELINE_LANES: readonly TimelineKind[] = resourceTypes.flatMap((type): TimelineKind[] =>
  type === 'Patient' ? [] : type === 'Observation' ? ['vital-signs', 'observation'] : [type],
);

function timelineLanes(
  types: readonly ResourceType[] | undefined,
  kinds: readonly TimelineKind[] | undefined,
): TimelineKind[] {
  const typed = types && new Set<string>(types);
  return TIMELINE_LANES.filter(
    (lane) =>
      (!kinds || kinds.includes(lane)) &&
      (!typed ||
        typed.has(lane === 'vital-signs' || lane === 'observation' ? 'Observation' : lane)),
  );
}

/** Records without a clinical time are indexed with date '': a timeline leaves them out. */
const EARLIEST = '0';

export function chartQueries(db: ChartDatabase) {
  /** Records of some lanes between two times (inclusive from, exclusive to), newest first. */
  async function lanes(
    patientId: string,
    laneNames: readonly Lane[],
    from: string | undefined,
    to: string | undefined,
  ): Promise<RecordRow[]> {
    const ranges = await Promise.all(
      laneNames.map((lane) =>
        db.records
          .where('[patientId+lane+date]')
          .between(
            [patientId, lane, sortableDate(from) ?? Dexie.minKey],
            [patientId, lane, sortableDate(to) ?? Dexie.maxKey],
            true,
            false,
          )
          .toArray(),
      ),
    );
    return ranges.flat().sort(newestFirst);
  }

  return {
    async record(key: ResourceKey): Promise<RecordRow> {
      const row = await db.records.get(key);
      if (!row)
        throw new ChartStoreError('not-found', `${key} is not in the chart on this device.`);
      return row;
    },

    async patient(patientId: string): Promise<ChartRecord<Patient> | undefined> {
      const row = await db.records.get(`Patient/${patientId}`);
      return row ? toChartRecord<Patient>(row) : undefined;
    },

    async lane<R extends FhirResource>(
      patientId: string,
      laneNames: readonly Lane[],
    ): Promise<Array<ChartRecord<R>>> {
      return (await lanes(patientId, laneNames, undefined, undefined)).map((row) =>
        toChartRecord<R>(row),
      );
    },

    /** Observations of one lane: vital signs, or the others. */
    async observations<R extends FhirResource>(
      patientId: string,
      lane: Extract<Lane, 'vital-signs' | 'observation'>,
      { codes, from, to, limit }: VitalsQuery,
    ): Promise<Array<ChartRecord<R>>> {
      if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) {
        throw new ChartStoreError(
          'invalid',
          `An observations query's limit must be a whole number above 0, not ${String(limit)}.`,
        );
      }
      const ranges = await Promise.all(
        (codes ?? [undefined]).map((code) => {
          const range = db.records
            .where(code ? '[patientId+lane+code+date]' : '[patientId+lane+date]')
            .between(
              [patientId, lane, ...(code ? [code] : []), sortableDate(from) ?? Dexie.minKey],
              [patientId, lane, ...(code ? [code] : []), sortableDate(to) ?? Dexie.maxKey],
              true,
              false,
            );
          // Newest first straight from the index, so a limit reads only what it returns.
          return limit === undefined ? range.toArray() : range.reverse().limit(limit).toArray();
        }),
      );
      const rows = ranges.flat().sort(newestFirst);
      return (limit === undefined ? rows : rows.slice(0, limit)).map((row) =>
        toChartRecord<R>(row),
      );
    },

    /** One range per lane, so that a lane left out (or a limit) costs no read of its rows. */
    async timeline(
      patientId: string,
      { types, kinds, from, to, limit }: TimelineQuery,
    ): Promise<TimelineEvent[]> {
      const [lower, upper] = [sortableDate(from) ?? EARLIEST, sortableDate(to) ?? Dexie.maxKey];
      const lanes = timelineLanes(types, kinds);
      const ranges = await Promise.all(
        lanes.map((lane) => {
          const range = db.records
            .where('[patientId+lane+date]')
            .between([patientId, lane, lower], [patientId, lane, upper], true, false);
          return limit === undefined ? range.toArray() : range.reverse().limit(limit).toArray();
        }),
      );
      const events = ranges.flat().sort(newestFirst).map(timelineEvent);
      const stops = (await medicationEvents(db, patientId, lanes)).filter(
        (stop) => stop.date >= lower && (to === undefined || stop.date < upper),
      );
      const all = stops.length
        ? [...events, ...stops].sort((a, b) =>
            a.date < b.date ? 1 : a.date > b.date ? -1 : a.key < b.key ? 1 : -1,
          )
        : events;
      return limit === undefined ? all : all.slice(0, limit);
    },

    /**
     * Counts per bucket and lane, reading no record: observations from their
     * counts per day and the index, other lanes from the index alone.
     * Medication stops and dose changes, which the index does not hold, are
     * counted from the medications, as the timeline lists them.
     */
    async timelineDensity(
      patientId: string,
      { kinds, from, to, span, buckets }: TimelineDensityQuery,
    ): Promise<TimelineDensity> {
      const lanes = timelineLanes(undefined, kinds);
      const laneRange = (lane: TimelineKind, lower: string, upper: string | typeof Dexie.maxKey) =>
        db.records
          .where('[patientId+lane+date]')
          .between([patientId, lane, lower], [patientId, lane, upper], true, false);
      // Read before the counts: a dose change's revisions are in the log, which the counts' transaction does not span.
      const stops = (await medicationEvents(db, patientId, lanes)).map((stop) => stop.date);
      return db.transaction('r', [db.records, db.laneDays], async () => {
        let start = from ? Date.parse(from) : NaN;
        let end = to ? Date.parse(to) : NaN;
        if (Number.isNaN(end) || (Number.isNaN(start) && span === undefined)) {
          const ends = await Promise.all(
            lanes.map(async (lane) => {
              const [oldest] = await laneRange(lane, EARLIEST, Dexie.maxKey).limit(1).keys();
              const [newest] = await laneRange(lane, EARLIEST, Dexie.maxKey)
                .reverse()
                .limit(1)
                .keys();
              return [oldest, newest].map((key) =>
                Date.parse(String((key as unknown as string[] | undefined)?.[2])),
              );
            }),
          );
          const times = [...ends.flat(), ...stops.map(Date.parse)].filter(
            (time) => !Number.isNaN(time),
          );
          if (!times.length) return { buckets: [] };
          if (Number.isNaN(end)) end = Math.max(...times) + 1;
          if (Number.isNaN(start) && span === undefined) start = Math.min(...times);
        }
        if (Number.isNaN(start)) start = end - span!;
        const count = Math.max(1, Math.floor(buckets));
        const edges = Array.from({ length: count + 1 }, (_, i) =>
          new Date(start + ((end - start) * i) / count).toISOString(),
        );
        const perLane = await Promise.all(
          lanes.map(async (lane) => {
            if (COUNTED_LANES.has(lane)) return countSlices(db, patientId, lane, edges);
            // A lane with nothing in the range costs one key read, not a count per bucket.
            if (
              (await laneRange(lane, edges[0]!, edges[count]!).limit(1).primaryKeys()).length === 0
            )
              return undefined;
            return Promise.all(
              edges.slice(0, count).map((edge, i) => laneRange(lane, edge, edges[i + 1]!).count()),
            );
          }),
        );
        const stopsIn = (lower: string, upper: string) =>
          stops.filter((date) => date >= lower && date < upper).length;
        return {
          from: edges[0]!,
          to: edges[count]!,
          buckets: edges.slice(0, count).map((edge, i) => ({
            from: edge,
            to: edges[i + 1]!,
            events:
              stopsIn(edge, edges[i + 1]!) +
              lanes.reduce(
                (sum, lane, l) => sum + (lane === 'vital-signs' ? 0 : (perLane[l]?.[i] ?? 0)),
                0,
              ),
            vitalSigns: lanes.reduce(
              (sum, lane, l) => sum + (lane === 'vital-signs' ? (perLane[l]?.[i] ?? 0) : 0),
              0,
            ),
          })),
        };
      });
    },

    async conflicts(patientId: string): Promise<ChartRecord[]> {
      const rows = await db.records.where('[patientId+conflict]').equals([patientId, 1]).toArray();
      return [...rows].sort(newestFirst).map((row) => toChartRecord(row));
    },

    async history(key: ResourceKey): Promise<Revision[]> {
      const [record, past] = await Promise.all([
        db.records.get(key),
        db.history.where('key').equals(key).toArray(),
      ]);
      if (!record)
        throw new ChartStoreError('not-found', `${key} is not in the chart on this device.`);
      const all: Revision[] = [
        ...past.map(({ patientId: _patientId, ...revision }) => revision),
        ...record.heads,
      ];
      return all.sort((a, b) =>
        a.at < b.at ? -1 : a.at > b.at ? 1 : a.revisionId < b.revisionId ? -1 : 1,
      );
    },
  };
}
