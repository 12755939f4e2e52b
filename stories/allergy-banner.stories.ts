import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { ChartStore } from '../model/index.js';
import '../components/allergy-banner/emr-allergy-banner.js';
import type { AllergyBannerLayout } from '../components/allergy-banner/allergy-banner.js';
import { chartNotOnDevice, syntheaChart, type StoryChart } from './support/story-stores.js';
import { failingStore, importingStore, pendingStore } from '../test/support/stand-in-stores.js';
import { conflictChart, seededChart, storyPatient } from './support/allergy-charts.js';
import {
  allergy,
  longNamedAllergies,
  mixedAllergies,
  noKnownAllergy,
} from '../test/support/charts/allergies.js';

// <emr-allergy-banner> in each of its states, on real local stores (Synthea
// patients and small seeded charts), and on stores that stay pending or fail.

interface Args {
  layout: AllergyBannerLayout;
}

const meta: Meta<Args> = {
  title: 'Components/Allergy banner',
  component: 'emr-allergy-banner',
  args: { layout: 'expanded' },
  argTypes: { layout: { control: 'inline-radio', options: ['expanded', 'compact'] } },
};
export default meta;

type Story = StoryObj<Args>;

const banner = (store: ChartStore, patientId: string, layout: AllergyBannerLayout) =>
  html`<emr-allergy-banner
    .store=${store}
    patient-id=${patientId}
    layout=${layout}
  ></emr-allergy-banner>`;

/** A story on a chart that a loader opens; `layout` fixed when given. */
function onChart(open: () => Promise<StoryChart>, layout?: AllergyBannerLayout): Story {
  return {
    ...(layout && { args: { layout } }),
    loaders: [async () => ({ chart: await open() })],
    render: (args, { loaded }) =>
      banner(
        (loaded.chart as StoryChart).store,
        (loaded.chart as StoryChart).patientId,
        args.layout,
      ),
  };
}

function onStore(store: () => ChartStore, layout?: AllergyBannerLayout): Story {
  return {
    ...(layout && { args: { layout } }),
    render: (args) => banner(store(), 'any-patient', args.layout),
  };
}

const knownChart = () =>
  seededChart('known', storyPatient('story-known', 'Achterberg', 'Joanna'), () =>
    mixedAllergies('story-known'),
  );
const noKnownChart = () =>
  seededChart('no-known', storyPatient('story-nka', 'Nakamura', 'Kenji'), () => [
    noKnownAllergy('story-nka'),
  ]);
const unconfirmedNoKnownChart = () =>
  seededChart(
    'no-known-unconfirmed',
    storyPatient('story-nka-unconfirmed', 'Okonkwo', 'Chidi'),
    () => [
      allergy('story-nka-unconfirmed', 'nka', {
        name: 'No known allergy',
        snomed: '716186003',
        verification: 'unconfirmed',
      }),
    ],
  );
const longNamesChart = () =>
  seededChart('long-names', storyPatient('story-long', 'Oyelaran', 'Titilayo'), () =>
    longNamedAllergies('story-long'),
  );
const offline = () => failingStore('unavailable', 'IndexedDB is not available');

/** Known allergies, most dangerous first; the refuted codeine and the aspirin entered in error are not listed. */
export const KnownAllergies = onChart(knownChart);
export const KnownAllergiesCompact = onChart(knownChart, 'compact');

/** An explicit assertion of no known allergy (SNOMED 716186003). */
export const NoKnownAllergies = onChart(noKnownChart);
export const NoKnownAllergiesCompact = onChart(noKnownChart, 'compact');

/** The same assertion, not confirmed: "No known allergies — unconfirmed", never the confirmed tick or colour. */
export const NoKnownAllergiesUnconfirmed = onChart(unconfirmedNoKnownChart);
export const NoKnownAllergiesUnconfirmedCompact = onChart(unconfirmedNoKnownChart, 'compact');

/** A Synthea patient with no allergy data at all: "not recorded", never "None". */
export const AllergiesNotRecorded = onChart(() => syntheaChart('brent'));
export const AllergiesNotRecordedCompact = onChart(() => syntheaChart('brent'), 'compact');

/** The store fails (e.g. storage disabled): nothing can be said either way. */
export const AllergiesUnavailable = onStore(offline);
export const AllergiesUnavailableCompact = onStore(offline, 'compact');

/** The store works but holds nothing of this patient (offline, never synced): unavailable, not "not recorded". */
export const AllergiesUnavailableNotOnDevice = onChart(chartNotOnDevice);

/** Unavailable while the chart is being imported here: neither "no known allergies" nor "not recorded". */
export const AllergiesUnavailableLoadingTheChart = onStore(importingStore);

/** The store has not answered yet. */
export const Pending = onStore(pendingStore);

/** Two clinicians changed penicillin and ibuprofen at once: both values, who and when, until someone resolves them. */
export const Conflict = onChart(conflictChart);
export const ConflictCompact = onChart(conflictChart, 'compact');

/** Versie Botsford (Synthea) has ten allergies. */
export const LongList = onChart(() => syntheaChart('versie'));
export const LongListCompact = onChart(() => syntheaChart('versie'), 'compact');

/** A narrow column: long names wrap, nothing is cut off. */
export const NarrowWidth: Story = {
  loaders: [async () => ({ chart: await longNamesChart() })],
  render: (_args, { loaded }) => {
    const { store, patientId } = loaded.chart as StoryChart;
    return html`
      <div style="display: grid; gap: 1rem; width: 10rem">
        ${banner(store, patientId, 'compact')} ${banner(store, patientId, 'expanded')}
      </div>
    `;
  },
};

/** A dark theme through the component properties alone. */
export const Themed: Story = {
  loaders: [async () => ({ chart: await knownChart() })],
  render: (args, { loaded }) => {
    const { store, patientId } = loaded.chart as StoryChart;
    const theme = [
      '--emr-allergy-banner-background: #0f172a',
      '--emr-allergy-banner-text-color: #f1f5f9',
      '--emr-allergy-banner-border-color: #94a3b8',
      '--emr-allergy-banner-known-color: #f87171',
      '--emr-allergy-banner-high-color: #fca5a5',
      '--emr-allergy-banner-moderate-color: #fcd34d',
      '--emr-allergy-banner-conflict-color: #c4b5fd',
      '--emr-allergy-banner-focus-color: #93c5fd',
      '--emr-allergy-banner-radius: 0',
    ].join('; ');
    return html`<div style=${theme}>${banner(store, patientId, args.layout)}</div>`;
  },
};

let added = 0;

/** A colleague records an allergy while the banner is open: it appears and the live region announces it. */
export const SyncedFromColleague: Story = {
  loaders: [
    async () => ({
      chart: await seededChart('live', storyPatient('story-live', 'Petrov', 'Irina'), () => [
        mixedAllergies('story-live')[2]!,
      ]),
    }),
  ],
  render: (args, { loaded }) => {
    const { store, patientId } = loaded.chart as StoryChart;
    const record = () =>
      store.record(
        allergy(patientId, `added-${Date.now()}-${added++}`, {
          name: 'Chlorhexidine',
          category: ['medication'],
          criticality: 'high',
          reactions: [{ manifestation: 'Anaphylaxis', severity: 'severe' }],
        }),
      );
    return html`
      ${banner(store, patientId, args.layout)}
      <p>
        <button type="button" @click=${record}>Record chlorhexidine allergy as a colleague</button>
      </p>
    `;
  },
};
