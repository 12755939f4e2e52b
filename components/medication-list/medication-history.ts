import type { Medication, Revision } from '../../model/index.js';
import { medicationLine } from '../../clinical/index.js';
import { medicationListMessages as m } from './medication-list.messages.js';
import { endOf } from './medication-sections.js';

// A medication's revision log as people read it: who, when, and what
// changed from the version(s) it replaced ("Dose: 500 mg … → 1,000 mg …").

export interface FieldChange {
  field: keyof typeof m.change;
  /** The value(s) before: one per replaced version that differed (two when a conflict was resolved). */
  before: string[];
  after: string;
}

export interface HistoryEntry {
  revision: Revision<Medication>;
  kind: 'recorded' | 'changed' | 'resolved';
  /** The medication line of this version. */
  line: string;
  changes: FieldChange[];
}

type Reader = (medication: Medication) => string;

const FIELDS: ReadonlyArray<[FieldChange['field'], Reader]> = [
  ['medication', (med) => medicationLine(med).name],
  ['dose', (med) => medicationLine(med).dose],
  ['status', (med) => m.status[med.status] ?? med.status],
  ['end', (med) => endOf(med) ?? m.notRecorded],
];

function changesFrom(
  parents: ReadonlyArray<Revision<Medication>>,
  resource: Medication,
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const [field, read] of FIELDS) {
    const after = read(resource);
    const before = [...new Set(parents.map((parent) => read(parent.resource)))].filter(
      (value) => value !== after,
    );
    if (before.length > 0) changes.push({ field, before, after });
  }
  return changes;
}

/** Each revision with what it changed, newest first. */
export function historyEntries(revisions: ReadonlyArray<Revision<Medication>>): HistoryEntry[] {
  const byId = new Map(revisions.map((revision) => [revision.revisionId, revision]));
  return revisions
    .map((revision): HistoryEntry => {
      const parents = revision.parents
        .map((id) => byId.get(id))
        .filter((p): p is Revision<Medication> => !!p);
      const kind =
        revision.parents.length === 0
          ? 'recorded'
          : revision.parents.length > 1
            ? 'resolved'
            : 'changed';
      return {
        revision,
        kind,
        line: medicationLine(revision.resource).text,
        changes: changesFrom(parents, revision.resource),
      };
    })
    .reverse();
}
