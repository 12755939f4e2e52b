// What the React and Vue host tests share: one patient's chart in a real
// store (an allergy, a medication, a heart rate), and the way to read the
// summary elements a host rendered and discontinue a medication through them.
import { waitUntil } from '../../support/testing.js';
import { heartRate, metformin, penicillinAllergy } from '../../support/resources.js';
import { storeWithEmptyChart } from '../../support/test-stores.js';
import type { DexieChartStore } from '../../../storage/index.js';

export const PATIENT = 'pat-host';
export const MEDICATION = 'MedicationRequest/med-host';

export async function hostChart(): Promise<DexieChartStore> {
  const store = await storeWithEmptyChart(PATIENT);
  await store.record(penicillinAllergy(PATIENT, 'alg-host'));
  await store.record(metformin(PATIENT, 'med-host'));
  await store.record(heartRate(PATIENT, 'hr-host', 72));
  return store;
}

const text = (node: Element | ShadowRoot | null | undefined) =>
  (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const shadow = (container: Element, tag: string) => {
  const element = container.querySelector(tag);
  if (!element?.shadowRoot) throw new Error(`<${tag}> was not rendered`);
  return element.shadowRoot;
};

/** Waits until the host's three summary elements show the chart's data. */
export async function summaryShown(container: Element): Promise<void> {
  await waitUntil(
    () => text(shadow(container, 'emr-allergy-banner')).includes('Penicillin'),
    'the allergy banner did not show the allergy',
  );
  await waitUntil(
    () =>
      text(shadow(container, 'emr-medication-list').querySelector('[part="line"]')).startsWith(
        'metFORMIN',
      ),
    'the medication list did not show the medication',
  );
  await waitUntil(
    () =>
      [...shadow(container, 'emr-vitals-grid').querySelectorAll('tbody tr')].some(
        (row) => text(row.querySelector('th')).startsWith('Heart rate') && text(row).includes('72'),
      ),
    'the vitals grid did not show the heart rate',
  );
}

/** Discontinues the medication as a clinician does: the button, a reason, save. */
export async function discontinue(container: Element, reason: string): Promise<void> {
  const list = shadow(container, 'emr-medication-list');
  const item = () => list.querySelector<HTMLElement>(`[data-key="${MEDICATION}"]`);
  await waitUntil(() => item()?.querySelector('[data-action="discontinue"]'), 'no Discontinue');
  item()!.querySelector<HTMLButtonElement>('[data-action="discontinue"]')!.click();
  await waitUntil(() => list.querySelector('.form input'), 'no discontinue form');
  const field = list.querySelector<HTMLInputElement>('.form input')!;
  field.value = reason;
  field.dispatchEvent(new Event('input'));
  await waitUntil(() => list.querySelector('.form button[type="submit"]'), 'no save button');
  list.querySelector<HTMLButtonElement>('.form button[type="submit"]')!.click();
}
