import { Dexie } from 'dexie';
import type { Medication, Revision, TimelineEvent, TimelineKind } from '../model/index.js';
import { doseChanged } from '../clinical/dose-change.js';
import type { ChartDatabase, RecordRow } from './database.js';
import { sortableDate } from './projection.js';
import { doseChangeEvent, timelineEvent } from './timeline-event.js';

// The timeline's entries of a medication that its index does not hold: its
// stop, at its end date, and each change of its dose, when the revision
// that made it was made. The index holds only starts, and a chart holds a
// few hundred medications at most: all are read. The revision log is read
// only for the medications that have been revised (a head with a parent),
// so a chart whose medications were only ever imported costs no more.

const isMedicationLane = (lane: TimelineKind) =>
  lane === 'MedicationRequest' || lane === 'MedicationStatement';

/** A medication's stop at its end date; not grouped under the encounter that started it: a stop comes when it comes. */
function stopOf(row: RecordRow): TimelineEvent[] {
  const event = timelineEvent(row);
  const ended = sortableDate(event.end);
  const { encounter: _encounter, ...stop } = event;
  return ended ? [{ ...stop, date: ended, phase: 'stopped' }] : [];
}

/** The revisions of the medications that have been revised, by id: past ones from the log, and the heads. */
async function revisionsOf(
  db: ChartDatabase,
  revised: readonly RecordRow[],
): Promise<Map<string, Revision>> {
  const past = await db.history
    .where('key')
    .anyOf(revised.map((row) => row.key))
    .toArray();
  const byId = new Map<string, Revision>();
  for (const { patientId: _patientId, ...revision } of past)
    byId.set(revision.revisionId, revision);
  for (const row of revised) for (const head of row.heads) byId.set(head.revisionId, head);
  return byId;
}

/**
 * Each revision that changed a medication's dose. A revision that resolves
 * a conflict changed it only when its dose is none of the versions it
 * resolves; it is then listed against the newest of them.
 */
async function doseChanges(
  db: ChartDatabase,
  rows: readonly RecordRow[],
): Promise<TimelineEvent[]> {
  const revised = rows.filter((row) => row.heads.some((head) => head.parents.length > 0));
  if (revised.length === 0) return [];
  const revisions = await revisionsOf(db, revised);
  const rowOf = new Map(revised.map((row) => [row.key, row]));
  const events: TimelineEvent[] = [];
  for (const revision of revisions.values()) {
    const parents = revision.parents
      .map((id) => revisions.get(id))
      .filter((parent): parent is Revision => parent !== undefined)
      .sort((a, b) => (a.at < b.at ? 1 : -1));
    const after = revision.resource as Medication;
    const [newest] = parents;
    if (!newest || parents.some((p) => !doseChanged(p.resource as Medication, after))) continue;
    events.push(doseChangeEvent(rowOf.get(revision.key)!, revision, newest.resource as Medication));
  }
  return events;
}

/** Stops and dose changes of the patient's medications, in the lanes asked for; unsorted. */
export async function medicationEvents(
  db: ChartDatabase,
  patientId: string,
  lanes: readonly TimelineKind[],
): Promise<TimelineEvent[]> {
  const medications = await Promise.all(
    lanes
      .filter(isMedicationLane)
      .map((lane) =>
        db.records
          .where('[patientId+lane+date]')
          .between([patientId, lane, Dexie.minKey], [patientId, lane, Dexie.maxKey])
          .toArray(),
      ),
  );
  const rows = medications.flat();
  return [...rows.flatMap(stopOf), ...(await doseChanges(db, rows))];
}
