import {
  CONDITION_CLINICAL,
  CONDITION_CLINICAL_CODES,
  CONDITION_VERIFICATION,
  CONDITION_VERIFICATION_CODES,
  type CodeableConcept,
  type Condition,
} from '../model/index.js';

// Where a Condition belongs on a problem list, read from its coded
// statuses (FHIR R4 condition-clinical, condition-ver-status and
// condition-category, terminology.hl7.org): no text is read for meaning.

export type ConditionClinicalStatus = (typeof CONDITION_CLINICAL_CODES)[number];
export type ConditionVerificationStatus = (typeof CONDITION_VERIFICATION_CODES)[number];

/** http://terminology.hl7.org/CodeSystem/condition-category (FHIR R4; US Core uses the same codes). */
export const CONDITION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/condition-category';

/**
 * `active`: active, recurrence, relapse, or no clinical status (never
 * hidden for want of one); `past`: inactive, remission, resolved;
 * `hidden`: refuted or entered in error, which a list does not show.
 */
export type ProblemPlace = 'active' | 'past' | 'hidden';

function codeIn<C extends string>(
  concept: CodeableConcept | undefined,
  system: string,
  codes: readonly C[],
): C | undefined {
  return concept?.coding?.find(
    (coding): coding is typeof coding & { code: C } =>
      coding.system === system && (codes as readonly string[]).includes(coding.code ?? ''),
  )?.code;
}

export function clinicalStatusOf(condition: Condition): ConditionClinicalStatus | undefined {
  return codeIn(condition.clinicalStatus, CONDITION_CLINICAL, CONDITION_CLINICAL_CODES);
}

export function verificationStatusOf(
  condition: Condition,
): ConditionVerificationStatus | undefined {
  return codeIn(condition.verificationStatus, CONDITION_VERIFICATION, CONDITION_VERIFICATION_CODES);
}

const PAST: ReadonlySet<string> = new Set(['inactive', 'remission', 'resolved']);

export function problemPlace(condition: Condition): ProblemPlace {
  const verification = verificationStatusOf(condition);
  if (verification === 'refuted' || verification === 'entered-in-error') return 'hidden';
  return PAST.has(clinicalStatusOf(condition) ?? '') ? 'past' : 'active';
}

/**
 * An encounter diagnosis and not a problem-list item: what the list leaves
 * out unless asked. A condition with no category (Synthea's have none) is
 * kept on the list: nothing says it is only an encounter's diagnosis.
 */
export function encounterDiagnosisOnly(condition: Condition): boolean {
  const codes = new Set(
    (condition.category ?? []).flatMap((concept) =>
      (concept.coding ?? [])
        .filter((coding) => coding.system === CONDITION_CATEGORY)
        .map((coding) => coding.code),
    ),
  );
  return codes.has('encounter-diagnosis') && !codes.has('problem-list-item');
}

/** Coded when its code has a coding with a code; free text alone is uncoded. */
export function isCoded(condition: Condition): boolean {
  return condition.code?.coding?.some((coding) => !!coding.code) ?? false;
}
