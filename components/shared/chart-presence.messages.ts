import type { ChartPresence } from '../../model/index.js';

// What every feature element says in place of its list while the patient's
// chart is not on this device: never its "none recorded", which would say
// the chart holds nothing of the kind.

export const chartPresenceMessages = {
  absent: 'This patient’s chart is not on this device yet.',
  importing: 'Loading the chart onto this device…',
} satisfies Record<Exclude<ChartPresence, 'present'>, string>;
