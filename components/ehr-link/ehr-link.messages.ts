import type { EhrLink } from '../../model/index.js';
import type { DeliveryProblem } from './ehr-link.events.js';

// Every text <emr-ehr-link> shows, in one place for translation.

const changes = (count: number) => (count === 1 ? '1 change' : `${count} changes`);

export const ehrLinkMessages = {
  label: 'Hospital record',
  link: {
    idle: 'Up to date with the hospital record',
    sending: 'Sending to the hospital record',
    unreachable: 'Cannot reach the hospital record',
    'sign-in-needed': 'Sign-in needed for the hospital record',
    stopped: 'Stopped sending to the hospital record',
  } satisfies Record<EhrLink, string>,
  /** No source: the host does not give changes back to a hospital record. */
  none: 'Not connected to a hospital record',
  /** "3 changes waiting to send". */
  waiting: (count: number) => `${changes(count)} waiting to send`,
  /** "12 sent". */
  sent: (count: number) => `${count} sent`,
  /** "2 changes kept here only". */
  localOnly: (count: number) => `${changes(count)} kept here only`,
  /** The problem counts, each a button to the records. */
  problem: {
    conflict: (count: number) => `${changes(count)} also changed in the hospital record`,
    'not-accepted': (count: number) => `${changes(count)} not accepted`,
    refused: (count: number) => `${changes(count)} refused`,
  } satisfies Record<DeliveryProblem, (count: number) => string>,
  problemsLabel: 'Changes to look at',
  /** Unreachable: tried again by itself. */
  retrying: 'Changes are kept on this device and sent when it can be reached.',
  /** Sign-in needed: nothing goes out until then. */
  signInNeeded: 'Your sign-in for the hospital record has expired; changes wait on this device.',
  stopped: 'Changes are kept on this device.',
  /** The hospital record's own words, for support. */
  said: (problem: string) => `(${problem})`,
  signIn: 'Sign in again',
  /** For the polite live region. */
  announce: (words: string) => `Hospital record: ${words}`,
};
