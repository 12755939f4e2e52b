import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { waitFor } from 'storybook/test';
import type { ChartStore } from '../model/index.js';
import '../components/problem-list/emr-problem-list.js';
import { problemChart } from './support/problem-charts.js';
import { chartNotOnDevice, emptyChart, syntheaChart } from './support/story-stores.js';
import { failingStore, importingStore, pendingStore } from '../test/support/stand-in-stores.js';

interface Loaded {
  store: ChartStore;
  patientId: string;
}

const meta: Meta = {
  title: 'Elements/Problem list',
  component: 'emr-problem-list',
  args: { headingLevel: 2, encounterDiagnoses: false },
  argTypes: { headingLevel: { control: { type: 'number', min: 1, max: 6 } } },
  render: (args, { loaded }) => {
    const { store, patientId } = loaded as Loaded;
    return html`<emr-problem-list
      .store=${store}
      patient-id=${patientId}
      heading-level=${args.headingLevel}
      ?encounter-diagnoses=${args.encounterDiagnoses}
    ></emr-problem-list>`;
  },
};
export default meta;

type Story = StoryObj;

/** Every clinical status, provisional and differential diagnoses, each form of onset and end, a severity; two records (refuted, entered in error) counted, not shown; an encounter diagnosis behind the toggle. */
export const EveryStatus: Story = {
  loaders: [() => problemChart('every')],
};

/** The same list with encounter diagnoses shown. */
export const WithEncounterDiagnoses: Story = {
  args: { encounterDiagnoses: true },
  loaders: [() => problemChart('every')],
};

/** A Synthea patient with 20 conditions: 17 active, 3 resolved. */
export const SyntheaPatient: Story = {
  loaders: [() => syntheaChart('fletcher')],
};

/** A patient viewing their own chart: no forms. */
export const ReadOnly: Story = {
  loaders: [
    () => problemChart('every', { id: 'u-patient', displayName: 'Sam Patient', role: 'patient' }),
  ],
};

/** Two clinicians changed a problem's severity at the same time: both versions, until a clinician keeps one. */
export const Conflict: Story = {
  loaders: [() => problemChart('conflict')],
};

/** The record form open, "asth" typed: the matches from the shipped SNOMED CT subset, and free text. */
export const RecordingAProblem: Story = {
  loaders: [() => problemChart('every')],
  play: async ({ canvasElement }) => {
    const list = canvasElement.querySelector('emr-problem-list')!;
    const button = await waitFor(() => {
      const found = list.shadowRoot?.querySelector<HTMLButtonElement>('[data-action="record"]');
      if (!found) throw new Error('the list has not rendered yet');
      return found;
    });
    button.click();
    await list.updateComplete;
    const search = list.shadowRoot!.querySelector<HTMLInputElement>('#problem-search')!;
    search.value = 'asth';
    search.dispatchEvent(new Event('input'));
  },
};

/** A chart with no problems. */
export const Empty: Story = {
  loaders: [() => emptyChart()],
};

/** Nothing of this patient's chart is on this device yet: not "no problems recorded", and no form. */
export const NotOnThisDevice: Story = {
  loaders: [() => chartNotOnDevice()],
};

/** The chart is being imported here. */
export const LoadingTheChart: Story = {
  loaders: [async () => ({ store: importingStore(), patientId: 'importing' })],
};

/** The store has not answered yet. */
export const Pending: Story = {
  loaders: [async () => ({ store: pendingStore(), patientId: 'pending' })],
};

/** The store failed. */
export const LoadError: Story = {
  loaders: [
    async () => ({
      store: failingStore('unavailable', 'This browser does not allow the chart to be stored.'),
      patientId: 'failing',
    }),
  ],
};
