import {
  ALLERGY_CLINICAL,
  ALLERGY_VERIFICATION,
  SNOMED,
  type AllergyIntolerance,
  type ChartRecord,
  type ChartUser,
} from '../../model/index.js';
import { allergyStatus, classifyAllergy, type NoKnownScope } from '../../clinical/index.js';
import type {
  AllergyCategory,
  AllergyCriticality,
  ReactionSeverity,
} from '../../clinical/allergy-entry.js';
import type { AllergySubstance } from '../../clinical/data/allergy-substances.js';
import { REACTION_MANIFESTATIONS } from '../../clinical/data/reaction-manifestations.js';
import { allergyFormMessages as m } from './allergy-form.messages.js';

// What the clinician typed, as the FHIR AllergyIntolerance the form saves;
// the "no known allergy" assertions; and which assertions a new allergy
// supersedes. Pure: the element keeps the fields, this builds and checks.

export interface ReactionFields {
  /** A SNOMED CT code from REACTION_MANIFESTATIONS, or empty. */
  manifestation: string;
  severity: ReactionSeverity | '';
}

export interface AllergyFields {
  substance: AllergySubstance | undefined;
  substanceText: string;
  category: AllergyCategory | '';
  criticality: AllergyCriticality | '';
  verification: 'unconfirmed' | 'confirmed';
  /** YYYY-MM-DD, or empty. */
  onset: string;
  reactions: ReactionFields[];
}

export type AllergyProblems = Partial<Record<'substance' | 'onset' | `reaction-${number}`, string>>;

export const emptyAllergyFields = (): AllergyFields => ({
  substance: undefined,
  substanceText: '',
  category: '',
  criticality: '',
  verification: 'unconfirmed',
  onset: '',
  reactions: [{ manifestation: '', severity: '' }],
});

export function allergyProblems(fields: AllergyFields): AllergyProblems {
  const problems: AllergyProblems = {};
  if (!fields.substance && !fields.substanceText.trim()) problems.substance = m.problem.substance;
  if (fields.onset && !/^\d{4}-\d{2}-\d{2}$/.test(fields.onset)) problems.onset = m.problem.onset;
  fields.reactions.forEach((reaction, index) => {
    if (reaction.severity && !reaction.manifestation)
      problems[`reaction-${index}`] = m.problem.manifestation;
  });
  return problems;
}

const status = (system: string, code: string) => ({ coding: [{ system, code }] });

export function draftAllergy(
  fields: AllergyFields,
  patientId: string,
  user: Pick<ChartUser, 'displayName'>,
  now: string,
  id: string,
): AllergyIntolerance & { id: string } {
  const { substance } = fields;
  const reactions = fields.reactions.flatMap((reaction) => {
    const found = REACTION_MANIFESTATIONS.find((r) => r.code === reaction.manifestation);
    if (!found) return [];
    return [
      {
        manifestation: [{ coding: [{ ...found }] }],
        ...(reaction.severity && { severity: reaction.severity }),
      },
    ];
  });
  return {
    resourceType: 'AllergyIntolerance',
    id,
    clinicalStatus: status(ALLERGY_CLINICAL, 'active'),
    verificationStatus: status(ALLERGY_VERIFICATION, fields.verification),
    ...(fields.category && { category: [fields.category] }),
    ...(fields.criticality && { criticality: fields.criticality }),
    code: substance
      ? { coding: [{ system: substance.system, code: substance.code, display: substance.display }] }
      : { text: fields.substanceText.trim() },
    patient: { reference: `Patient/${patientId}` },
    ...(fields.onset && { onsetDateTime: fields.onset }),
    recordedDate: now,
    recorder: { display: user.displayName },
    ...(reactions.length && { reaction: reactions }),
  };
}

/** The SNOMED CT situations the form asserts (codes as clinical/allergy-entry.ts reads them). */
export const NO_KNOWN = {
  all: { system: SNOMED, code: '716186003', display: 'No known allergy' },
  medication: { system: SNOMED, code: '409137002', display: 'No known drug allergy' },
} as const;
export type Assertion = keyof typeof NO_KNOWN;

export function noKnownAllergy(
  assertion: Assertion,
  patientId: string,
  user: Pick<ChartUser, 'displayName'>,
  now: string,
  id: string,
): AllergyIntolerance & { id: string } {
  return {
    resourceType: 'AllergyIntolerance',
    id,
    clinicalStatus: status(ALLERGY_CLINICAL, 'active'),
    verificationStatus: status(ALLERGY_VERIFICATION, 'confirmed'),
    code: { coding: [{ ...NO_KNOWN[assertion] }] },
    patient: { reference: `Patient/${patientId}` },
    recordedDate: now,
    recorder: { display: user.displayName },
  };
}

/** The current "no known allergy" assertion a record makes in every head, or undefined. */
export function currentAssertion(
  record: ChartRecord<AllergyIntolerance>,
): NoKnownScope | undefined {
  const heads = record.heads.length ? record.heads.map((h) => h.resource) : [record.current];
  const read = heads.map(classifyAllergy);
  return read.every((r) => r.kind === 'no-known') ? read[0]?.scope : undefined;
}

/** Whether a new allergy in these categories takes the place of an assertion of that scope. */
function supersedes(scope: NoKnownScope, categories: readonly AllergyCategory[]): boolean {
  return scope === 'all' || categories.includes(scope as AllergyCategory);
}

/** The assertions a new allergy supersedes: "no known allergies" always, a narrower one in its category. */
export function supersededBy(
  allergy: AllergyIntolerance,
  records: ReadonlyArray<ChartRecord<AllergyIntolerance>>,
): Array<ChartRecord<AllergyIntolerance>> {
  return records.filter((record) => {
    const scope = currentAssertion(record);
    return scope !== undefined && supersedes(scope, allergy.category ?? []);
  });
}

/** The assertion made inactive: a revision whose parent is it, so the log says what replaced it. */
export function retired(assertion: AllergyIntolerance): AllergyIntolerance {
  return { ...structuredClone(assertion), clinicalStatus: status(ALLERGY_CLINICAL, 'inactive') };
}

/** Why an assertion of none may not be recorded now (it contradicts a listed allergy, or is there already); undefined when it may. */
export function assertionRefusal(
  assertion: Assertion,
  records: ReadonlyArray<ChartRecord<AllergyIntolerance>>,
): string | undefined {
  const status = allergyStatus(records);
  const contradicted =
    assertion === 'all'
      ? status.state === 'known'
      : status.entries.some((entry) => entry.categories.includes('medication'));
  if (contradicted) return m.contradicts[assertion];
  if (records.some((record) => currentAssertion(record) === assertion)) return m.already[assertion];
  return undefined;
}
