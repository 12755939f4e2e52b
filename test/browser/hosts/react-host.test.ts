// The React 19 host of test/e2e/hosts/react, rendered by React in Chromium:
// the summary elements show a real store's chart, and a kit event reaches
// the host through React's own event binding (`onemr-medication-discontinue`).
import { createElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { expect, waitUntil } from '../../support/testing.js';
import { closeTestStores } from '../../support/test-stores.js';
import { ChartSummary } from '../../e2e/hosts/react/chart-summary.js';
import type { MedicationDiscontinueDetail } from '../../../components/medication-list/medication-list.events.js';
import { discontinue, hostChart, MEDICATION, PATIENT, summaryShown } from './host-chart.js';

describe('a React 19 host', () => {
  let container: HTMLElement;
  let root: Root;

  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
  });

  afterEach(async () => {
    root.unmount();
    container.remove();
    await closeTestStores();
  });

  it('renders the summary elements with the chart, and hears a kit event through its binding', async () => {
    const store = await hostChart();
    const heard: MedicationDiscontinueDetail[] = [];
    flushSync(() =>
      root.render(
        createElement(ChartSummary, {
          store,
          patientId: PATIENT,
          onDiscontinue: (detail) => heard.push(detail),
        }),
      ),
    );
    // React 19 gave the elements the store as a property and the patient as an attribute.
    const list = container.querySelector('emr-medication-list')!;
    expect(list.store).to.equal(store);
    expect(list.getAttribute('patient-id')).to.equal(PATIENT);
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
