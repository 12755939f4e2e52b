import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { ChartStore } from '../model/index.js';
import '../components/chart-timeline/emr-chart-timeline.js';
import {
  TIMELINE_FILTERS,
  type TimelineFilter,
  type TimelineZoom,
} from '../components/chart-timeline/timeline-filters.js';
import {
  chartNotOnDevice,
  emptyChart,
  syntheaChart,
  type StoryChart,
} from './support/story-stores.js';
import { failingStore, importingStore, pendingStore } from '../test/support/stand-in-stores.js';
import {
  icuTimelineChart,
  timelineChart,
  timelineConflictChart,
  timelineWordsChart,
} from './support/timeline-charts.js';

// <emr-chart-timeline> in each of its states, on real local stores (a
// Synthea patient, small seeded charts, two days of intensive care), and on
// stores that stay pending or fail.

interface Args {
  zoom: TimelineZoom;
  show: TimelineFilter[];
}

const meta: Meta<Args> = {
  title: 'Components/Chart timeline',
  component: 'emr-chart-timeline',
  args: { zoom: 'all', show: [...TIMELINE_FILTERS] },
  argTypes: {
    zoom: { control: 'inline-radio', options: ['day', 'week', 'month', 'year', 'all'] },
    show: { control: 'check', options: [...TIMELINE_FILTERS] },
  },
};
export default meta;

type Story = StoryObj<Args>;

const timeline = (store: ChartStore, patientId: string, args: Args) =>
  html`<emr-chart-timeline
    .store=${store}
    patient-id=${patientId}
    zoom=${args.zoom}
    show=${args.show.join(' ')}
  ></emr-chart-timeline>`;

function onChart(open: () => Promise<StoryChart>, args?: Partial<Args>): Story {
  return {
    ...(args && { args }),
    loaders: [async () => ({ chart: await open() })],
    render: (a, { loaded }) => {
      const chart = loaded.chart as StoryChart;
      return timeline(chart.store, chart.patientId, a);
    },
  };
}

/** Brent Beer (Synthea): yearly visits with their vital signs, immunizations, reports and medications. */
export const SyntheaBrentBeer = onChart(() => syntheaChart('brent'));

/** Vito Feeney (Synthea), vital signs only: the vitals grid's names, units and flags (a blood pressure of 185/115, a BMI of 30.1). */
export const SyntheaVitalSigns = onChart(() => syntheaChart('vito'), { show: ['vital-signs'] });

/** In clinicians' words: a dose change with who made it, a full set with its NEWS2 and band, a signed note's first words and a draft. */
export const InClinicalWords = onChart(timelineWordsChart);

/** A dose change and the medication it changed. */
export const DoseChange = onChart(timelineWordsChart, { show: ['medications'] });

/** One of each kind of entry, in two encounters, with vital-sign sets and an allergy. */
export const Small = onChart(timelineChart);

/** Nothing recorded yet. */
export const Empty = onChart(emptyChart);

/** Nothing of this patient's chart is on this device yet: not "nothing recorded". */
export const NotOnThisDevice = onChart(chartNotOnDevice);

/** The chart is being imported here: loading, not "nothing recorded". */
export const LoadingTheChart: Story = {
  render: (args) => timeline(importingStore(), 'importing', args),
};

/** The store has not answered yet. */
export const Pending: Story = { render: (args) => timeline(pendingStore(), 'any-patient', args) };

/** The store fails (e.g. storage disabled in the browser). */
export const StorageError: Story = {
  name: 'Error',
  render: (args) =>
    timeline(failingStore('unavailable', 'IndexedDB is not available'), 'any-patient', args),
};

/** Two clinicians changed the allergy at once: the entry is marked until someone resolves it. */
export const Conflict = onChart(timelineConflictChart);

/** Vital signs and allergies filtered out: a notice says that allergies are hidden. */
export const Filtered = onChart(timelineChart, {
  show: TIMELINE_FILTERS.filter((f) => f !== 'vital-signs' && f !== 'allergies'),
});

/** The last 24 hours before the newest event, an hour a bar. */
export const ZoomDay = onChart(timelineChart, { zoom: 'day' });

/** The last week. */
export const ZoomWeek = onChart(timelineChart, { zoom: 'week' });

/** The last 30 days. */
export const ZoomMonth = onChart(timelineChart, { zoom: 'month' });

/** The last year. */
export const ZoomYear = onChart(timelineChart, { zoom: 'year' });

/** Everything, from the oldest event. */
export const ZoomAll = onChart(timelineChart, { zoom: 'all' });

/** Two days of intensive care: 20,160 monitor observations, a set a minute; only a window is read and only the rows on screen are drawn. */
export const IntensiveCare = onChart(icuTimelineChart, { zoom: 'day' });

/** The host's theme: global tokens and the timeline's own --emr-chart-timeline-* properties. */
export const Themed: Story = {
  loaders: [async () => ({ chart: await timelineConflictChart() })],
  render: (args, { loaded }) => {
    const chart = loaded.chart as StoryChart;
    const theme = styleMap({
      '--emr-font-family': 'Georgia, "Times New Roman", serif',
      '--emr-color-primary': '#4c1d95',
      '--emr-color-focus': '#4c1d95',
      '--emr-chart-timeline-height': '24rem',
      '--emr-chart-timeline-background': '#faf5ff',
      '--emr-chart-timeline-border-color': '#7c3aed',
      '--emr-chart-timeline-bar-color': '#6d28d9',
      '--emr-chart-timeline-current-color': '#9f1239',
      '--emr-chart-timeline-conflict-color': '#9f1239',
      '--emr-chart-timeline-row-padding': '0.5rem 0.75rem',
    });
    return html`<div style=${theme}>${timeline(chart.store, chart.patientId, args)}</div>`;
  },
};
