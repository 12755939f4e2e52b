import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { ChartStore, DeliveryCounts, DeliveryStatusSource } from '../model/index.js';
import '../components/note-list/emr-note-list.js';
import { chartNotOnDevice, type StoryChart } from './support/story-stores.js';
import { failingStore, importingStore, pendingStore } from '../test/support/stand-in-stores.js';
import {
  addendumChart,
  deliveryNoteChart,
  emptyNoteChart,
  fullChart,
} from './support/note-charts.js';

// <emr-note-list> in each of its states.

const meta: Meta = { title: 'Components/Note list', component: 'emr-note-list' };
export default meta;

type Story = StoryObj;

const list = (store: ChartStore, patientId: string) =>
  html`<emr-note-list .store=${store} patient-id=${patientId}></emr-note-list>`;

function onChart(open: () => Promise<StoryChart>): Story {
  return {
    loaders: [async () => ({ chart: await open() })],
    render: (_args, { loaded }) =>
      list((loaded.chart as StoryChart).store, (loaded.chart as StoryChart).patientId),
  };
}

/** Drafts, signed notes and an addendum under its note, newest first. */
export const Notes = onChart(fullChart);

/** One signed note with its addendum. */
export const SignedWithAddendum = onChart(addendumChart);

/**
 * On a page that gives changes back to the hospital record (a delivery in
 * `deliveryStatusContext`, here set as the `delivery` property): each note
 * not simply sent says where it stands, in words with an icon.
 */
export const DeliveryToHospitalRecord: Story = {
  loaders: [async () => ({ chart: await deliveryNoteChart() })],
  render: (_args, { loaded }) => {
    const { store, patientId } = loaded.chart as StoryChart;
    const delivery: DeliveryStatusSource = {
      status: { link: 'idle', counts: {} as DeliveryCounts },
      subscribe: () => () => {},
    };
    return html`<emr-note-list
      .store=${store}
      .delivery=${delivery}
      patient-id=${patientId}
    ></emr-note-list>`;
  },
};

/** A patient with no notes. */
export const Empty = onChart(emptyNoteChart);

/** Nothing of this patient's chart is on this device yet: not "no notes recorded". */
export const NotOnThisDevice = onChart(chartNotOnDevice);

/** The chart is being imported here: loading, not "no notes recorded". */
export const LoadingTheChart: Story = { render: () => list(importingStore(), 'importing') };

/** The store has not answered yet. */
export const Pending: Story = { render: () => list(pendingStore(), 'any-patient') };

/** The store fails. */
export const StoreError: Story = {
  render: () => list(failingStore('unavailable', 'IndexedDB is not available'), 'any-patient'),
};
