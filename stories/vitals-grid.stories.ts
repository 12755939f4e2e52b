import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { ChartStore, DeliveryCounts, DeliveryStatusSource } from '../model/index.js';
import '../components/vitals-grid/emr-vitals-grid.js';
import {
  chartNotOnDevice,
  emptyChart,
  syntheaChart,
  type StoryChart,
} from './support/story-stores.js';
import { failingStore, importingStore, pendingStore } from '../test/support/stand-in-stores.js';
import {
  childChart,
  conflictChart,
  deliveryChart,
  deterioratingChart,
  diedChart,
  icuDayChart,
  overdueAtNews2Chart,
  overdueChart,
  postpartumChart,
  pregnancyChart,
  readOnlyChart,
  scale2Chart,
} from './support/vitals-charts.js';

// <emr-vitals-grid> in each of its states, on real local stores (Synthea
// patients and small seeded charts), and on stores that stay pending or fail.

interface Args {
  columns: number;
  spo2Scale: 1 | 2;
  overdueMinutes: number;
  postpartumDays: number;
  /** The level of the grid's own "Vital signs" heading; none when unset (the page has its own). */
  headingLevel?: number;
}

const meta: Meta<Args> = {
  title: 'Components/Vitals grid',
  component: 'emr-vitals-grid',
  args: { columns: 8, spo2Scale: 1, overdueMinutes: 240, postpartumDays: 42 },
  argTypes: {
    columns: { control: { type: 'number', min: 1, max: 50 } },
    spo2Scale: { control: 'inline-radio', options: [1, 2] },
    overdueMinutes: { control: { type: 'number', min: 0 } },
    postpartumDays: { control: { type: 'number', min: 0 } },
    headingLevel: { control: { type: 'number', min: 1, max: 6 } },
  },
};
export default meta;

type Story = StoryObj<Args>;

const grid = (store: ChartStore, patientId: string, args: Args, until?: string) =>
  html`<emr-vitals-grid
    .store=${store}
    patient-id=${patientId}
    columns=${args.columns}
    spo2-scale=${args.spo2Scale}
    overdue-minutes=${args.overdueMinutes}
    postpartum-days=${args.postpartumDays}
    heading-level=${args.headingLevel ?? nothing}
    until=${until ?? nothing}
  ></emr-vitals-grid>`;

function onChart(open: () => Promise<StoryChart & { end?: string }>, args?: Partial<Args>): Story {
  return {
    ...(args && { args }),
    loaders: [async () => ({ chart: await open() })],
    render: (a, { loaded }) => {
      const chart = loaded.chart as StoryChart & { end?: string };
      return grid(chart.store, chart.patientId, a, chart.end);
    },
  };
}

/** Polls the grid's shadow root until `find` returns something. */
async function inGrid<T>(
  canvas: HTMLElement,
  find: (root: ShadowRoot) => T | null | undefined,
): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const root = canvas.querySelector('emr-vitals-grid')?.shadowRoot;
    const found = root && find(root);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the vitals grid did not render what the story needs');
}

/** Vito Feeney (Synthea): blood pressure, weight, height and BMI at yearly visits; NEWS2 incomplete (no respiratory rate, SpO₂…). */
export const SyntheaVitoFeeney = onChart(() => syntheaChart('vito'));

/** Brent Beer (Synthea): a small chart of four visits. */
export const SyntheaBrentBeer = onChart(() => syntheaChart('brent'));

/** No vital sign recorded yet: the form is still there to record the first set. */
export const Empty = onChart(emptyChart);

/** Nothing of this patient's chart is on this device yet: not "no vital signs recorded", and no form. */
export const NotOnThisDevice = onChart(chartNotOnDevice);

/** The chart is being imported here: loading, and no form yet. */
export const LoadingTheChart: Story = {
  render: (args) => grid(importingStore(), 'importing', args),
};

/** The store has not answered yet. */
export const Pending: Story = { render: (args) => grid(pendingStore(), 'any-patient', args) };

/** The store fails (e.g. storage disabled in the browser). */
export const StorageError: Story = {
  name: 'Error',
  render: (args) =>
    grid(failingStore('unavailable', 'IndexedDB is not available'), 'any-patient', args),
};

/** Two clinicians corrected the same set at once: both values of each, who made them, and NEWS2 for each version. */
export const Conflict = onChart(conflictChart);

