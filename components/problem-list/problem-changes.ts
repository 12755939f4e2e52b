import {
  CONDITION_CLINICAL,
  CONDITION_VERIFICATION,
  type ChartUser,
  type Condition,
} from '../../model/index.js';
import { CONDITION_CATEGORY, problemName, type CommonProblem } from '../../clinical/index.js';

// The Conditions the list writes: a new problem-list item, and a problem
// marked resolved. Everything else of a resolved problem is kept as it was.

/** What the clinician chose: a code from the subset, or free text. */
export type ProblemChoice = { coded: CommonProblem } | { text: string };

/** A new active, confirmed problem-list item of the patient. */
export function newProblem(
  patientId: string,
  choice: ProblemChoice,
  recorder: ChartUser,
  now: Date,
  onset?: string,
): Condition {
  const code =
    'coded' in choice
      ? {
          coding: [
            { system: choice.coded.system, code: choice.coded.code, display: choice.coded.display },
          ],
          text: problemName(choice.coded.display),
        }
      : { text: choice.text.trim() };
  return {
    resourceType: 'Condition',
    id: crypto.randomUUID(),
    clinicalStatus: { coding: [{ system: CONDITION_CLINICAL, code: 'active', display: 'Active' }] },
    verificationStatus: {
      coding: [{ system: CONDITION_VERIFICATION, code: 'confirmed', display: 'Confirmed' }],
    },
    category: [
      {
        coding: [
          { system: CONDITION_CATEGORY, code: 'problem-list-item', display: 'Problem List Item' },
        ],
      },
    ],
    code,
    subject: { reference: `Patient/${patientId}` },
    ...(onset ? { onsetDateTime: onset } : {}),
    recordedDate: now.toISOString(),
    recorder: { display: recorder.displayName },
  };
}

/** The problem, resolved on `date` (YYYY-MM-DD): any other abatement is replaced. */
export function resolvedProblem(condition: Condition, date: string): Condition {
  const kept = Object.fromEntries(
    Object.entries(condition).filter(([name]) => !name.startsWith('abatement')),
  ) as Condition;
  return {
    ...kept,
    clinicalStatus: {
      coding: [{ system: CONDITION_CLINICAL, code: 'resolved', display: 'Resolved' }],
    },
    abatementDateTime: date,
  };
}

/** Today in the page's time zone, as a FHIR date. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A YYYY-MM-DD from a date field that is a real day, not after today; else why not. */
export function readDay(
  value: string,
  now = new Date(),
): { day: string } | { problem: 'badDate' | 'futureDate' } {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value)))
    return { problem: 'badDate' };
  return value > today(now) ? { problem: 'futureDate' } : { day: value };
}
