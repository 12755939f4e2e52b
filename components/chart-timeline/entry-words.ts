import { POSTPARTUM_DAYS, vitalSignOf } from '../../clinical/index.js';
import { doseChange } from '../../clinical/dose-change.js';
import { noteExcerpt } from '../../clinical/note-excerpt.js';
import type {
  ChartRecord,
  Condition,
  DocumentReference,
  Medication,
  Observation,
  Patient,
  Revision,
} from '../../model/index.js';
import type { VitalsColumn } from '../vitals-grid/vitals-columns.js';
import { columnViews } from '../vitals-grid/vitals-page-controller.js';
import type { EntryWords, TimelineEntry } from './timeline-entries.js';

// What an entry says in clinicians' words, from the revisions its events
// carry: a vital-sign set as the vitals grid shows its column (the grid's
// names, flags and NEWS2, by the grid's own code: adult ranges and NEWS2
// only from the 16th birthday and never in or soon after a pregnancy), a
// dose change on the safe medication line, a note's first words. Pure: no
// DOM, no store.

/** What a vital-sign set is read against, as the vitals grid reads it. */
export interface VitalsContext {
  patient: Patient | undefined;
  conditions: Array<ChartRecord<Condition>> | undefined;
  /** Pregnancy status observations. */
  statuses: Array<ChartRecord<Observation>> | undefined;
  spo2Scale: 1 | 2;
}

/** Words already worked out, by entry and the revisions it was worded from. */
export type WordsCache = Map<string, EntryWords | null>;

const cacheKey = (entry: TimelineEntry) =>
  `${entry.id}|${entry.events.map((e) => e.revisions?.map((r) => r.revisionId).join('+')).join(',')}`;

/** A set as one column of the vitals grid; undefined when the store gave no revisions. */
function columnOf(entry: TimelineEntry): VitalsColumn | undefined {
  if (!entry.events.every((e) => e.revisions?.length)) return undefined;
  return {
    time: entry.date,
    records: entry.events.map((e) => ({
      key: e.key,
      current: e.revisions![0]!.resource as Observation,
      heads: e.revisions as Array<Revision<Observation>>,
    })),
  };
}

/** Readings of a set that the grid has no row for, as the store words them. */
const othersOf = (entry: TimelineEntry): string[] =>
  entry.events
    .filter((e) => !vitalSignOf((e.revisions![0]!.resource as Observation).code))
    .map((e) => (e.value ? `${e.title} ${e.value}` : e.title));

function wordsOf(entry: TimelineEntry): EntryWords | null {
  const [event] = entry.events;
  const revision = event?.revisions?.[0];
  if (!event || !revision) return null;
  if (event.phase === 'dose-changed' && event.before)
    return {
      type: 'dose-change',
      change: doseChange(event.before, revision.resource as Medication),
      author: revision.author.displayName,
    };
  if (event.kind === 'DocumentReference' && event.status !== 'entered-in-error') {
    const excerpt = noteExcerpt(revision.resource as DocumentReference);
    return excerpt && excerpt !== event.title ? { type: 'note', excerpt } : null;
  }
  return null;
}

/**
 * The entries with their words. Vital-sign sets are worded together, as the
 * grid words a page of columns; every entry is worded once for as long as
 * `cache` is kept (the caller starts a new one when the context changes).
 */
export function withWords(
  entries: readonly TimelineEntry[],
  context: VitalsContext,
  cache: WordsCache,
): TimelineEntry[] {
  const sets: Array<{ key: string; column: VitalsColumn; others: string[] }> = [];
  for (const entry of entries) {
    const key = cacheKey(entry);
    if (cache.has(key)) continue;
    if (entry.type !== 'vital-signs') {
      cache.set(key, wordsOf(entry));
      continue;
    }
    const column = columnOf(entry);
    if (column) sets.push({ key, column, others: othersOf(entry) });
    else cache.set(key, null);
  }
  if (sets.length) {
    const { patient, conditions, statuses, spo2Scale } = context;
    const views = columnViews(
      sets.map((s) => s.column),
      {},
      spo2Scale,
      POSTPARTUM_DAYS,
      patient,
      conditions,
      statuses,
    );
    sets.forEach(({ key, others }, i) =>
      cache.set(key, { type: 'vital-signs', view: views[i]!, others }),
    );
  }
  return entries.map((entry) => {
    const words = cache.get(cacheKey(entry));
    return words ? { ...entry, words } : entry;
  });
}
