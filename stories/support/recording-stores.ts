import type { Card, ChartUser, DecisionSupport } from '../../model/index.js';
import { openChartStore } from '../../storage/index.js';
import type { StoryChart } from './story-stores.js';

// What the recording forms' stories need besides the shared story stores: a
// reader's store (no form) and decision support that answers at once.

const VIEWER: ChartUser = { id: 'u-story-viewer', displayName: 'Sam Patient', role: 'patient' };

/** The empty chart opened by a user whose role only reads. */
export async function readOnlyChart(): Promise<StoryChart> {
  const store = await openChartStore({ databaseName: 'emr-kit-story-viewer', user: VIEWER });
  return { store, patientId: 'story-empty' };
}

/** A critical drug–allergy card, as the kit's checks would answer for amoxicillin and a penicillin allergy. */
export const PENICILLIN_CARD: Card = {
  uuid: 'story-penicillin',
  summary: 'Penicillin allergy recorded: amoxicillin is a penicillin',
  detail: 'Recorded: allergy to penicillin V, high criticality, anaphylaxis.',
  indicator: 'critical',
  source: { label: 'Drug–allergy by class' },
  overrideReasons: [
    { system: 'urn:story:reasons', code: 'tolerated', display: 'Tolerated it before' },
  ],
};

/** Decision support answering with `cards` at once. */
export const answering =
  (cards: Card[], notes: string[] = []): DecisionSupport =>
  () =>
    Promise.resolve({ cards, notes });

/** Decision support that never answers: the cards stay pending. */
export const neverAnswering: DecisionSupport = () => new Promise(() => {});
