import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { waitFor } from 'storybook/test';
import type { ChartStore, DeliveryCounts, DeliveryStatusSource } from '../model/index.js';
import '../components/medication-list/emr-medication-list.js';
import { medicationChart, PATIENT_USER } from './support/medication-charts.js';
import { chartNotOnDevice, emptyChart, syntheaChart } from './support/story-stores.js';
import { failingStore, importingStore, pendingStore } from '../test/support/stand-in-stores.js';

interface Loaded {
  store: ChartStore;
  patientId: string;
}

const meta: Meta = {
  title: 'Elements/Medication list',
  component: 'emr-medication-list',
  args: { headingLevel: 2 },
  argTypes: { headingLevel: { control: { type: 'number', min: 1, max: 6 } } },
  render: (args, { loaded }) => {
    const { store, patientId } = loaded as Loaded;
    return html`<emr-medication-list
      .store=${store}
      patient-id=${patientId}
      heading-level=${args.headingLevel}
    ></emr-medication-list>`;
  },
};
export default meta;

type Story = StoryObj;

/** Every section: active (a prescription as needed, units written out, a patient's own statement), not started (a draft), on hold, past. An entered-in-error record is not listed. */
export const EverySection: Story = {
  loaders: [() => medicationChart('sections')],
};

/** A Synthea patient with 12 medication requests: 4 active, 8 stopped. */
export const ActiveAndPast: Story = {
  loaders: [() => syntheaChart('karena')],
};

/** A Synthea patient with 122 medication requests: a long Past section. */
export const LongList: Story = {
  loaders: [() => syntheaChart('fletcher')],
};

/** A Synthea patient who died in 1979 with four prescriptions still recorded as active: a notice says so. */
export const PatientDied: Story = {
  loaders: [() => syntheaChart('vito')],
};

/**
 * On a page that gives changes back to the hospital record (a delivery in
 * `deliveryStatusContext`, here set as the `delivery` property): each
 * medication not simply sent says where it stands, in words with an icon.
 */
export const DeliveryToHospitalRecord: Story = {
  loaders: [() => medicationChart('delivery')],
  render: (_args, { loaded }) => {
    const { store, patientId } = loaded as Loaded;
    const delivery: DeliveryStatusSource = {
      status: { link: 'idle', counts: {} as DeliveryCounts },
      subscribe: () => () => {},
    };
    return html`<emr-medication-list
      .store=${store}
      .delivery=${delivery}
      patient-id=${patientId}
    ></emr-medication-list>`;
  },
};

/** A chart with no medications. */
export const Empty: Story = {
  loaders: [() => emptyChart()],
};

/** Nothing of this patient's chart is on this device yet: not "no medications recorded". */
export const NotOnThisDevice: Story = {
  loaders: [() => chartNotOnDevice()],
};

/** The chart is being imported here: loading, not "no medications recorded". */
export const LoadingTheChart: Story = {
  loaders: [async () => ({ store: importingStore(), patientId: 'importing' })],
};

/** The store has not answered yet. */
export const Pending: Story = {
  loaders: [async () => ({ store: pendingStore(), patientId: 'pending' })],
};

/** The store failed: the browser's storage is switched off. */
export const LoadError: Story = {
  loaders: [
    async () => ({
      store: failingStore('unavailable', 'This browser does not allow the chart to be stored.'),
      patientId: 'failing',
    }),
  ],
};

/**
 * Lines that say more: a course given as dates ("from 3 Mar 2024 to 10 Mar
 * 2024 inclusive"), an infusion rate ("at 2 units per hour"), a weight-based
 * dose ("1 mg/kg"), and a route and frequency sent as ambiguous
 * abbreviations, withheld with one note pointing to the original prescription.
 */
export const DoseLines: Story = {
  loaders: [() => medicationChart('dose-lines')],
};

/** In a page whose section heading is an h2: the list's own heading at h3, its sections at h4. */
export const HeadingLevel3: Story = {
  args: { headingLevel: 3 },
  loaders: [() => medicationChart('sections')],
};

/** Two clinicians changed the warfarin dose at the same time: both versions, each with its author and time, until a clinician chooses. */
export const Conflict: Story = {
  loaders: [() => medicationChart('conflict')],
};

/** Clicks one of warfarin's buttons once the list has rendered it. */
const clickWarfarin =
  (action: string): Story['play'] =>
  async ({ canvasElement }) => {
    const list = canvasElement.querySelector('emr-medication-list')!;
    const button = await waitFor(() => {
      const found = list.shadowRoot?.querySelector<HTMLButtonElement>(
        `[data-key="MedicationRequest/med-warfarin"] [data-action="${action}"]`,
      );
      if (!found) throw new Error('the warfarin entry has not rendered yet');
      return found;
    });
    button.click();
  };

/** The history of a dose changed twice, opened: who, when, dose before and after, and why. */
export const HistoryOpen: Story = {
  loaders: [() => medicationChart('history')],
  play: clickWarfarin('history'),
};

/** The dose form open: the current dose, the unit the new dose keeps. */
export const ChangeDose: Story = {
  loaders: [() => medicationChart('history')],
  play: clickWarfarin('dose'),
};

/** A patient reading their own chart: no actions, and a conflict is shown for a clinician to resolve. */
export const ReadOnly: Story = {
  loaders: [() => medicationChart('conflict', PATIENT_USER)],
};

/** Themed by a host page: global tokens and --emr-medication-list-* properties on a wrapper. */
export const Themed: Story = {
  loaders: [() => medicationChart('sections')],
  render: (_args, { loaded }) => {
    const { store, patientId } = loaded as Loaded;
    const theme = styleMap({
      '--emr-font-family': 'Georgia, "Times New Roman", serif',
      '--emr-color-primary': '#5b21b6',
      '--emr-medication-list-gap': '1rem',
      '--emr-medication-list-item-background': '#f5f3ff',
      '--emr-medication-list-item-border-color': '#5b21b6',
      '--emr-medication-list-item-radius': '12px',
      '--emr-medication-list-item-padding': '1rem 1.25rem',
      '--emr-medication-list-heading-color': '#3b0764',
    });
    return html`<div style=${theme}>
      <emr-medication-list .store=${store} patient-id=${patientId}></emr-medication-list>
    </div>`;
  },
};
