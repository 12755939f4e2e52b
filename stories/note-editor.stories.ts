import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { waitFor } from 'storybook/test';
import type { ChartStore } from '../model/index.js';
import '../components/note-editor/emr-note-editor.js';
import { chartNotOnDevice, type StoryChart } from './support/story-stores.js';
import { failingStore, importingStore, pendingStore } from '../test/support/stand-in-stores.js';
import {
  addendumChart,
  draftChart,
  emptyNoteChart,
  signedChart,
  signedMeanwhileChart,
  tamperedChart,
  twoListingsChart,
} from './support/note-charts.js';
import { READER } from '../test/support/charts/notes.js';

// <emr-note-editor> in each of its states, on real local stores seeded with
// notes (stories/support/note-charts.ts, test/support/charts/notes.ts), and on stores that stay pending or
// fail.

interface Args {
  noteId: string;
  template: string;
  noteType: string;
}

const meta: Meta<Args> = {
  title: 'Components/Note editor',
  component: 'emr-note-editor',
  args: { noteId: 'note-new', template: '', noteType: '' },
  argTypes: {
    template: {
      control: 'select',
      options: ['', 'soap', 'history-and-physical', 'consult', 'discharge', 'procedure'],
    },
    noteType: {
      control: 'select',
      options: ['', '11506-3', '34117-2', '11488-4', '18842-5', '28570-0'],
    },
  },
};
export default meta;

type Story = StoryObj<Args>;

const editor = (store: ChartStore, patientId: string, args: Args) =>
  html`<emr-note-editor
    .store=${store}
    patient-id=${patientId}
    note-id=${args.noteId}
    template=${args.template}
    note-type=${args.noteType}
  ></emr-note-editor>`;

function onChart(open: () => Promise<StoryChart>, args: Partial<Args> = {}): Story {
  return {
    args,
    loaders: [async () => ({ chart: await open() })],
    render: (current, { loaded }) =>
      editor((loaded.chart as StoryChart).store, (loaded.chart as StoryChart).patientId, current),
  };
}

/** A new note: empty, offering the templates. Typing saves on the device and lists the draft. */
export const NewDraft = onChart(emptyNoteChart);

/** A new progress note started from the SOAP template. */
export const WithTemplate = onChart(emptyNoteChart, { noteId: 'note-soap', template: 'soap' });

/** A draft being typed: its text comes from its note document. */
export const Typing = onChart(() => draftChart(), { noteId: 'note-draft' });

/** "Sign note" asks once more: signing cannot be undone, only added to. */
export const ConfirmingSign: Story = {
  ...onChart(() => draftChart(), { noteId: 'note-draft' }),
  play: async ({ canvasElement }) => {
    const root = canvasElement.querySelector('emr-note-editor')!.shadowRoot!;
    await waitFor(
      () => {
        if (!root.querySelector('.ProseMirror')) throw new Error('the draft is not open yet');
      },
      { timeout: 10_000 },
    );
    root.querySelector<HTMLButtonElement>('[data-action="sign"]')!.click();
    await waitFor(() => {
      if (!root.querySelector('[part="confirm-sign"]'))
        throw new Error('the question is not shown yet');
    });
  },
};

/** A signed note: read only, shown from its DocumentReference with the hash checked. */
export const Signed = onChart(signedChart, { noteId: 'note-signed' });

/** A signed note with an addendum, linked below it. */
export const SignedWithAddendum = onChart(addendumChart, { noteId: 'note-signed' });

/** The addendum itself, linked to the note it appends to. */
export const Addendum = onChart(addendumChart, { noteId: 'note-addendum' });

/** A signed note whose stored text no longer matches its hash: a warning, never silence. */
export const HashMismatch = onChart(tamperedChart, { noteId: 'note-tampered' });

/**
 * A colleague signed the note while it was open here, without its last line:
 * what was written here and is not in the signed note stays in view, for an addendum.
 */
export const SignedByColleagueMeanwhile: Story = {
  ...onChart(signedMeanwhileChart, { noteId: 'note-draft' }),
  play: async ({ canvasElement, loaded }) => {
    const editor = canvasElement.querySelector('emr-note-editor')!;
    await waitFor(
      () => {
        if (!editor.shadowRoot?.querySelector('.ProseMirror'))
          throw new Error('the draft is not open yet');
      },
      { timeout: 10_000 },
    );
    await (loaded.chart as Awaited<ReturnType<typeof signedMeanwhileChart>>).colleagueSigns();
    await waitFor(
      () => {
        if (!editor.shadowRoot?.querySelector('[part="unsigned"]'))
          throw new Error('the unsigned text is not shown yet');
      },
      { timeout: 10_000 },
    );
  },
};

/** A new note started on two devices at once: the clinician keeps one listing before signing; nothing is chosen for them. */
export const StartedOnTwoDevices = onChart(twoListingsChart, { noteId: 'note-twice' });

/** A draft seen by a user whose role does not write (a patient): read only. */
export const ReadOnly = onChart(() => draftChart(READER), { noteId: 'note-draft' });

/** The store has not answered yet. */
export const Pending: Story = { render: (args) => editor(pendingStore(), 'any-patient', args) };

/** Nothing of this patient's chart is on this device yet: no note is started until it is. */
export const NotOnThisDevice = onChart(chartNotOnDevice);

/** The chart is being imported here: the editor waits for it. */
export const LoadingTheChart: Story = {
  render: (args) => editor(importingStore(), 'importing', args),
};

/** The store fails (e.g. storage disabled). */
export const StoreError: Story = {
  render: (args) =>
    editor(failingStore('unavailable', 'IndexedDB is not available'), 'any-patient', args),
};
