import {
  resourceKey,
  type AllergyIntolerance,
  type CardOverride,
  type ChartRecord,
  type ChartStore,
  type DetectedIssue,
  type ResourceKey,
} from '../../model/index.js';
import { overrideIssue } from '../medication-form/override-issues.js';
import { retired, supersededBy } from './allergy-draft.js';
import { allergyFormMessages as m } from './allergy-form.messages.js';

// What saving an allergy writes, in order: the allergy (or assertion) and
// one DetectedIssue per override in one change, then a revision retiring
// each "no known allergy" assertion it supersedes. The allergy goes first:
// if a later write fails, it is listed, and the banner lists allergies
// before any assertion of none.

export interface AllergyWrite {
  resource: AllergyIntolerance & { id: string };
  superseded: Array<ChartRecord<AllergyIntolerance>>;
  detectedIssues: DetectedIssue[];
}

/** The writes for `resource`, given the chart's allergies now and the overrides given. */
export function planAllergyWrite(
  resource: AllergyIntolerance & { id: string },
  isAllergy: boolean,
  records: ReadonlyArray<ChartRecord<AllergyIntolerance>>,
  overrides: readonly CardOverride[],
  patientId: string,
  store: ChartStore,
): AllergyWrite {
  const at = new Date().toISOString();
  return {
    resource,
    superseded: isAllergy ? supersededBy(resource, records) : [],
    detectedIssues: overrides.map((o) => overrideIssue(o, resource, patientId, store.user, at)),
  };
}

export const supersededKeys = (write: AllergyWrite): ResourceKey[] =>
  write.superseded.map((record) => record.key);

export async function writeAllergy(
  store: ChartStore,
  write: AllergyWrite,
  isAllergy: boolean,
): Promise<void> {
  await store.recordAll([write.resource, ...write.detectedIssues], {
    reason: isAllergy ? m.revision : m.assertionRevision,
  });
  const reason = m.supersededRevision(resourceKey(write.resource));
  for (const record of write.superseded) {
    const heads = record.heads.map((head) => head.revisionId);
    if (heads.length === 1) await store.revise(retired(record.current), heads[0]!, { reason });
    else await store.resolveConflict(retired(record.current), heads, { reason });
  }
}