/** Deterioration over six hours, ending in a high-risk column: NEWS2 16, with a 3 in single parameters. */
export const News2HighRisk = onChart(deterioratingChart);

/** With a "Vital signs" heading of its own, at the level of the page's outline it sits in (here h3). */
export const WithHeading = onChart(deterioratingChart, { headingLevel: 3 });

/** The newest set is seven hours old: overdue against the 4-hour default. */
export const Overdue = onChart(overdueChart);

/** The last set scored NEWS2 6 ninety minutes ago: overdue after an hour (RCP Chart 4), though the chart's interval is 4 hours. */
export const OverdueAtNews2 = onChart(overdueAtNews2Chart);

/** A child (under 16): adult ranges and NEWS2 do not apply; only the observation's own interpretation flags a value. */
export const Child = onChart(childChart);

/** A recorded pregnancy: NEWS2 is not for use in pregnancy, so the sets taken during it are not scored. */
export const Pregnant = onChart(pregnancyChart);

/** A pregnancy that ended ten days ago: NEWS2 is not used in the six weeks after one (`postpartum-days`, 42 by default). */
export const Postpartum = onChart(postpartumChart);

/** The patient has died: in place of an overdue marker, no observations are due. */
export const PatientDied = onChart(diedChart);

/** A patient on SpO₂ scale 2 (target 88–92%): 89% on air is in range and scores 0. */
export const Scale2 = onChart(scale2Chart, { spo2Scale: 2 });

/** A day of intensive-care monitoring (2,016 observations), shown up to the end of the stay; only a page is read at a time. */
export const IntensiveCareDay = onChart(icuDayChart, { columns: 12 });

/** A narrow column (a phone, a side panel): labels wrap and the trend column gives way to the newest set. */
export const NarrowWidth: Story = {
  loaders: [async () => ({ chart: await deterioratingChart() })],
  render: (args, { loaded }) => {
    const chart = loaded.chart as StoryChart;
    return html`<div style="width: 20rem">${grid(chart.store, chart.patientId, args)}</div>`;
  },
};

/** The form to record a new set, opened. */
export const FormOpen: Story = {
  ...onChart(deterioratingChart),
  play: async ({ canvasElement }) => {
    const button = await inGrid(canvasElement, (root) =>
      root.querySelector<HTMLButtonElement>('button.record'),
    );
    if (button.getAttribute('aria-expanded') !== 'true') button.click();
  },
};

/** The patient viewing their own chart: a read-only role, with no form. */
export const ReadOnly = onChart(readOnlyChart);

/** The host's theme: global tokens and the grid's own --emr-vitals-grid-* properties. */
export const Themed: Story = {
  loaders: [async () => ({ chart: await deterioratingChart() })],
  render: (args, { loaded }) => {
    const chart = loaded.chart as StoryChart;
    const theme = styleMap({
      '--emr-font-family': 'Georgia, "Times New Roman", serif',
      '--emr-color-primary': '#4c1d95',
      '--emr-color-focus': '#4c1d95',
      '--emr-vitals-grid-header-background': '#ede9fe',
      '--emr-vitals-grid-border-color': '#7c3aed',
      '--emr-vitals-grid-critical-color': '#9f1239',
      '--emr-vitals-grid-abnormal-color': '#92400e',
      '--emr-vitals-grid-trend-color': '#4c1d95',
      '--emr-vitals-grid-cell-padding': '0.5rem 0.75rem',
    });
    return html`<div style=${theme}>${grid(chart.store, chart.patientId, args)}</div>`;
  },
};

/**
 * On a page that gives changes back to the hospital record (a delivery in
 * `deliveryStatusContext`, here set as the `delivery` property): a row at the
 * foot says, under each set not simply sent, where it stands, in words with
 * an icon; a set whose observations differ counts each state.
 */
export const DeliveryToHospitalRecord: Story = {
  loaders: [async () => ({ chart: await deliveryChart() })],
  render: (args, { loaded }) => {
    const { store, patientId } = loaded.chart as StoryChart;
    const delivery: DeliveryStatusSource = {
      status: { link: 'idle', counts: {} as DeliveryCounts },
      subscribe: () => () => {},
    };
    return html`<emr-vitals-grid
      .store=${store}
      .delivery=${delivery}
      patient-id=${patientId}
      columns=${args.columns}
      overdue-minutes="0"
    ></emr-vitals-grid>`;
  },
};
