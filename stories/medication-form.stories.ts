import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { waitFor } from 'storybook/test';
import type { ChartStore, DecisionSupport } from '../model/index.js';
import '../components/medication-form/emr-medication-form.js';
import {
  answering,
  neverAnswering,
  PENICILLIN_CARD,
  readOnlyChart,
} from './support/recording-stores.js';
import { chartNotOnDevice, emptyChart } from './support/story-stores.js';
import { failingStore, pendingStore } from '../test/support/stand-in-stores.js';

interface Loaded {
  store: ChartStore;
  patientId: string;
  decisionSupport?: DecisionSupport;
}

const meta: Meta = {
  title: 'Elements/Medication form',
  component: 'emr-medication-form',
  render: (_args, { loaded }) => {
    const { store, patientId, decisionSupport } = loaded as Loaded;
    return html`<emr-medication-form
      .store=${store}
      .decisionSupport=${decisionSupport}
      patient-id=${patientId}
    ></emr-medication-form>`;
  },
};
export default meta;

type Story = StoryObj;

/** The form inside the element's shadow root, once rendered. */
const formOf = (canvas: HTMLElement) =>
  waitFor(() => {
    const root = canvas.querySelector('emr-medication-form')?.shadowRoot;
    if (!root?.querySelector('form')) throw new Error('the form has not rendered yet');
    return root;
  });

/** Types into a field of the form. */
function type(root: ShadowRoot, id: string, value: string) {
  const field = root.querySelector<HTMLInputElement | HTMLSelectElement>(`#${id}`)!;
  field.value = value;
  field.dispatchEvent(new Event(field instanceof HTMLSelectElement ? 'change' : 'input'));
}

/** Amoxicillin 500 mg three times daily, chosen from the search. */
const amoxicillin: Story['play'] = async ({ canvasElement }) => {
  const root = await formOf(canvasElement);
  type(root, 'drug', 'amox 500');
  const option = await waitFor(() => {
    const found = root.querySelector<HTMLElement>('[role="option"]');
    if (!found) throw new Error('no match yet');
    return found;
  });
  option.click();
  type(root, 'dose', '500');
  type(root, 'frequency', 'three-times-daily');
};

/** A new, empty form without decision support: it says no medication checks ran. */
export const Empty: Story = { loaders: [() => emptyChart()] };

/** A drug chosen and a dose typed: the medication line previewed as the list will print it. */
export const Drafted: Story = { loaders: [() => emptyChart()], play: amoxicillin };

/** The drug search open, matches listed. */
export const Searching: Story = {
  loaders: [() => emptyChart()],
  play: async ({ canvasElement }) => type(await formOf(canvasElement), 'drug', 'cef'),
};

/** A drug typed that is not on the list: kept as text, marked uncoded (no automatic checks). */
export const Uncoded: Story = {
  loaders: [() => emptyChart()],
  play: async ({ canvasElement }) => type(await formOf(canvasElement), 'drug', 'Herbal tonic'),
};

/** Saved with nothing filled in: each field says what it needs. */
export const Invalid: Story = {
  loaders: [() => emptyChart()],
  play: async ({ canvasElement }) =>
    (await formOf(canvasElement))
      .querySelector<HTMLButtonElement>('button[type="submit"]')!
      .click(),
};

/** Decision support still answering: the cards say so. */
export const ChecksPending: Story = {
  loaders: [async () => ({ ...(await emptyChart()), decisionSupport: neverAnswering })],
  play: amoxicillin,
};

/** A critical card for amoxicillin and a penicillin allergy; saving asks for an override reason first. */
export const CriticalCard: Story = {
  loaders: [
    async () => ({ ...(await emptyChart()), decisionSupport: answering([PENICILLIN_CARD]) }),
  ],
  play: async (context) => {
    await amoxicillin(context);
    const root = await formOf(context.canvasElement);
    root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  },
};

/** The store refused the save: what and where, at the form, with what was typed kept. */
export const SaveFailed: Story = {
  loaders: [
    async () => ({
      store: failingStore('quota-exceeded', 'The device is out of storage space.'),
      patientId: 'failing',
    }),
  ],
  play: async ({ canvasElement }) => {
    const root = await formOf(canvasElement);
    type(root, 'drug', 'Herbal tonic');
    type(root, 'dose', '10');
    type(root, 'frequency', 'once-daily');
    root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  },
};

/** A role that only reads sees no form. */
export const ReadOnly: Story = { loaders: [() => readOnlyChart()] };

/** Nothing of this patient's chart is on this device: no form yet. */
export const NotOnThisDevice: Story = { loaders: [() => chartNotOnDevice()] };

/** The store has not answered yet. */
export const Pending: Story = {
  loaders: [async () => ({ store: pendingStore(), patientId: 'pending' })],
};
