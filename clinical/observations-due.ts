import type { Patient } from '../model/index.js';
import { news2MonitoringMinutes, type News2Result } from './news2.js';
import { deathOf } from './patient-death.js';

// Whether a patient's next set of vital signs is late. A patient who has
// died has none due: an "overdue" marker on their chart would be a false
// alarm, and every false alarm teaches people to overlook the real ones.
// Besides the host's interval, the last NEWS2 sets one (RCP Chart 4: hourly
// at 5 or more, or with a score of 3 in one parameter): the stricter wins.

export type ObservationsDue =
  | { state: 'not-due' }
  /** `news2` when the last NEWS2 set the (shorter) interval, `everyMinutes`; `minutesSince` counts from that set then. */
  | { state: 'overdue'; minutesSince: number; everyMinutes: number; news2?: News2Result }
  /** The patient has died (FHIR `deceased[x]`); `date` as recorded, when it is. */
  | { state: 'died'; date?: string };

/** A set with a NEWS2: its versions' results when in conflict. */
export interface ScoredSet {
  time: string;
  results: readonly News2Result[];
}

export interface ObservationsDueInput {
  /** Time of the newest set (ISO dateTime); none recorded when absent. */
  newest?: string;
  /** Now, in ms since the epoch. */
  now: number;
  /** The newest set with a NEWS2 (none when a newer set has its NEWS2 withheld). */
  scored?: ScoredSet;
  /** How often a set is due, in minutes; 0 or less: never overdue (the host's choice, e.g. for outpatients). */
  everyMinutes: number;
  /** The patient, when known: `deceased[x]` decides. */
  patient?: Patient;
}

export function observationsDue({
  newest,
  scored,
  now,
  everyMinutes,
  patient,
}: ObservationsDueInput): ObservationsDue {
  const died = deathOf(patient);
  if (died) return { state: 'died', ...died };
  if (!(everyMinutes > 0)) return { state: 'not-due' };
  const minutesSince = (time: string) => (now - Date.parse(time)) / 60_000;
  // Versions in conflict: the one that asks for the next set soonest.
  const [strictest] = (scored?.results ?? [])
    .map((result) => ({ result, every: news2MonitoringMinutes(result) }))
    .sort((a, b) => a.every - b.every);
  if (
    scored &&
    strictest &&
    strictest.every < everyMinutes &&
    minutesSince(scored.time) > strictest.every
  ) {
    return {
      state: 'overdue',
      minutesSince: minutesSince(scored.time),
      everyMinutes: strictest.every,
      news2: strictest.result,
    };
  }
  if (newest && minutesSince(newest) > everyMinutes)
    return { state: 'overdue', minutesSince: minutesSince(newest), everyMinutes };
  return { state: 'not-due' };
}
