import type { ChartRecord, Condition } from '../../model/index.js';
import { encounterDiagnosisOnly, problemPlace } from '../../clinical/index.js';

export type SectionId = 'active' | 'past';
export const SECTIONS: readonly SectionId[] = ['active', 'past'];

/** The list as shown: problems by section, and what is left out and why. */
export interface ProblemSections {
  groups: Record<SectionId, Array<ChartRecord<Condition>>>;
  /** Records shown. */
  listed: number;
  /** Refuted or entered in error: counted, never shown. */
  hidden: number;
  /** Encounter diagnoses left out while the list shows problem-list items only. */
  encounterDiagnoses: number;
  conflicts: number;
  byKey: Map<string, ChartRecord<Condition>>;
}

/**
 * Sections of the store's answer (newest first, kept). A record in conflict
 * is placed by its newest head, and never hidden: its versions may
 * disagree on whether it is refuted.
 */
export function problemSections(
  records: ReadonlyArray<ChartRecord<Condition>>,
  withEncounterDiagnoses: boolean,
): ProblemSections {
  const groups: ProblemSections['groups'] = { active: [], past: [] };
  const byKey = new Map<string, ChartRecord<Condition>>();
  let hidden = 0;
  let encounterDiagnoses = 0;
  let conflicts = 0;
  for (const record of records) {
    const conflict = record.heads.length > 1;
    const place = problemPlace(record.current);
    if (place === 'hidden' && !conflict) {
      hidden++;
      continue;
    }
    if (encounterDiagnosisOnly(record.current)) {
      encounterDiagnoses++;
      if (!withEncounterDiagnoses) continue;
    }
    if (conflict) conflicts++;
    groups[place === 'past' ? 'past' : 'active'].push(record);
    byKey.set(record.key, record);
  }
  return {
    groups,
    listed: groups.active.length + groups.past.length,
    hidden,
    encounterDiagnoses,
    conflicts,
    byKey,
  };
}
