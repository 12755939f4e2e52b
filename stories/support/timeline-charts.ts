import { firstValue } from '../../model/index.js';
import { openChartStore } from '../../storage/index.js';
import {
  conflictAllergy,
  icuTimelineStore,
  timelineStore,
} from '../../test/support/charts/timeline.js';
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
