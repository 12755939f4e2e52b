import { expect, waitUntil } from '../../support/testing.js';
import {
  coreDocumentName,
  observationsDocumentName,
  writeBundle,
  type ChartPresence,
} from '../../../model/index.js';
import { importBundle } from '../../../storage/index.js';
import {
  closeTestStores,
  NURSE_BO,
  openTestStore,
  sendDocument,
  valueOf,
} from '../../support/test-stores.js';
import { heartRate, metformin, patient } from '../../support/resources.js';
import { rejection } from '../../support/idb.js';

// Whether a chart is on this device: an empty list cannot say it, so the
// store does, and says when it is arriving.

describe('chart presence', () => {
  afterEach(closeTestStores);

  it('is absent, then importing while an import is written, then present', async () => {
    const store = await openTestStore();
    const seen: ChartPresence[] = [];
    const stop = store
      .chartPresence('pat-1')
      .subscribe({ next: (presence) => seen.push(presence) });
    await waitUntil(() => seen.length === 1, 'no first answer');
    const importing = importBundle(store, writeBundle([patient(), metformin()]));
    await waitUntil(() => seen.includes('importing'), `never importing: ${seen.join(', ')}`);
    await importing;
    await waitUntil(() => seen.at(-1) === 'present', `never present: ${seen.join(', ')}`);
    stop();
    expect(seen).to.deep.equal(['absent', 'importing', 'present']);
    expect(await valueOf(store.chartPresence('pat-2'))).to.equal('absent', 'another patient');
  });

  it('goes back to absent when an import fails while it is written', async () => {
    const store = await openTestStore();
    const seen: ChartPresence[] = [];
    const stop = store
      .chartPresence('pat-1')
      .subscribe({ next: (presence) => seen.push(presence) });
    await waitUntil(() => seen.length === 1, 'no first answer');
    // A valid bundle (an observation's subject is optional in FHIR) that the store refuses: the pulse names no patient.
    const { subject: _subject, ...pulse } = heartRate();
    const error = await rejection(importBundle(store, writeBundle([patient(), pulse])));
    expect(error.code).to.equal('invalid');
    await waitUntil(
      () => seen.at(-1) === 'absent' && seen.length === 3,
      `not absent again: ${seen.join(', ')}`,
    );
    stop();
    expect(seen).to.deep.equal(['absent', 'importing', 'absent']);
  });

  it('becomes present when the chart arrives from another device', async () => {
    const here = await openTestStore();
    const there = await openTestStore(undefined, NURSE_BO);
    await there.record(patient());
    expect(await valueOf(here.chartPresence('pat-1'))).to.equal('absent');
    await sendDocument(there, here, coreDocumentName('pat-1'));
    expect(
      await valueOf(here.chartPresence('pat-1'), (presence) => presence === 'present'),
    ).to.equal('present');
  });

  it('is still absent when only a day of observations has arrived: the chart is its core document', async () => {
    const here = await openTestStore();
    const there = await openTestStore(undefined, NURSE_BO);
    await there.record(patient());
    await there.record(metformin());
    const reading = heartRate('pat-1', 'hr-early', 80, '2024-03-01T08:00:00Z');
    await there.record(reading);
    await sendDocument(there, here, observationsDocumentName('pat-1', '2024-03-01'));
    await waitUntil(
      async () => (await valueOf(here.vitals('pat-1', {}))).length === 1,
      'the day of observations arrived',
    );
    expect(await valueOf(here.chartPresence('pat-1'))).to.equal('absent');
    await sendDocument(there, here, coreDocumentName('pat-1'));
    expect(
      await valueOf(here.chartPresence('pat-1'), (presence) => presence === 'present'),
    ).to.equal('present');
  });
});
