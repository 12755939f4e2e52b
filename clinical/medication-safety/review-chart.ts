import type { AllergyIntolerance, Card } from '../../model/index.js';
import { isActiveMedication } from './active-medication.js';
import { byUrgency } from './card.js';
import { checkMedication } from './check-medication.js';
import type { Medication } from './drug-reading.js';

// The chart as it stands, for the `patient-view` hook: what the checks would
// have said of the patient's current medications had each been entered now
// (an allergy recorded since, a pair of drugs ordered by two prescribers).
// Each current medication is checked against the allergies and the current
// medications listed before it, so a pair is reported once. Only warnings
// and critical findings: what could not be checked is said when a drug is
// entered, not on every opening of the chart.

export interface ReviewChartInput {
  allergies?: readonly AllergyIntolerance[];
  medications?: readonly Medication[];
}

export function reviewChart({ allergies = [], medications = [] }: ReviewChartInput): Card[] {
  const current = medications.filter(isActiveMedication);
  const seen = new Set<string>();
  const cards = current.flatMap((medication, i) =>
    checkMedication({ medication, allergies, medications: current.slice(0, i) }).filter(
      (card) => card.indicator !== 'info' && !seen.has(card.uuid!) && seen.add(card.uuid!),
    ),
  );
  return byUrgency(cards);
}
