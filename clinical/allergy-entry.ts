import type {
  AllergyIntolerance,
  ChartRecord,
  CodeableConcept,
  ResourceKey,
  Revision,
} from '../model/index.js';
import { ALLERGY_CLINICAL, ALLERGY_VERIFICATION, SNOMED, codeIn } from '../model/index.js';
import { allergyMessages as messages } from './allergy-messages.js';
import type { NoKnownScope } from './allergy-types.js';
import { conceptLabel, lookUp } from './coding.js';

// One allergy record (a ChartRecord, possibly in conflict) read for the
// banner: what each head says, and where the record belongs.

export type AllergyCategory = NonNullable<AllergyIntolerance['category']>[number];
export type AllergyCriticality = NonNullable<AllergyIntolerance['criticality']>;
export type ReactionSeverity = 'mild' | 'moderate' | 'severe';

/**
 * What one head says:
 * - `allergy`: a current allergy, to list (active, or no clinical status:
 *   a missing status never hides an allergy);
 * - `inactive`: inactive or resolved: history, not a current allergy;
 * - `refuted`: investigated and found not to be an allergy;
 * - `entered-in-error`: never existed; ignored;
 * - `no-known`: an active assertion of no known allergy;
 * - `no-known-retired`: such an assertion that is refuted, inactive or has
 *   no clinical status: a claim of safety counts only when plainly current.
 */
export type HeadKind =
  'allergy' | 'inactive' | 'refuted' | 'entered-in-error' | 'no-known' | 'no-known-retired';

/** One head's value, with who wrote it and when. */
export interface AllergyValue {
  revisionId: string;
  author: string;
  at: string;
  kind: HeadKind;
  label: string;
  categories: AllergyCategory[];
  criticality?: AllergyCriticality;
  worstSeverity?: ReactionSeverity;
  /** Manifestation labels, in record order, without repeats. */
  reactions: string[];
  /** Absent verification reads as unconfirmed: nobody said it was confirmed. */
  verification: 'confirmed' | 'unconfirmed';
  noKnownScope?: NoKnownScope;
}

/** A record as the banner lists it. */
export interface AllergyEntry extends Pick<
  AllergyValue,
  'label' | 'categories' | 'criticality' | 'worstSeverity' | 'reactions' | 'verification'
> {
  key: ResourceKey;
  /** Two or more heads: show every value in `values`. When heads in conflict name different substances, `label` names all of them ("A / B"). */
  conflict: boolean;
  /** Every head, newest first. The fields above are the most cautious reading of the heads that place the entry. */
  values: AllergyValue[];
}

/** Where a record goes in the banner. */
export type Placement = 'listed' | 'inactive' | 'refuted' | 'no-known' | 'ignored';

// SNOMED CT "no known allergy" situations (716186003 and its descendants, as
// UK Core allows). 160244002 is the older "No known allergies" concept that
// some systems (e.g. Synthea, Argonaut) still send.
const NO_KNOWN_CODES: Record<string, NoKnownScope> = {
  '716186003': 'all', // No known allergy
  '160244002': 'all', // No known allergies (older concept)
  '409137002': 'medication', // No known drug allergy
  '429625007': 'food', // No known food allergy
  '428607008': 'environment', // No known environmental allergy
};

const CRITICALITY_RANK: Record<AllergyCriticality, number> = {
  high: 3,
  'unable-to-assess': 2,
  low: 1,
};
const SEVERITY_RANK: Record<ReactionSeverity, number> = { severe: 3, moderate: 2, mild: 1 };

export function criticalityRank(criticality: AllergyCriticality | undefined): number {
  return criticality ? CRITICALITY_RANK[criticality] : 0;
}
export function severityRank(severity: ReactionSeverity | undefined): number {
  return severity ? SEVERITY_RANK[severity] : 0;
}

/** The scope of a "no known allergy" assertion, or undefined for anything else. */
export function noKnownScope(code: CodeableConcept | undefined): NoKnownScope | undefined {
  const coded = lookUp(code, SNOMED, NO_KNOWN_CODES);
  if (coded || code?.coding?.length) return coded;
  // Uncoded: only the exact stock phrases, so that "NKDA" typed as text does
  // not show as an allergy called "NKDA".
  const text = code?.text?.trim().toLowerCase().replace(/\.$/, '');
  if (!text) return undefined;
  for (const [scope, phrases] of Object.entries(messages.noKnownPhrases)) {
    if (phrases.includes(text)) return scope as NoKnownScope;
  }
  return undefined;
}

