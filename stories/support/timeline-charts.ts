import { firstValue } from '../../model/index.js';
import { openChartStore } from '../../storage/index.js';
import {
  conflictAllergy,
  icuTimelineStore,
  timelineStore,
} from '../../test/support/charts/timeline.js';
import { prescription } from '../../test/support/charts/medications.js';
import { DRAFT_NOTE, recordNote, SIGNED_NOTE } from '../../test/support/charts/notes.js';
import { vitalsObservations } from '../../components/vitals-grid/vitals-observations.js';
import { STORY_USER, type StoryChart } from './story-stores.js';

// Charts for the chart timeline's stories, each seeded once per browser
// profile from the charts the tests use too (test/support/charts/timeline.ts).

let seeded: Promise<StoryChart> | undefined;
/** The small chart, imported once per browser profile. */
export const timelineChart = (): Promise<StoryChart> =>
  (seeded ??= timelineStore('emr-kit-story-timeline', 'story-timeline', STORY_USER).then(
    (store) => ({
      store,
      patientId: 'story-timeline',
    }),
  ));

let conflicted: Promise<StoryChart> | undefined;
/** The small chart with its allergy changed by two clinicians at once (seeded once per browser profile). */
export function timelineConflictChart(): Promise<StoryChart> {
  return (conflicted ??= (async () => {
    const patientId = 'story-timeline-conflict';
    const store = await timelineStore('emr-kit-story-timeline-conflict', patientId, STORY_USER);
    const [record] = await firstValue(store.allergies(patientId));
    if (record!.heads.length < 2) {
      const colleague = await openChartStore({
        databaseName: 'emr-kit-story-timeline-conflict-colleague',
        user: { id: 'u-ben', displayName: 'Ben Carter RN', role: 'nurse' },
      });
      await conflictAllergy(store, colleague, patientId);
      await colleague.close();
    }
    return { store, patientId };
  })());
}

let icuStay: Promise<StoryChart> | undefined;
/** Two days of the stay: 20,160 observations (seeded once per browser profile). */
export const icuTimelineChart = (): Promise<StoryChart> =>
  (icuStay ??= icuTimelineStore('emr-kit-story-timeline-icu', 2, STORY_USER));

let worded: Promise<StoryChart> | undefined;
/**
 * Entries in clinicians' words (seeded once per browser profile): a
 * metformin dose raised from 500 mg to 1,000 mg, a full vital-sign set
 * scoring NEWS2 5 (medium), a signed note and a draft.
 */
export function timelineWordsChart(): Promise<StoryChart> {
  return (worded ??= (async () => {
    const patientId = 'story-timeline-words';
    const store = await openChartStore({
      databaseName: 'emr-kit-story-timeline-words',
      user: STORY_USER,
    });
    if ((await firstValue(store.medications(patientId))).length === 0) {
      await store.record({ resourceType: 'Patient', id: patientId, birthDate: '1958-11-02' });
      const started = await store.record(
        prescription(
          'story-metformin',
          '24 HR Metformin hydrochloride 500 MG Extended Release Oral Tablet',
          500,
          'mg',
          { frequency: 2, patientId, authoredOn: '2024-01-10T09:00:00Z' },
        ),
      );
      const raised = structuredClone(started.resource);
      raised.dosageInstruction![0]!.doseAndRate![0]!.doseQuantity!.value = 1000;
      await store.revise(raised, started.revisionId, { reason: 'dose changed to 1,000 mg' });
      let part = 0;
      await store.recordAll(
        vitalsObservations(
          {
            values: {
              'respiratory-rate': 22,
              'oxygen-saturation': 95,
              'systolic-bp': 112,
              'diastolic-bp': 70,
              'heart-rate': 105,
              temperature: 38.4,
            },
            onOxygen: false,
            consciousness: 'A',
          },
          patientId,
          '2024-03-01T10:00:00.000Z',
          () => `story-words-vitals-${part++}`,
        ),
      );
      await recordNote(store, patientId, SIGNED_NOTE);
      await recordNote(store, patientId, DRAFT_NOTE);
    }
    return { store, patientId };
  })());
}
