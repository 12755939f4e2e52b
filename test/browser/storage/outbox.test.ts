import { expect } from '../../support/testing.js';
import { coreDocumentName, writeBundle } from '../../../model/index.js';
import {
  importBundle,
  settleDeliveries,
  waitingChanges,
  type DeliveryCounts,
} from '../../../storage/index.js';
import {
  closeTestStores,
  DR_ADA,
  NURSE_BO,
  openTestStore,
  sendDocument,
  uniqueDatabaseName,
  valueOf,
} from '../../support/test-stores.js';
import { heartRate, metformin, patient, penicillinAllergy } from '../../support/resources.js';

// The outbox of changes for the hospital's EHR, in real IndexedDB: a row for
// each revision made on this device, saved with it; none for a colleague's
// revision that came through sync, nor for a version imported from the EHR;
// kept across a reload; each record's state is its latest change's.

const NONE: DeliveryCounts = {
  waiting: 0,
  sent: 0,
  conflict: 0,
  'not-accepted': 0,
  refused: 0,
  'local-only': 0,
};

describe('the outbox', () => {
  afterEach(closeTestStores);

  it('queues each revision made here, in order, with new records made together as one group', async () => {
    const store = await openTestStore(undefined, DR_ADA);
    await store.record(patient());
    const [allergy, medication] = await store.recordAll([penicillinAllergy(), metformin()]);
    const revised = await store.revise(metformin('pat-1', 'med-1', 1000), medication!.revisionId);
    const waiting = await waitingChanges(store);
    expect(waiting.map(({ row }) => [row.key, row.create, row.state])).to.deep.equal([
      ['Patient/pat-1', true, 'waiting'],
      ['AllergyIntolerance/alg-1', true, 'waiting'],
      ['MedicationRequest/med-1', true, 'waiting'],
      ['MedicationRequest/med-1', false, 'waiting'],
    ]);
    expect(waiting.map(({ revision }) => revision.revisionId)).to.deep.equal([
      waiting[0]!.revision.revisionId,
      allergy!.revisionId,
      medication!.revisionId,
      revised.revisionId,
    ]);
    const groups = waiting.map(({ row }) => row.group);
    expect(groups[1]).to.be.a('string').and.equal(groups[2]);
    expect(groups[0]).to.equal(undefined);
    expect(groups[3]).to.equal(undefined);
    expect(waiting.every(({ row }) => row.doc === coreDocumentName('pat-1'))).to.equal(true);
  });

  it('never queues a colleague’s revision that came through sync, nor a version imported from the EHR', async () => {
    const ada = await openTestStore(undefined, DR_ADA);
    const bo = await openTestStore(undefined, NURSE_BO);
    await ada.record(patient());
    await ada.record(penicillinAllergy());
    await sendDocument(ada, bo, coreDocumentName('pat-1'));
    expect(await valueOf(bo.allergies('pat-1'), (list) => list.length === 1)).to.have.length(1);
    expect(await valueOf(bo.deliveryCounts())).to.deep.equal(NONE);
    expect(await valueOf(ada.deliveryCounts())).to.deep.equal({ ...NONE, waiting: 2 });

    const imported = await openTestStore();
    await importBundle(imported, writeBundle([patient(), heartRate(), metformin()]));
    expect(await valueOf(imported.deliveryCounts())).to.deep.equal(NONE);
    // A change made here on top of an import is queued.
    const [medication] = await valueOf(imported.medications('pat-1'), (list) => list.length === 1);
    await imported.revise(metformin('pat-1', 'med-1', 850), medication!.heads[0]!.revisionId);
    expect(await waitingChanges(imported)).to.have.length(1);
  });

  it('keeps the queue and each record’s state across a reload', async () => {
    const name = uniqueDatabaseName();
    const first = await openTestStore(name);
    await first.record(patient());
    const allergy = await first.record(penicillinAllergy());
    await settleDeliveries(first, [
      {
        revisionId: allergy.revisionId,
        state: 'not-accepted',
        message: 'Unknown substance code',
      },
    ]);
    await first.close();

    const again = await openTestStore(name);
    expect(await valueOf(again.deliveryCounts())).to.deep.equal({
      ...NONE,
      waiting: 1,
      'not-accepted': 1,
    });
    const states = await valueOf(again.deliveryStates('pat-1'));
    expect(states['AllergyIntolerance/alg-1']).to.include({
      state: 'not-accepted',
      message: 'Unknown substance code',
    });
    expect(states['Patient/pat-1']?.state).to.equal('waiting');
    // A later change of the record decides its state again.
    await again.revise({ ...penicillinAllergy(), criticality: 'low' }, allergy.revisionId);
    const later = await valueOf(
      again.deliveryStates('pat-1'),
      (s) => s['AllergyIntolerance/alg-1']?.state === 'waiting',
    );
    expect(later['AllergyIntolerance/alg-1']?.message).to.equal(undefined);
  });
});
