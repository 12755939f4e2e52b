import { firstValue, type ChartUser, type FhirResource } from '../../model/index.js';
import { importBundle, openChartStore, type DexieChartStore } from '../../storage/index.js';

// Stores for stories: the real local store holding a Synthea patient, or an
// empty chart. The stand-ins that stay pending, fail or import for ever are
// shared with the tests (test/support/stand-in-stores.ts).

export const STORY_USER: ChartUser = {
  id: 'u-story',
  displayName: 'Dr Story Teller',
  role: 'clinician',
};

/** The Synthea bundles, copied into the Storybook build under /fixtures/synthea/ (see .storybook/main.ts). */
export const SYNTHEA = {
  versie: 'Versie_Botsford_56121408-15fe-47a5-8279-6f05dee51464.json',
  karena: 'Karena_Pfeffer_1f99a0cb-594b-476a-b9cb-502594c1ee6b.json',
  douglas: 'Douglas_Walsh_aa28eaec-f043-4f55-bc22-a787edb0639e.json',
  vito: 'Vito_Feeney_63dd4423-56ec-4f40-9dd6-82bc133aaddc.json',
  fletcher: 'Fletcher_Hyatt_fe0562b5-f517-4951-8366-32fdab088930.json',
  brent: 'Brent_Beer_7dc94cc0-8c2e-4835-9994-cecbe894bcbf.json',
} as const;

export interface StoryChart {
  store: DexieChartStore;
  patientId: string;
}

const charts = new Map<string, Promise<StoryChart>>();

/**
 * A local store holding one Synthea patient (imported once per browser
 * profile); with `leftOut`, the bundle without the resources of that type,
 * in a store of its own (as an EHR may send a chart, e.g. results without
 * their reports).
 */
export function syntheaChart(
  patient: keyof typeof SYNTHEA,
  leftOut?: FhirResource['resourceType'],
): Promise<StoryChart> {
  const name = leftOut ? `${patient}-without-${leftOut}` : patient;
  let chart = charts.get(name);
  if (!chart) {
    chart = (async () => {
      const store = await openChartStore({
        databaseName: `emr-kit-story-${name}`,
        user: STORY_USER,
      });
      const response = await fetch(`./fixtures/synthea/${SYNTHEA[patient]}`);
      if (!response.ok) throw new Error(`fixture ${SYNTHEA[patient]}: ${response.status}`);
      const bundle = (await response.json()) as { entry: Array<{ resource: FhirResource }> };
      if (leftOut) bundle.entry = bundle.entry.filter((e) => e.resource.resourceType !== leftOut);
      const { patientIds } = await importBundle(store, bundle); // unchanged on a second run
      return { store, patientId: patientIds[0]! };
    })();
    charts.set(name, chart);
  }
  return chart;
}

/** A chart on this device with nothing in it but the patient: every "none recorded" state. */
export async function emptyChart(): Promise<StoryChart> {
  const store = await openChartStore({ databaseName: 'emr-kit-story-empty', user: STORY_USER });
  const patientId = 'story-empty';
  if (!(await firstValue(store.patient(patientId))))
    await store.record({ resourceType: 'Patient', id: patientId });
  return { store, patientId };
}

/** A real local store that holds nothing of this patient's chart: "not on this device yet" (a new device, a viewer's device with no copy). */
export async function chartNotOnDevice(): Promise<StoryChart> {
  const store = await openChartStore({ databaseName: 'emr-kit-story-empty', user: STORY_USER });
  return { store, patientId: 'no-such-patient' };
}
