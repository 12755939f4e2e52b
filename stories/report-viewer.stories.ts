import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { ChartStore } from '../model/index.js';
import '../components/report-viewer/emr-report-viewer.js';
import { reportChart } from './support/report-charts.js';
import { syntheaChart } from './support/story-stores.js';
import { failingStore, pendingStore } from '../test/support/stand-in-stores.js';

interface Loaded {
  store: ChartStore;
  recordKey: string;
}

const meta: Meta = {
  title: 'Elements/Report viewer',
  component: 'emr-report-viewer',
  args: { headingLevel: 2 },
  argTypes: { headingLevel: { control: { type: 'number', min: 1, max: 6 } } },
  render: (args, { loaded }) => {
    const { store, recordKey } = loaded as Loaded;
    return html`<emr-report-viewer
      .store=${store}
      record-key=${recordKey}
      heading-level=${args.headingLevel}
    ></emr-report-viewer>`;
  },
};
export default meta;

type Story = StoryObj;

const fromReports = (recordKey: string) => async () => ({
  store: await reportChart(),
  recordKey,
});

/** A laboratory report: results flagged low by range, high and critically high by interpretation, normal, coded, with no value, and one not on this device. */
export const Laboratory: Story = {
  loaders: [fromReports('DiagnosticReport/lab-1')],
};

/** A radiology report whose HTML carried a script, event handlers, styles, a frame, an image and a javascript: link: all removed. */
export const RadiologySanitisedHtml: Story = {
  loaders: [fromReports('DiagnosticReport/rad-1')],
};

/** A pathology report: plain text decoded as UTF-8, and two PDFs as links. */
export const PathologyTextAndPdf: Story = {
  loaders: [fromReports('DiagnosticReport/path-1')],
};

/** An imaging study: two CT series, 34 images, its viewer as a link. */
export const ImagingStudy: Story = {
  loaders: [fromReports('ImagingStudy/ct-1')],
};

/** A Synthea blood count (11 results). */
export const SyntheaBloodCount: Story = {
  loaders: [
    async () => ({
      store: (await syntheaChart('douglas')).store,
      recordKey: 'DiagnosticReport/7f079ccd-b19e-4a8d-8542-366a807308e0',
    }),
  ],
};

/** A report entered in error: says so, shows nothing else. */
export const EnteredInError: Story = {
  loaders: [fromReports('DiagnosticReport/lab-wrong')],
};

/** A key of a report that is not on this device. */
export const NotFound: Story = {
  loaders: [fromReports('DiagnosticReport/nowhere')],
};

/** The store has not answered yet. */
export const Pending: Story = {
  loaders: [async () => ({ store: pendingStore(), recordKey: 'DiagnosticReport/lab-1' })],
};

/** The store failed. */
export const LoadError: Story = {
  loaders: [
    async () => ({
      store: failingStore('unavailable', 'This browser does not allow the chart to be stored.'),
      recordKey: 'DiagnosticReport/lab-1',
    }),
  ],
};
