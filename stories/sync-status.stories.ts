import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { PresenceUser, SyncState, SyncStatusSource } from '../model/index.js';
import '../components/sync-status/emr-sync-status.js';

// <emr-sync-status> in each state. The source is a stand-in that holds one
// state: in a page, the sync layer's chart connection is the source.

const fixed = (state: SyncState): SyncStatusSource => ({ state, subscribe: () => () => {} });

const ERIK: PresenceUser = { id: 'dr-lindqvist', name: 'Dr Erik Lindqvist', color: '#b45309' };
const SAM: PresenceUser = { id: 'nurse-sam', name: 'Sam Adeyemi RN', color: '#0e7490' };

const meta: Meta = {
  title: 'Components/Sync status',
  component: 'emr-sync-status',
};
export default meta;

type Story = StoryObj;

const story = (state: SyncState | undefined): Story => ({
  render: () => html`<emr-sync-status .source=${state && fixed(state)}></emr-sync-status>`,
});

/** In step with the server; two others have the chart open. */
export const Synced = story({ status: 'synced', waiting: 0, peers: [ERIK, SAM] });

/** Alone on the chart. */
export const SyncedAlone = story({ status: 'synced', waiting: 0, peers: [] });

/** Connected, three changes on their way. */
export const ChangesWaiting = story({ status: 'waiting', waiting: 3, peers: [ERIK] });

export const Connecting = story({ status: 'connecting', waiting: 0, peers: [] });

/** No network: the chart keeps working, and counts what is to be sent. */
export const Offline = story({ status: 'offline', waiting: 5, peers: [] });

/** The sign-in expired and a new one was refused too: a button to sign in again. */
export const RefusedSignIn = story({
  status: 'refused',
  waiting: 2,
  peers: [],
  refusal: { reason: 'unauthenticated', message: 'token expired' },
});

/** The account may not open this patient's chart. */
export const RefusedForbidden = story({
  status: 'refused',
  waiting: 0,
  peers: [],
  refusal: { reason: 'forbidden', message: 'token does not allow this patient' },
});

/** The server refused a change from this device. */
export const RefusedChange = story({
  status: 'refused',
  waiting: 1,
  peers: [],
  refusal: { reason: 'rejected', message: 'invalid revision' },
});

/** No source: the chart is not shared. */
export const NotShared = story(undefined);
