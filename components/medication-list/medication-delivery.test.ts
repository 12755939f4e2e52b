import { expect, fixture, html, waitUntil as waitFor } from '../../test/support/testing.js';
import type { ChartStore, DeliveryStatusSource } from '../../model/index.js';
import { settleDeliveries, type DexieChartStore } from '../../storage/index.js';
import {
  MEDICATION_PATIENT as PATIENT,
  prescription,
} from '../../test/support/charts/medications.js';
import { closeTestStores, openTestStore } from '../../test/support/test-stores.js';
import './emr-medication-list.js';
import type { EmrMedicationList } from './medication-list.js';
import { PAGE_THAT_DELIVERS } from '../../test/support/delivery-source.js';

// Each medication's delivery to the hospital record, from a real store: the
// changes are recorded (which queues them in the outbox) and the outbox rows
// marked with what the EHR answered, as the ehr/ delivery does.

const waitUntil = (predicate: () => unknown, message?: string) =>
  waitFor(predicate, message, { timeout: 5_000 });

const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
const noteOf = (el: EmrMedicationList, key: string) =>
  el.shadowRoot!.querySelector(`[data-key="${key}"] .delivery-note`);

const DRUGS = ['Metformin', 'Lisinopril', 'Atorvastatin', 'Amlodipine', 'Omeprazole', 'Sertraline'];

/** One medication per delivery state: a (waiting), b (sent), c..f as named. */
async function deliveredChart(): Promise<DexieChartStore> {
  const store = await openTestStore();
  const ids = ['med-a', 'med-b', 'med-c', 'med-d', 'med-e', 'med-f'];
  const revisions = [];
  for (const [i, id] of ids.entries())
    revisions.push(await store.record(prescription(id, DRUGS[i]!, 10, 'mg')));
  const [, sent, notAccepted, refused, localOnly, conflict] = revisions.map((r) => r.revisionId);
  await settleDeliveries(store, [
    { revisionId: sent!, state: 'sent', receipt: { id: 'med-b', versionId: '1' } },
    { revisionId: notAccepted!, state: 'not-accepted', message: 'dose exceeds the maximum' },
    { revisionId: refused!, state: 'refused', message: 'forbidden' },
    { revisionId: localOnly!, state: 'local-only' },
    { revisionId: conflict!, state: 'conflict', message: 'version 3 in the EHR' },
  ]);
  return store;
}

async function list(
  store: ChartStore,
  delivery: DeliveryStatusSource | null = PAGE_THAT_DELIVERS,
): Promise<EmrMedicationList> {
  const el = await fixture<EmrMedicationList>(
    html`<emr-medication-list
      .store=${store}
      .delivery=${delivery ?? undefined}
      patient-id=${PATIENT}
    ></emr-medication-list>`,
  );
  await waitUntil(() => el.shadowRoot!.querySelector('[part="item"]'), 'no medications listed');
  return el;
}

describe('<emr-medication-list> delivery to the hospital record', () => {
  afterEach(closeTestStores);

  it('says where each medication stands, in words with an icon, and nothing once it is sent', async () => {
    const el = await list(await deliveredChart());
    await waitUntil(() => noteOf(el, 'MedicationRequest/med-f'), 'no delivery notes');
    const note = (id: string) => squash(noteOf(el, `MedicationRequest/${id}`)?.textContent);
    expect(note('med-a')).to.equal('↑ waiting to send to the hospital record');
    expect(note('med-b')).to.equal('');
    expect(note('med-c')).to.equal(
      '✗ not accepted by the hospital record: dose exceeds the maximum',
    );
    expect(note('med-d')).to.equal('⊘ refused by the hospital record');
    expect(note('med-e')).to.equal('⌂ kept here only (the hospital record does not take it)');
    expect(note('med-f')).to.equal('⇄ changed in the hospital record too: choose a version');
    // The icon is decoration: the words say it.
    const icon = noteOf(el, 'MedicationRequest/med-a')!.querySelector('.delivery-icon')!;
    expect(icon.getAttribute('aria-hidden')).to.equal('true');
    expect(noteOf(el, 'MedicationRequest/med-c')!.getAttribute('data-delivery')).to.equal(
      'not-accepted',
    );
    await expect(el).to.be.accessible();
  });

  it('follows the store: a change the hospital record takes loses its note', async () => {
    const store = await openTestStore();
    const revision = await store.record(prescription('med-a', 'Metformin', 500, 'mg'));
    const el = await list(store);
    await waitUntil(() => noteOf(el, 'MedicationRequest/med-a'), 'no waiting note');
    await settleDeliveries(store, [
      {
        revisionId: revision.revisionId,
        state: 'sent',
        receipt: { id: 'med-a', versionId: '1' },
      },
    ]);
    await waitUntil(() => !noteOf(el, 'MedicationRequest/med-a'), 'the sent note stays');
    expect(squash(el.shadowRoot!.querySelector('[part="line"]')!.textContent)).to.contain(
      'metFORMIN',
    );
  });

  it('says nothing of the hospital record on a page that delivers nothing (no delivery), then follows one set later', async () => {
    const el = await list(await deliveredChart(), null);
    await waitUntil(
      () => el.shadowRoot!.querySelectorAll('[part="item"]').length === DRUGS.length,
      'not every medication listed',
    );
    expect(el.shadowRoot!.querySelector('.delivery-note')).to.equal(null);
    el.delivery = PAGE_THAT_DELIVERS;
    await waitUntil(() => noteOf(el, 'MedicationRequest/med-a'), 'no delivery notes');
  });

  it('shows no delivery state from a store that does not offer it', async () => {
    const real = await deliveredChart();
    // The same store without the optional query, as a host's own store would be.
    const plain = new Proxy(real, {
      get(target, name) {
        if (name === 'deliveryStates') return undefined;
        const value = Reflect.get(target, name, target) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      },
    }) as ChartStore;
    expect(plain.deliveryStates).to.equal(undefined);
    const el = await list(plain);
    await waitUntil(
      () => el.shadowRoot!.querySelectorAll('[part="item"]').length === DRUGS.length,
      'not every medication listed',
    );
    expect(el.shadowRoot!.querySelector('.delivery-note')).to.equal(null);
    await expect(el).to.be.accessible();
  });
});
