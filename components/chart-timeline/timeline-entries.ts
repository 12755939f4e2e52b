import type { DoseChange } from '../../clinical/dose-change.js';
import type { ResourceKey, TimelineEvent } from '../../model/index.js';
import type { ColumnView } from '../vitals-grid/vitals-columns.js';

// The rows of the timeline, from the store's events: vital signs taken at
// the same time become one set, and what belongs to an encounter sits under
// it. Pure: no DOM, no store.

/** What an entry says in clinicians' words (entry-words.ts works it out). */
export type EntryWords =
  /** `others`: readings the grid has no row for (a pain score), as the store words them. */
  | { type: 'vital-signs'; view: ColumnView; others: string[] }
  | { type: 'dose-change'; change: DoseChange; author: string }
  | { type: 'note'; excerpt: string };

export interface TimelineEntry {
  /** Unique in the list: the first event's key (with `#stopped` for a medication's stop, `#dose-changed@` and the revision for a dose change), or the set's time. */
  id: string;
  type: 'event' | 'vital-signs' | 'encounter';
  /** When (sortable ISO); a set's shared time. */
  date: string;
  /** One event, or each observation of a vital-sign set. */
  events: TimelineEvent[];
  /** 1 under an encounter. */
  level: 0 | 1;
  /** The encounter an entry of level 1 belongs to. */
  group?: { key: ResourceKey; title: string };
  /** Any of its events has unresolved conflicting changes. */
  conflict: boolean;
  /** What it says in clinicians' words, once worked out (entry-words.ts); the store's titles and values until then. */
  words?: EntryWords;
}

function single(event: TimelineEvent): TimelineEntry {
  const type = event.kind === 'Encounter' ? 'encounter' : 'event';
  // A medication's stop and its dose changes are further entries of the same record.
  const id =
    event.phase === 'dose-changed'
      ? `${event.key}#dose-changed@${event.revisions?.[0]?.revisionId ?? event.date}`
      : event.phase
        ? `${event.key}#${event.phase}`
        : event.key;
  return { id, type, date: event.date, events: [event], level: 0, conflict: event.conflict };
}

/** Vital signs of one time, as one entry; everything else one entry each. Newest first. */
export function vitalSets(events: readonly TimelineEvent[]): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  const sets = new Map<string, TimelineEntry>();
  for (const event of events) {
    if (event.kind !== 'vital-signs') {
      entries.push(single(event));
      continue;
    }
    const set = sets.get(event.date);
    if (set) {
      set.events.push(event);
      set.conflict ||= event.conflict;
      continue;
    }
    const entry: TimelineEntry = {
      id: `vital-signs@${event.date}`,
      type: 'vital-signs',
      date: event.date,
      events: [event],
      level: 0,
      conflict: event.conflict,
    };
    sets.set(event.date, entry);
    entries.push(entry);
  }
  return entries;
}

/** The encounter an entry belongs to: a set belongs to one when all its observations do. */
function encounterOf(entry: TimelineEntry): ResourceKey | undefined {
  const first = entry.events[0]!.encounter;
  return first && entry.events.every((e) => e.encounter === first) ? first : undefined;
}

const newerFirst = (a: { date: string; id: string }, b: { date: string; id: string }) =>
  a.date < b.date ? 1 : a.date > b.date ? -1 : a.id < b.id ? 1 : a.id > b.id ? -1 : 0;

/**
 * Entries under their encounters. An encounter heads its group where its
 * newest entry is; entries outside any encounter shown keep their place.
 * `encounters` are every encounter that may be shown (in the window).
 */
export function groupByEncounter(
  entries: readonly TimelineEntry[],
  encounters: readonly TimelineEvent[],
): TimelineEntry[] {
  const heads = new Map(
    encounters.map((event) => [event.key, { head: single(event), members: [] as TimelineEntry[] }]),
  );
  const top: Array<{ date: string; id: string; rows: TimelineEntry[] }> = [];
  for (const entry of entries) {
    const group = heads.get(encounterOf(entry) as ResourceKey);
    if (group && entry.type !== 'encounter')
      group.members.push({
        ...entry,
        level: 1,
        group: { key: group.head.id as ResourceKey, title: group.head.events[0]!.title },
      });
    else if (!heads.has(entry.id as ResourceKey))
      top.push({ date: entry.date, id: entry.id, rows: [entry] });
  }
  for (const { head, members } of heads.values()) {
    const newest = members[0]?.date;
    top.push({
      date: newest && newest > head.date ? newest : head.date,
      id: head.id,
      rows: [head, ...members],
    });
  }
  return top.sort(newerFirst).flatMap((item) => item.rows);
}
