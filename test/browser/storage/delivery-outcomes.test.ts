import { expect } from '../../support/testing.js';
import { coreDocumentName, DELIVERIES, type ResourceKey } from '../../../model/index.js';
import {
  baseVersion,
  ehrIdOf,
  laterRevisions,
  settleDeliveries,
  takeOverDeliveries,
  waitingChanges,
} from '../../../storage/index.js';
import {
  closeTestStores,
  DR_ADA,
  NURSE_BO,
  openTestStore,
  PATIENT_VIEWER,
  sendDocument,
  valueOf,
} from '../../support/test-stores.js';
import { metformin, patient, penicillinAllergy } from '../../support/resources.js';

// What the EHR answered for a revision travels in the chart document with
// it, in real IndexedDB: a colleague's device learns the EHR's id and version
// of a record; a colleague's change the EHR has not answered for waits as
// `elsewhere`, uncounted, until it is taken over or answered; a change
// waiting here is settled by an answer from another device.

const CORE = coreDocumentName('pat-1');
const ALLERGY: ResourceKey = 'AllergyIntolerance/alg-1';
const IN_AN_HOUR = () => new Date(Date.now() + 3_600_000).toISOString();
const AN_HOUR_AGO = () => new Date(Date.now() - 3_600_000).toISOString();

describe('delivery outcomes across devices', () => {
  afterEach(closeTestStores);

  it('an answer written on one device gives another the EHR’s id and version of the record', async () => {
    const ada = await openTestStore(undefined, DR_ADA);
    const bo = await openTestStore(undefined, NURSE_BO);
    await ada.record(patient());
    const created = await ada.record(penicillinAllergy());
    await settleDeliveries(ada, [
      { revisionId: created.revisionId, state: 'sent', receipt: { id: 'ehr-7', versionId: '1' } },
    ]);
    await sendDocument(ada, bo, CORE);
    expect(await ehrIdOf(bo, ALLERGY)).to.equal('ehr-7');
    const [allergy] = await valueOf(bo.allergies('pat-1'), (list) => list.length === 1);
    const revised = await bo.revise(
      { ...allergy!.current, criticality: 'low' },
      allergy!.heads[0]!.revisionId,
    );
    expect(await baseVersion(bo, revised)).to.deep.equal({ id: 'ehr-7', versionId: '1' });
    // Bo's change is his to send; Ada's was answered: nothing of hers waits on his device.
    expect((await waitingChanges(bo)).map(({ row }) => row.revisionId)).to.deep.equal([
      revised.revisionId,
    ]);
  });

  it('a colleague’s unanswered change waits uncounted, is taken over only once older than the time given, and in order', async () => {
    const ada = await openTestStore(undefined, DR_ADA);
    const bo = await openTestStore(undefined, NURSE_BO);
    await ada.record(patient());
    const first = await ada.record(metformin('pat-1', 'med-1', 500));
    const second = await ada.revise(metformin('pat-1', 'med-1', 1000), first.revisionId);
    await sendDocument(ada, bo, CORE);
    await valueOf(bo.medications('pat-1'), (list) => list.length === 1);
    const counts = await valueOf(bo.deliveryCounts());
    expect(Object.values(counts).every((n) => n === 0)).to.equal(true, 'not counted as Bo’s');
    expect(await waitingChanges(bo)).to.have.length(0);

    expect(await takeOverDeliveries(bo, AN_HOUR_AGO())).to.equal(0, 'not yet');
    expect(await takeOverDeliveries(bo, IN_AN_HOUR())).to.equal(3);
    const waiting = await waitingChanges(bo);
    expect(waiting.map(({ row }) => [row.key, row.create, row.madeElsewhere])).to.deep.equal([
      ['Patient/pat-1', true, true],
      ['MedicationRequest/med-1', true, true],
      ['MedicationRequest/med-1', false, true],
    ]);
    expect(waiting.slice(1).map(({ revision }) => revision.revisionId)).to.deep.equal([
      first.revisionId,
      second.revisionId,
    ]);
  });

  it('an answer that arrives drops the colleague’s change from the queue, and settles one waiting here', async () => {
    const ada = await openTestStore(undefined, DR_ADA);
    const bo = await openTestStore(undefined, NURSE_BO);
    await ada.record(patient());
    const allergy = await ada.record(penicillinAllergy());
    await sendDocument(ada, bo, CORE);
    // Bo's device takes the allergy over and the EHR takes it; Ada's device has not sent it yet.
    await takeOverDeliveries(bo, IN_AN_HOUR());
    await settleDeliveries(bo, [
      { revisionId: allergy.revisionId, state: 'sent', receipt: { id: 'ehr-3', versionId: '1' } },
    ]);
    await sendDocument(bo, ada, CORE);
    const states = await valueOf(ada.deliveryStates('pat-1'), (s) => s[ALLERGY]?.state === 'sent');
    expect(states[ALLERGY]!.state).to.equal('sent');
    expect((await waitingChanges(ada)).map(({ row }) => row.key)).to.deep.equal(['Patient/pat-1']);

    // A third device that receives both the change and its answer has nothing to take over.
    const cy = await openTestStore(undefined, NURSE_BO);
    await sendDocument(bo, cy, CORE);
    await valueOf(cy.allergies('pat-1'), (list) => list.length === 1);
    expect(await takeOverDeliveries(cy, IN_AN_HOUR())).to.equal(1, 'only the Patient');
  });

  it('an outcome that does not validate is reported and not kept; a reader cannot take over', async () => {
    const rejected: string[] = [];
    const ada = await openTestStore(undefined, DR_ADA, {
      onRejectedRevision: (_doc, message) => rejected.push(message),
    });
    await ada.record(patient());
    const bo = await openTestStore(undefined, NURSE_BO);
    await sendDocument(ada, bo, CORE);
    const doc = await bo.documents.open(CORE);
    doc.getArray<string>(DELIVERIES).push(['{"revisionId": 1}']);
    await bo.documents.whenSaved();
    await sendDocument(bo, ada, CORE);
    expect(rejected).to.have.length(1);
    expect(rejected[0]).to.match(/delivery outcome revisionId/);
    expect(await ehrIdOf(ada, 'Patient/pat-1')).to.equal(undefined, 'its creation still waits');

    const reader = await openTestStore(undefined, PATIENT_VIEWER);
    const error = await takeOverDeliveries(reader, IN_AN_HOUR()).catch((e: unknown) => e);
    expect((error as { code?: string }).code).to.equal('read-only');
  });

  it('names the revisions of a record made after one, on any device, none pulled from the EHR', async () => {
    const ada = await openTestStore(undefined, DR_ADA);
    await ada.record(patient());
    const first = await ada.record(metformin('pat-1', 'med-1', 500));
    const second = await ada.revise(metformin('pat-1', 'med-1', 1000), first.revisionId);
    const third = await ada.revise(metformin('pat-1', 'med-1', 850), second.revisionId);
    const later = await laterRevisions(ada, first);
    expect(later.map((r) => r.revisionId)).to.deep.equal([second.revisionId, third.revisionId]);
    expect(await laterRevisions(ada, third)).to.deep.equal([]);
  });
});
