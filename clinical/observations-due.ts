import type { Patient } from '../model/index.js';
import { deathOf } from './patient-death.js';

// Whether a patient's next set of vital signs is late. A patient who has
// died has none due: an "overdue" marker on their chart would be a false
// alarm, and every false alarm teaches people to overlook the real ones.

export type ObservationsDue =
  | { state: 'not-due' }
  | { state: 'overdue'; minutesSince: number }
  /** The patient has died (FHIR `deceased[x]`); `date` as recorded, when it is. */
  | { state: 'died'; date?: string };

export interface ObservationsDueInput {
  /** Time of the newest set (ISO dateTime); none recorded when absent. */
  newest?: string;
  /** Now, in ms since the epoch. */
  now: number;
  /** How often a set is due, in minutes; 0 or less: never overdue. */
  everyMinutes: number;
  /** The patient, when known: `deceased[x]` decides. */
  patient?: Patient;
}

export function observationsDue({ newest, now, everyMinutes, patient }: ObservationsDueInput): ObservationsDue {
  const died = deathOf(patient);
  if (died) return { state: 'died', ...died };
  if (!newest || !(everyMinutes > 0)) return { state: 'not-due' };
  const minutesSince = (now - Date.parse(newest)) / 60_000;
  return minutesSince > everyMinutes ? { state: 'overdue', minutesSince } : { state: 'not-due' };
}
