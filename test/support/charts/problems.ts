import type { ChartUser, Condition, Revision } from '../../../model/index.js';
import type { DexieChartStore } from '../../../storage/index.js';
import { documentOf, newRevision } from '../../../storage/new-revision.js';

// Conditions for the problem list's tests and stories: every clinical and
// verification status, both categories, every form of onset and
// abatement, and a problem changed by two people at once.

export const PROBLEM_PATIENT = 'pat-problems';
const CLINICAL = 'http://terminology.hl7.org/CodeSystem/condition-clinical';
const VERIFICATION = 'http://terminology.hl7.org/CodeSystem/condition-ver-status';
const CATEGORY = 'http://terminology.hl7.org/CodeSystem/condition-category';
const SNOMED = 'http://snomed.info/sct';

/** A Condition of the problem patient, coded in SNOMED CT (codes as Synthea writes them). */
export function condition(
  id: string,
  code: string,
  display: string,
  options: {
    clinical?: string;
    verification?: string;
    categoryCode?: 'problem-list-item' | 'encounter-diagnosis';
  } & Partial<Condition> = {},
): Condition {
  const { clinical = 'active', verification = 'confirmed', categoryCode, ...rest } = options;
  return {
    resourceType: 'Condition',
    id,
    clinicalStatus: { coding: [{ system: CLINICAL, code: clinical }] },
    verificationStatus: { coding: [{ system: VERIFICATION, code: verification }] },
    ...(categoryCode ? { category: [{ coding: [{ system: CATEGORY, code: categoryCode }] }] } : {}),
    code: { coding: [{ system: SNOMED, code, display }], text: display },
    subject: { reference: `Patient/${PROBLEM_PATIENT}` },
    ...rest,
  };
}

/** One problem of each status, verification, category and form of onset. */
export function everyProblem(): Condition[] {
  return [
    condition('hypertension', '38341003', 'Hypertension', {
      categoryCode: 'problem-list-item',
      onsetDateTime: '2015-03-02',
      severity: { text: 'Moderate' },
    }),
    condition('asthma', '195967001', 'Asthma', {
      clinical: 'recurrence',
      onsetAge: { value: 45, unit: 'years', system: 'http://unitsofmeasure.org', code: 'a' },
    }),
    condition('migraine', '124171000119105', 'Chronic intractable migraine without aura', {
      clinical: 'relapse',
      onsetPeriod: { start: '2001-05-01', end: '2003-09-30' },
    }),
    condition('otitis', '65363002', 'Otitis media', {
      clinical: 'resolved',
      onsetRange: {
        low: { value: 2, unit: 'years', system: 'http://unitsofmeasure.org', code: 'a' },
        high: { value: 4, unit: 'years', system: 'http://unitsofmeasure.org', code: 'a' },
      },
      abatementString: 'in childhood',
    }),
    condition('prediabetes', '15777000', 'Prediabetes', {
      clinical: 'inactive',
      onsetString: 'before 2010',
      abatementDateTime: '2019-06-01',
    }),
    condition('nsclc', '254637007', 'Non-small cell lung cancer (disorder)', {
      clinical: 'remission',
      onsetDateTime: '1993-10-03',
      abatementPeriod: { start: '1995-01-01', end: '1995-06-30' },
    }),
    condition('suspected', '162573006', 'Suspected lung cancer (situation)', {
      verification: 'provisional',
      onsetDateTime: '2024-01-10',
    }),
    condition('sinusitis', '444814009', 'Viral sinusitis (disorder)', {
      verification: 'differential',
      onsetDateTime: '2024-02-01',
    }),
    condition('refuted', '84757009', 'Epilepsy', { verification: 'refuted' }),
    condition('wrong', '74400008', 'Appendicitis', { verification: 'entered-in-error' }),
    condition('bronchitis', '10509002', 'Acute bronchitis (disorder)', {
      categoryCode: 'encounter-diagnosis',
      onsetDateTime: '2024-03-05',
    }),
  ];
}

/** Two revisions of the same head made at once, as two offline clinicians would: a conflict. */
export async function concurrentProblemRevisions(
  store: DexieChartStore,
  base: Revision<Condition>,
  changes: ReadonlyArray<readonly [ChartUser, Condition]>,
): Promise<Array<Revision<Condition>>> {
  const revisions = changes.map(([author, resource]) =>
    newRevision(resource, [base.revisionId], author),
  );
  await store.documents.append(new Map([[documentOf(base.resource), revisions]]));
  return revisions;
}
