import { expect } from '../../support/testing.js';
import { firstValue, type ChartRecord, type Condition } from '../../../model/index.js';
import { importBundle, startChartStore } from '../../../storage/index.js';
import { syntheaText } from '../../support/browser-fixtures.js';
import {
  closeTestStores,
  DR_ADA,
  openTestStore,
  storeWithEmptyChart,
  uniqueDatabaseName,
} from '../../support/test-stores.js';

// Records read by key (chartRecord, chartRecords): a report the timeline
// names, and the observations it lists.

const hypertension: Condition = {
  resourceType: 'Condition',
  id: 'c-1',
  subject: { reference: 'Patient/p-1' },
  code: { text: 'Hypertension' },
};

describe('records by key', () => {
  afterEach(closeTestStores);

  it('reads one record by key, undefined when it is not on the device, and follows its changes', async () => {
    const store = await storeWithEmptyChart('p-1');
    expect(await firstValue(store.chartRecord('Condition/c-1'))).to.equal(undefined);
    const seen: Array<ChartRecord | undefined> = [];
    const stop = store.chartRecord('Condition/c-1').subscribe({ next: (v) => seen.push(v) });
    const first = await store.record(hypertension);
    await firstValue(store.chartRecord('Condition/c-1'), (record) => record !== undefined);
    await store.revise({ ...hypertension, severity: { text: 'Severe' } }, first.revisionId);
    const revised = await firstValue(
      store.chartRecord('Condition/c-1'),
      (record) => (record?.current as Condition | undefined)?.severity?.text === 'Severe',
    );
    expect(revised!.heads).to.have.length(1);
    expect(revised!.key).to.equal('Condition/c-1');
    stop();
    expect(seen[0]).to.equal(undefined);
    expect(seen.at(-1)?.current).to.deep.include({ severity: { text: 'Severe' } });
  });

  it('reads several in the order asked, undefined for each one missing', async () => {
    const store = await openTestStore();
    await importBundle(store, await syntheaText('Douglas_Walsh'));
    const records = await firstValue(
      store.chartRecords([
        'Observation/1c3f0873-bd36-4404-ba40-00277c0d3bc0',
        'Observation/not-here',
        'Observation/c41bbd89-4d9d-4814-817a-710429c0b41c',
      ]),
    );
    expect(records.map((record) => record?.key)).to.deep.equal([
      'Observation/1c3f0873-bd36-4404-ba40-00277c0d3bc0',
      undefined,
      'Observation/c41bbd89-4d9d-4814-817a-710429c0b41c',
    ]);
    expect(records[2]!.current).to.deep.include({
      valueQuantity: {
        value: 6.5166231888323,
        unit: '10*3/uL',
        system: 'http://unitsofmeasure.org',
        code: '10*3/uL',
      },
    });
    expect(await firstValue(store.chartRecords([]))).to.deep.equal([]);
  });

  it('answers alike from a started store', async () => {
    const databaseName = uniqueDatabaseName();
    const writer = await openTestStore(databaseName);
    await writer.record({ resourceType: 'Patient', id: 'p-1' });
    await writer.record(hypertension);
    await writer.close();
    const started = startChartStore({ user: DR_ADA, databaseName });
    try {
      const record = await firstValue(started.chartRecord('Condition/c-1'));
      expect(record?.current).to.deep.include({ code: { text: 'Hypertension' } });
      const both = await firstValue(started.chartRecords(['Patient/p-1', 'Condition/nope']));
      expect(both.map((r) => r?.key)).to.deep.equal(['Patient/p-1', undefined]);
    } finally {
      await started.close();
    }
  });
});
