import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { ChartStore } from '../model/index.js';
import '../components/lab-results/emr-lab-results.js';
import {
  chartNotOnDevice,
  emptyChart,
  syntheaChart,
  type StoryChart,
} from './support/story-stores.js';
import { flaggedLabChart, tenYearLabChart } from './support/lab-charts.js';
import { failingStore, importingStore, pendingStore } from '../test/support/stand-in-stores.js';

// <emr-lab-results> in each of its states.

const meta: Meta = { title: 'Components/Lab results', component: 'emr-lab-results' };
export default meta;

type Story = StoryObj;

const results = (store: ChartStore, patientId: string) =>
  html`<emr-lab-results .store=${store} patient-id=${patientId}></emr-lab-results>`;

function onChart(open: () => Promise<StoryChart>): Story {
  return {
    loaders: [async () => ({ chart: await open() })],
    render: (_args, { loaded }) =>
      results((loaded.chart as StoryChart).store, (loaded.chart as StoryChart).patientId),
  };
}

/** Synthea's CBC, metabolic and lipid panels of one patient, grouped by their reports. */
export const SyntheaPanels = onChart(() => syntheaChart('brent'));

/** Results sent without their reports: grouped by LOINC class (Chemistry, Hematology/Cell counts, Urinalysis…), urine colour and odour, whose class the kit does not know, under Other tests. */
export const ByLoincClass = onChart(() => syntheaChart('vito', 'DiagnosticReport'));

/** Coded urinalysis results among the panels. */
export const CodedResults = onChart(() => syntheaChart('vito'));

/** Low, critical, high by interpretation, a bound, coded, absent, and a corrected result (open it for its revisions). */
export const FlagsAndCorrections = onChart(flaggedLabChart);

/** Ten years of monthly panels (12,000 results): only what is on screen is rendered. */
export const TenYears = onChart(tenYearLabChart);

/** A chart with no laboratory results. */
export const Empty = onChart(emptyChart);

/** Nothing of this patient's chart is on this device yet: not "no results recorded". */
export const NotOnThisDevice = onChart(chartNotOnDevice);

/** The chart is being imported here. */
export const LoadingTheChart: Story = { render: () => results(importingStore(), 'importing') };

/** The store has not answered yet. */
export const Pending: Story = { render: () => results(pendingStore(), 'any-patient') };

/** The store fails. */
export const StoreError: Story = {
  render: () => results(failingStore('unavailable', 'IndexedDB is not available'), 'any-patient'),
};

/** No patient chosen. */
export const NoPatient: Story = {
  render: () => html`<emr-lab-results></emr-lab-results>`,
};
