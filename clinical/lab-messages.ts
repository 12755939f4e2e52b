import type { LabFlag } from './lab-flag-types.js';

// Every text for people of the laboratory modules (lab-value.ts,
// lab-range.ts, lab-flag.ts), in one object for translation.

export const labMessages = {
  flags: {
    normal: 'Normal',
    low: 'Low',
    high: 'High',
    'critically-low': 'Critically low',
    'critically-high': 'Critically high',
    abnormal: 'Abnormal',
    'critically-abnormal': 'Critically abnormal',
    'no-range': 'No range',
    unflagged: 'Not flagged: the reported bound does not say which side of the range it lies',
  } satisfies Record<LabFlag, string>,
  yes: 'Yes',
  no: 'No',
  noValue: 'No value',
  /** A coded value with neither text nor a display: its code, said to be one. */
  codeOnly: (code: string) => `code ${code}`,
  to: (low: string, high: string) => `${low} to ${high}`,
  atLeast: (low: string) => `≥ ${low}`,
  atMost: (high: string) => `≤ ${high}`,
  /** Why there is no value (data-absent-reason), in words. */
  absent: {
    unknown: 'Not known',
    'asked-unknown': 'Asked, not known',
    'temp-unknown': 'Not known yet',
    'not-asked': 'Not asked',
    'asked-declined': 'Declined',
    masked: 'Withheld',
    'not-applicable': 'Not applicable',
    unsupported: 'Not supported',
    'as-text': 'Given as text',
    error: 'Not reported: error',
    'not-a-number': 'Not a number',
    'negative-infinity': 'Below the measurable range',
    'positive-infinity': 'Above the measurable range',
    'not-performed': 'Not performed',
    'not-permitted': 'Not permitted',
  } as Record<string, string>,
  absentOther: (reason: string) => `No value: ${reason}`,
};