export function classifyAllergy(allergy: AllergyIntolerance): {
  kind: HeadKind;
  scope?: NoKnownScope;
} {
  const verification = codeIn(allergy.verificationStatus, ALLERGY_VERIFICATION);
  if (verification === 'entered-in-error') return { kind: 'entered-in-error' };
  const clinical = codeIn(allergy.clinicalStatus, ALLERGY_CLINICAL);
  const scope = noKnownScope(allergy.code);
  if (scope) {
    return {
      kind: verification !== 'refuted' && clinical === 'active' ? 'no-known' : 'no-known-retired',
      scope,
    };
  }
  if (verification === 'refuted') return { kind: 'refuted' };
  if (clinical === 'inactive' || clinical === 'resolved') return { kind: 'inactive' };
  return { kind: 'allergy' };
}

export function allergyValue(head: Revision<AllergyIntolerance>): AllergyValue {
  const allergy = head.resource;
  const { kind, scope } = classifyAllergy(allergy);
  const reactions = new Set<string>();
  let worst: ReactionSeverity | undefined;
  for (const reaction of allergy.reaction ?? []) {
    if (severityRank(reaction.severity) > severityRank(worst)) worst = reaction.severity;
    const named = reaction.manifestation
      .map(conceptLabel)
      .filter((l): l is string => l !== undefined);
    for (const label of named.length
      ? named
      : [reaction.description?.trim()].filter((d): d is string => !!d)) {
      reactions.add(label);
    }
  }
  const substance =
    conceptLabel(allergy.code) ??
    allergy.reaction?.map((r) => conceptLabel(r.substance)).find((l) => l);
  return {
    revisionId: head.revisionId,
    author: head.author.displayName,
    at: head.at,
    kind,
    label: substance ?? messages.unnamedAllergy,
    categories: [...(allergy.category ?? [])],
    ...(allergy.criticality && { criticality: allergy.criticality }),
    ...(worst && { worstSeverity: worst }),
    reactions: [...reactions],
    verification:
      codeIn(allergy.verificationStatus, ALLERGY_VERIFICATION) === 'confirmed'
        ? 'confirmed'
        : 'unconfirmed',
    ...(scope && { noKnownScope: scope }),
  };
}

/**
 * Where the record goes, most cautious head first: if ANY head is a current
 * allergy the record is listed (never hide an allergy because someone else
 * changed it at the same moment); a "no known allergy" assertion counts only
 * when every head makes it.
 */
export function placement(values: readonly AllergyValue[]): Placement {
  const kinds = new Set(values.map((v) => v.kind));
  if (kinds.has('allergy')) return 'listed';
  if (kinds.has('inactive')) return 'inactive';
  if (kinds.has('refuted')) return 'refuted';
  if (kinds.size === 1 && kinds.has('no-known')) return 'no-known';
  return 'ignored';
}

const PLACED_BY: Record<Placement, HeadKind> = {
  listed: 'allergy',
  inactive: 'inactive',
  refuted: 'refuted',
  'no-known': 'no-known',
  ignored: 'entered-in-error',
};

/** A record always has a head; one handed over without is read through `current`. */
function headsOf(record: ChartRecord<AllergyIntolerance>): Array<Revision<AllergyIntolerance>> {
  if (record.heads.length) return record.heads;
  const author = { id: '', displayName: '', role: 'clinician' as const };
  return [
    { key: record.key, revisionId: '', parents: [], author, at: '', resource: record.current },
  ];
}

/** The record read for the banner, with its placement. */
export function allergyEntry(record: ChartRecord<AllergyIntolerance>): {
  placement: Placement;
  entry: AllergyEntry;
} {
  const values = headsOf(record)
    .map(allergyValue)
    .sort((a, b) => b.at.localeCompare(a.at) || b.revisionId.localeCompare(a.revisionId));
  const where = placement(values);
  // The entry's own fields merge the heads that put it where it is: the
  // highest criticality, the worst severity, every category and reaction.
  const placing = values.filter((v) => v.kind === PLACED_BY[where]);
  const merged = placing.length ? placing : values;
  let criticality: AllergyCriticality | undefined;
  let worst: ReactionSeverity | undefined;
  for (const v of merged) {
    if (criticalityRank(v.criticality) > criticalityRank(criticality)) criticality = v.criticality;
    if (severityRank(v.worstSeverity) > severityRank(worst)) worst = v.worstSeverity;
  }
  const entry: AllergyEntry = {
    key: record.key,
    label: [...new Set(merged.map((v) => v.label))].join(' / '),
    categories: [...new Set(merged.flatMap((v) => v.categories))],
    ...(criticality && { criticality }),
    ...(worst && { worstSeverity: worst }),
    reactions: [...new Set(merged.flatMap((v) => v.reactions))],
    verification: merged.some((v) => v.verification === 'confirmed') ? 'confirmed' : 'unconfirmed',
    conflict: record.heads.length > 1,
    values,
  };
  return { placement: where, entry };
}
