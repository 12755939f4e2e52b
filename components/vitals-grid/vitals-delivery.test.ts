import { expect, fixture, html, waitUntil as waitFor } from '../../test/support/testing.js';
import { emulateMedia } from '@web/test-runner-commands';
import {
  writeBundle,
  type ChartStore,
  type DeliveryStatusSource,
  type FhirResource,
  type Observation,
} from '../../model/index.js';
import { importBundle, settleDeliveries, type DexieChartStore } from '../../storage/index.js';
import { closeTestStores, openTestStore } from '../../test/support/test-stores.js';
import './emr-vitals-grid.js';
import type { EmrVitalsGrid } from './vitals-grid.js';
import { vitalsObservations, type VitalsEntry } from './vitals-observations.js';
import { PAGE_THAT_DELIVERS } from '../../test/support/delivery-source.js';

// Each set's delivery to the hospital record, from a real store: the sets are
// recorded (which queues their observations in the outbox) and the outbox
// rows marked with what the EHR answered, as the ehr/ delivery does.

const PATIENT = 'pat-delivery';
const HOUR = 3_600_000;
let counter = 0;

const waitUntil = (predicate: () => unknown, message?: string) =>
  waitFor(predicate, message, { timeout: 10_000 });
const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

const NORMAL: VitalsEntry = {
  values: {
    'respiratory-rate': 16,
    'oxygen-saturation': 97,
    'systolic-bp': 120,
    'diastolic-bp': 80,
    'heart-rate': 72,
    temperature: 37,
  },
  onOxygen: false,
  consciousness: 'A',
};

/** A set taken `hoursAgo`, on the hour. */
function set(hoursAgo: number): Observation[] {
  const at = new Date(Math.floor(Date.now() / HOUR - hoursAgo) * HOUR).toISOString();
  return vitalsObservations(NORMAL, PATIENT, at, () => `obs-d-${(counter++).toString(36)}`);
}

/** The patient, as the EHR gave it (nothing to deliver), so the chart is on this device. */
async function chartStore(): Promise<DexieChartStore> {
  const store = await openTestStore();
  await importBundle(
    store,
    writeBundle([{ resourceType: 'Patient', id: PATIENT } as FhirResource]),
  );
  return store;
}

/** The revision ids of a set recorded here. */
async function recorded(store: DexieChartStore, observations: Observation[]): Promise<string[]> {
  return (await store.recordAll(observations)).map((revision) => revision.revisionId);
}

/**
 * Six sets, newest first: all waiting; all sent; all not accepted; one
 * observation refused and the rest sent; all kept here only; all changed in
 * the EHR too.
 */
async function deliveredChart(): Promise<DexieChartStore> {
  const store = await chartStore();
  await recorded(store, set(1));
  const sent = await recorded(store, set(2));
  const notAccepted = await recorded(store, set(3));
  const [refused, ...sentToo] = await recorded(store, set(4));
  const localOnly = await recorded(store, set(5));
  const conflict = await recorded(store, set(6));
  const receipt = { id: 'x', versionId: '1' };
  await settleDeliveries(store, [
    ...[...sent, ...sentToo].map((revisionId) => ({
      revisionId,
      state: 'sent' as const,
      receipt,
    })),
    ...notAccepted.map((revisionId) => ({
      revisionId,
      state: 'not-accepted' as const,
      message: 'unit not allowed',
    })),
    { revisionId: refused!, state: 'refused', message: 'forbidden' },
    ...localOnly.map((revisionId) => ({ revisionId, state: 'local-only' as const })),
    ...conflict.map((revisionId) => ({
      revisionId,
      state: 'conflict' as const,
      message: 'version 3 in the EHR',
    })),
  ]);
  return store;
}

async function grid(
  store: ChartStore,
  delivery: DeliveryStatusSource | null = PAGE_THAT_DELIVERS,
): Promise<EmrVitalsGrid> {
  const el = await fixture<EmrVitalsGrid>(
    html`<emr-vitals-grid
      .store=${store}
      .delivery=${delivery ?? undefined}
      patient-id=${PATIENT}
    ></emr-vitals-grid>`,
  );
  await waitUntil(() => el.shadowRoot!.querySelector('table'), 'no table');
  return el;
}

