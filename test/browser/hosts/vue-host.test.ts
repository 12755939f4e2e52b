// The Vue 3 host of test/e2e/hosts/vue, mounted by Vue in Chromium: the
// summary elements show a real store's chart, and a kit event reaches the
// host through Vue's own event binding (`@emr-medication-discontinue`).
import type { App } from 'vue';
import { expect, waitUntil } from '../../support/testing.js';
import { closeTestStores } from '../../support/test-stores.js';
import { mountChartSummary } from '../../e2e/hosts/vue/mount.js';
import type { MedicationDiscontinueDetail } from '../../../components/medication-list/medication-list.events.js';
import { discontinue, hostChart, MEDICATION, PATIENT, summaryShown } from './host-chart.js';

describe('a Vue 3 host', () => {
  let container: HTMLElement;
  let app: App | undefined;

  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
  });

  afterEach(async () => {
    app?.unmount();
    container.remove();
    await closeTestStores();
  });

  it('renders the summary elements with the chart, and hears a kit event through its binding', async () => {
    const store = await hostChart();
    const heard: MedicationDiscontinueDetail[] = [];
    app = mountChartSummary(container, { store, patientId: PATIENT }, (detail) =>
      heard.push(detail),
    );
    // Vue gave the elements the store as a property.
    expect(container.querySelector('emr-medication-list')!.store).to.equal(store);
    await summaryShown(container);

    await discontinue(container, 'Kidney function falling');
    await waitUntil(() => heard.length > 0, 'the host heard no emr-medication-discontinue');
    expect(heard).to.have.length(1);
    expect(heard[0]).to.include({
      key: MEDICATION,
      status: 'stopped',
      reason: 'Kidney function falling',
    });
  });
});
