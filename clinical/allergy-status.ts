import type { AllergyIntolerance, ChartRecord, ResourceKey } from '../model/index.js';
import { allergyEntry, criticalityRank, severityRank, type AllergyEntry } from './allergy-entry.js';
import { allergyMessages as messages } from './allergy-messages.js';
import type { AllergyState, NoKnownScope } from './allergy-types.js';
import { compareNames } from './name-order.js';

// A patient's allergy status in the four states of the NHS CUI Patient
// Banner guidance (PAB-0064): known allergies, no known allergies,
// allergies not recorded, allergies unavailable. The banner is never blank
// and never says "None" when nothing was recorded: "none recorded" and
// "recorded as none" are different facts, and only the second one is safe.
// A "no known allergies" assertion that is not confirmed (unconfirmed,
// presumed, or no verification status) keeps its state but says so in its
// label: the banner shows "No known allergies" in data text style only for
// a confirmed assertion (PAB-0068), and an unverified one must never look
// like it. Refuted and entered-in-error assertions say nothing (see
// allergy-entry.ts).

export type { AllergyEntry } from './allergy-entry.js';
export type { AllergyState, NoKnownScope } from './allergy-types.js';

export interface AllergyStatus {
  state: AllergyState;
  /** The banner's label for the state (English default; codes in `state` for translation). */
  label: string;
  /** Current allergies, most dangerous first. Empty unless `state` is `known`. */
  entries: AllergyEntry[];
  summary: {
    count: number;
    /** The first entry: the most dangerous. */
    top?: AllergyEntry;
    /** "Penicillin (high criticality) and 2 more"; the state label when there is nothing to list. */
    text: string;
  };
  /** What current "no known allergy" assertions cover (empty when there are none). */
  noKnownScopes: NoKnownScope[];
  /**
   * Whether those assertions are confirmed: each scope in `noKnownScopes` has
   * an assertion whose verification status is `confirmed` in every head.
   * Unconfirmed, presumed or absent verification is not confirmed, and the
   * label says so ("No known allergies — unconfirmed"): an unverified "none"
   * is not the same fact as a confirmed one. False when there are none.
   */
  noKnownConfirmed: boolean;
  /**
   * A "no known allergy" assertion stands beside an allergy it covers: the
   * allergy wins (`state` is `known`) and the record needs correcting.
   */
  contradiction: boolean;
  /** The assertions contradicted by a listed allergy. */
  contradicted: ResourceKey[];
  /** Inactive or resolved allergies: history, not current. */
  inactive: AllergyEntry[];
  /** Allergies investigated and refuted. */
  refuted: AllergyEntry[];
  /** Some record (listed or not) has two or more heads. */
  conflict: boolean;
}

/**
 * The status from the store's answer. Pass `undefined` or the store's error
 * when there is no answer to give — the store failed, or it holds nothing for
 * this patient while offline — and the state is `unavailable`. (While a query
 * is still pending, show pending; do not call this.)
 *
 * Decisions where the guidance leaves room:
 * - Entered-in-error records are ignored: as if never written.
 * - Refuted-only, or inactive-only, records give `not-recorded`, not
 *   `no-known-allergies`: refuting one substance, or resolving one allergy,
 *   says nothing about any other, and only an explicit assertion may say
 *   "no known allergies". The refuted and inactive ones are exposed so the
 *   banner can offer them.
 * - An allergy beside a "no known allergy" assertion: the allergy wins and
 *   `contradiction` is set, so a wrong assertion never hides a real allergy.
 */
/**
 * Whether a "no known allergy" record is confirmed: only when every head
 * asserts it, current, with a confirmed verification status. Heads in
 * conflict never make a claim of safety stronger: a head that refutes,
 * ends or withdraws the assertion leaves it unconfirmed.
 */
export function noKnownRecordConfirmed(entry: Pick<AllergyEntry, 'values'>): boolean {
  return entry.values.every((v) => v.kind === 'no-known' && v.verification === 'confirmed');
}

