import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { waitFor } from 'storybook/test';
import type { ChartStore, DecisionSupport } from '../model/index.js';
import '../components/allergy-form/emr-allergy-form.js';
import { answering, readOnlyChart } from './support/recording-stores.js';
import { chartNotOnDevice, emptyChart } from './support/story-stores.js';
import { pendingStore } from '../test/support/stand-in-stores.js';

interface Loaded {
  store: ChartStore;
  patientId: string;
  decisionSupport?: DecisionSupport;
}

const meta: Meta = {
  title: 'Elements/Allergy form',
  component: 'emr-allergy-form',
  render: (_args, { loaded }) => {
    const { store, patientId, decisionSupport } = loaded as Loaded;
    return html`<emr-allergy-form
      .store=${store}
      .decisionSupport=${decisionSupport}
      patient-id=${patientId}
    ></emr-allergy-form>`;
  },
};
export default meta;

type Story = StoryObj;

const formOf = (canvas: HTMLElement) =>
  waitFor(() => {
    const root = canvas.querySelector('emr-allergy-form')?.shadowRoot;
    if (!root?.querySelector('form')) throw new Error('the form has not rendered yet');
    return root;
  });

function type(root: ShadowRoot, id: string, value: string) {
  const field = root.querySelector<HTMLInputElement | HTMLSelectElement>(`#${id}`)!;
  field.value = value;
  field.dispatchEvent(new Event(field instanceof HTMLSelectElement ? 'change' : 'input'));
}

/** A new, empty form with the two assertions, "No known allergies" and "No known drug allergies". */
export const Empty: Story = { loaders: [() => emptyChart()] };

/** The substance search open on "penic". */
export const Searching: Story = {
  loaders: [() => emptyChart()],
  play: async ({ canvasElement }) => type(await formOf(canvasElement), 'substance', 'penic'),
};

/** A substance typed that is not on the list: kept as text, marked uncoded (no automatic checks). */
export const Uncoded: Story = {
  loaders: [() => emptyChart()],
  play: async ({ canvasElement }) =>
    type(await formOf(canvasElement), 'substance', 'Sticking plaster adhesive'),
};

/** Two reactions, the first with its severity. */
export const Reactions: Story = {
  loaders: [() => emptyChart()],
  play: async ({ canvasElement }) => {
    const root = await formOf(canvasElement);
    type(root, 'manifestation-0', '39579001');
    type(root, 'severity-0', 'severe');
    root.querySelector<HTMLButtonElement>('#add-reaction')!.click();
  },
};

/** Saved with no substance, and a severity without its reaction: each says what it needs. */
export const Invalid: Story = {
  loaders: [() => emptyChart()],
  play: async ({ canvasElement }) => {
    const root = await formOf(canvasElement);
    type(root, 'severity-0', 'mild');
    root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  },
};

/** A new allergy against an active medication: a critical card asks for an override reason before the save. */
export const CriticalCard: Story = {
  loaders: [
    async () => ({
      ...(await emptyChart()),
      decisionSupport: answering([
        {
          summary: 'Active naproxen order: the new aspirin allergy covers NSAIDs',
          indicator: 'critical',
          source: { label: 'Allergy against active medications' },
        },
      ]),
    }),
  ],
  play: async ({ canvasElement }) => {
    const root = await formOf(canvasElement);
    type(root, 'substance', 'aspirin');
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