const deliveryRow = (el: EmrVitalsGrid) => el.shadowRoot!.querySelector('tr.delivery-row');
/** The delivery row's cell of each column, newest first. */
const deliveryCells = (el: EmrVitalsGrid) => [
  ...(deliveryRow(el)?.querySelectorAll('td:not(.trend)') ?? []),
];

describe('<emr-vitals-grid> delivery to the hospital record', () => {
  afterEach(closeTestStores);

  it('says under each set where it stands, in words with an icon, counted when its observations differ', async () => {
    const el = await grid(await deliveredChart());
    await waitUntil(() => deliveryCells(el).length === 6, 'no delivery row');
    const row = deliveryRow(el)!;
    expect(row.getAttribute('part')).to.equal('delivery');
    expect(squash(row.querySelector('th[scope="row"]')!.textContent)).to.equal('Hospital record');
    const cells = deliveryCells(el).map((cell) => squash(cell.textContent));
    expect(cells[0]).to.equal('↑ waiting to send to the hospital record');
    expect(cells[1]).to.equal('–sent, or not changed here');
    expect(cells[2]).to.equal('✗ not accepted by the hospital record: unit not allowed');
    expect(cells[3]).to.match(/^⊘ 1 of \d+ observations: refused by the hospital record$/);
    expect(cells[4]).to.equal('⌂ kept here only (the hospital record does not take it)');
    expect(cells[5]).to.equal('⇄ changed in the hospital record too: choose a version');
    // The icon is decoration: the words say it; a column with nothing to say says so to a screen reader alone.
    const icon = deliveryCells(el)[0]!.querySelector('.delivery-icon')!;
    expect(icon.getAttribute('aria-hidden')).to.equal('true');
    expect(deliveryCells(el)[1]!.querySelector('.visually-hidden')).to.not.equal(null);
    expect(
      deliveryCells(el)[3]!.querySelector('.delivery-note')!.getAttribute('data-delivery'),
    ).to.equal('refused');
    // The row is at the foot, after NEWS2, and its cells line up with the time columns.
    expect(row.previousElementSibling!.classList.contains('news2-row')).to.equal(true);
    expect(row.children.length).to.equal(el.shadowRoot!.querySelector('thead tr')!.children.length);
    await expect(el).to.be.accessible();
  });

  it('follows the store: a set the hospital record takes loses its note, and the row goes with the last one', async () => {
    const store = await chartStore();
    const revisions = await recorded(store, set(1));
    const el = await grid(store);
    await waitUntil(() => deliveryRow(el), 'no delivery row');
    await settleDeliveries(
      store,
      revisions.map((revisionId) => ({
        revisionId,
        state: 'sent',
        receipt: { id: 'x', versionId: '1' },
      })),
    );
    await waitUntil(() => !deliveryRow(el), 'the delivery row stays once everything is sent');
    expect(el.shadowRoot!.querySelector('.news2-row')).to.not.equal(null);
  });

  it('says nothing of the hospital record on a page that delivers nothing (no delivery), then follows one set later', async () => {
    const el = await grid(await deliveredChart(), null);
    expect(deliveryRow(el)).to.equal(null);
    expect(el.shadowRoot!.querySelector('.delivery-note')).to.equal(null);
    el.delivery = PAGE_THAT_DELIVERS;
    await waitUntil(() => deliveryRow(el), 'no delivery row');
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
    const el = await grid(plain);
    expect(deliveryRow(el)).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('frames a problem in high contrast, where colour is gone', async () => {
    const el = await grid(await deliveredChart());
    await waitUntil(() => deliveryCells(el).length === 6, 'no delivery row');
    const words = (column: number) =>
      getComputedStyle(deliveryCells(el)[column]!.querySelector('.delivery-words')!);
    await emulateMedia({ forcedColors: 'active' });
    try {
      expect(words(2).outlineStyle).to.equal('solid'); // not accepted
      expect(words(0).outlineStyle).to.equal('none'); // waiting
    } finally {
      await emulateMedia({ forcedColors: 'none' });
    }
  });
});
