import { firstValue, type DeliveryState, type ResourceKey } from '../model/index.js';
import type { DexieChartStore } from '../storage/index.js';
import { openChartView, type ChartView } from './chart-views.js';

// Taking the clinician to a record the hospital EHR did not take (a count of
// problems chosen on <emr-ehr-link>): which record, in which chart, and
// where the portal shows it. The link counts every chart on this device.

/** Where the portal shows each kind of record: the chart view and the kit's element. */
const SHOWN_IN: Record<string, { view: ChartView; element: string }> = {
  MedicationRequest: { view: 'summary', element: 'emr-medication-list' },
  MedicationStatement: { view: 'summary', element: 'emr-medication-list' },
  AllergyIntolerance: { view: 'summary', element: 'emr-allergy-banner' },
  Observation: { view: 'summary', element: 'emr-vitals-grid' },
  DocumentReference: { view: 'notes', element: 'emr-note-list' },
};

export interface RecordInChart {
  patientId: string;
  key: ResourceKey;
}

/** The first record in `state`, looking in the charts in the order given (the open one first). */
export async function recordInState(
  store: DexieChartStore,
  state: DeliveryState,
  patientIds: readonly string[],
): Promise<RecordInChart | undefined> {
  for (const patientId of patientIds) {
    const deliveries = await firstValue(store.deliveryStates(patientId));
    const key = (Object.keys(deliveries) as ResourceKey[]).find(
      (k) => deliveries[k]?.state === state,
    );
    if (key) return { patientId, key };
  }
  return undefined;
}

/** Opens the view that shows the record and scrolls its element into view. */
export async function bringIntoView(chartBody: HTMLElement, key: ResourceKey): Promise<void> {
  const shown = SHOWN_IN[key.slice(0, key.indexOf('/'))];
  if (!shown) return;
  await openChartView(shown.view);
  chartBody.querySelector(shown.element)?.scrollIntoView({ block: 'start' });
}
