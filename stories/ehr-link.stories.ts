import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { DeliveryCounts, DeliveryStatus, DeliveryStatusSource } from '../model/index.js';
import '../components/ehr-link/emr-ehr-link.js';

// <emr-ehr-link> in each state. The source is a plain object that holds one
// status: in a page, the ehr/ layer's delivery controller (deliverChanges) is
// the source.

const fixed = (status: DeliveryStatus): DeliveryStatusSource => ({
  status,
  subscribe: () => () => {},
});

const counts = (some: Partial<DeliveryCounts>): DeliveryCounts => ({
  waiting: 0,
  sent: 0,
  conflict: 0,
  'not-accepted': 0,
  refused: 0,
  'local-only': 0,
  ...some,
});

const meta: Meta = {
  title: 'Components/EHR link',
  component: 'emr-ehr-link',
};
export default meta;

type Story = StoryObj;

const story = (status: DeliveryStatus | undefined): Story => ({
  render: () => html`<emr-ehr-link .source=${status && fixed(status)}></emr-ehr-link>`,
});

/** Everything made here is in the hospital record. */
export const UpToDate = story({ link: 'idle', counts: counts({ sent: 14 }) });

/** Three changes on their way. */
export const Sending = story({ link: 'sending', counts: counts({ waiting: 3, sent: 11 }) });

/** No network, or the hospital record is down: tried again by itself. */
export const Unreachable = story({
  link: 'unreachable',
  counts: counts({ waiting: 5, sent: 9 }),
  problem: 'Service Unavailable (503)',
});

/** The token was refused after a refresh: a button to sign in again. */
export const SignInNeeded = story({
  link: 'sign-in-needed',
  counts: counts({ waiting: 2, sent: 9 }),
  problem: 'token expired',
});

/** The host stopped the delivery. */
export const Stopped = story({ link: 'stopped', counts: counts({ waiting: 1, sent: 9 }) });

/** Problems to look at: each count is a button to those records. */
export const Problems = story({
  link: 'idle',
  counts: counts({ sent: 20, conflict: 1, 'not-accepted': 2, refused: 1 }),
});

/** The hospital does not take some kinds of change from the kit: they stay here. */
export const KeptHereOnly = story({ link: 'idle', counts: counts({ sent: 6, 'local-only': 3 }) });

/** No source: changes are not given back to a hospital record. */
export const NotConnected = story(undefined);