export function allergyStatus(
  records: ReadonlyArray<ChartRecord<AllergyIntolerance>> | undefined | Error,
): AllergyStatus {
  if (records === undefined || records instanceof Error) return empty('unavailable', false);

  const entries: AllergyEntry[] = [];
  const inactive: AllergyEntry[] = [];
  const refuted: AllergyEntry[] = [];
  const noKnown: Array<{ key: ResourceKey; scope: NoKnownScope; confirmed: boolean }> = [];
  let conflict = false;
  for (const record of records) {
    const { placement, entry } = allergyEntry(record);
    conflict ||= entry.conflict;
    if (placement === 'listed') entries.push(entry);
    else if (placement === 'inactive') inactive.push(entry);
    else if (placement === 'refuted') refuted.push(entry);
    else if (placement === 'no-known') {
      const confirmed = noKnownRecordConfirmed(entry);
      for (const value of entry.values)
        if (value.noKnownScope)
          noKnown.push({ key: entry.key, scope: value.noKnownScope, confirmed });
    }
  }
  entries.sort(byDanger);
  inactive.sort(byDanger);
  refuted.sort(byDanger);
  const noKnownScopes = scopesOf(noKnown.map((n) => n.scope));
  const confirmedScopes = scopesOf(noKnown.filter((n) => n.confirmed).map((n) => n.scope));
  const noKnownConfirmed =
    noKnownScopes.length > 0 &&
    noKnownScopes.every((s) => confirmedScopes.includes(s) || confirmedScopes.includes('all'));
  const contradicted = [
    ...new Set(noKnown.filter((n) => entries.some((e) => covers(n.scope, e))).map((n) => n.key)),
  ];
  const lists = { inactive, refuted, noKnownScopes, noKnownConfirmed, conflict };

  if (entries.length) {
    const top = entries[0]!;
    return {
      state: 'known',
      label: messages.state.known,
      entries,
      summary: {
        count: entries.length,
        top,
        text: messages.summary(top.label, top.criticality === 'high', entries.length - 1),
      },
      contradiction: contradicted.length > 0,
      contradicted,
      ...lists,
    };
  }
  if (noKnownScopes.length) {
    const label = messages.noKnownLabel(noKnownScopes, noKnownConfirmed);
    return {
      ...empty('no-known-allergies', conflict),
      label,
      summary: { count: 0, text: label },
      ...lists,
    };
  }
  return { ...empty('not-recorded', conflict), ...lists };
}

function empty(state: AllergyState, conflict: boolean): AllergyStatus {
  const label = messages.state[state];
  return {
    state,
    label,
    entries: [],
    summary: { count: 0, text: label },
    noKnownScopes: [],
    noKnownConfirmed: false,
    contradiction: false,
    contradicted: [],
    inactive: [],
    refuted: [],
    conflict,
  };
}

/** Criticality high, then unable-to-assess, then low or absent (alike); then worst reaction; then name. */
export function byDanger(a: AllergyEntry, b: AllergyEntry): number {
  const rank = (e: AllergyEntry) => (e.criticality === 'low' ? 0 : criticalityRank(e.criticality));
  return (
    rank(b) - rank(a) ||
    severityRank(b.worstSeverity) - severityRank(a.worstSeverity) ||
    compareNames(a.label, b.label) ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  );
}

/** Distinct scopes in a fixed order; `all` alone when present, since it covers the rest. */
function scopesOf(scopes: NoKnownScope[]): NoKnownScope[] {
  if (scopes.includes('all')) return ['all'];
  return (['medication', 'food', 'environment'] as const).filter((s) => scopes.includes(s));
}

/** Whether an assertion of no known allergy in `scope` is contradicted by the entry. */
function covers(scope: NoKnownScope, entry: AllergyEntry): boolean {
  return scope === 'all' || entry.categories.includes(scope);
}
