import { expect } from '../../support/testing.js';
import {
  writeBundle,
  type ChartRecord,
  type FhirResource,
  type MedicationRequest,
} from '../../../model/index.js';
import { importBundle, type DexieChartStore } from '../../../storage/index.js';
import {
  closeTestStores,
  DR_ADA,
  NURSE_BO,
  openTestStore,
  sendDocument,
  valueOf,
} from '../../support/test-stores.js';
import { heartRate, metformin, patient, penicillinAllergy } from '../../support/resources.js';
import { syntheaText } from '../../support/browser-fixtures.js';

// The same version of a record imported twice — by two devices opening a new
// chart at once, or by two imports running together on one device (a host's
// effect run twice) — is one revision, never a conflict. A different version
// of a record edited here since its last import is a conflict, never an
// overwrite.

const chart = (dose = 500) =>
  writeBundle([patient(), penicillinAllergy(), metformin('pat-1', 'med-1', dose), heartRate()]);
const doseOf = (resource: FhirResource) =>
  (resource as MedicationRequest).dosageInstruction?.[0]?.doseAndRate?.[0]?.doseQuantity?.value;
const headDoses = (record: ChartRecord) => record.heads.map((head) => doseOf(head.resource)).sort();

async function sendAll(
  from: DexieChartStore,
  to: DexieChartStore,
  patientId = 'pat-1',
): Promise<void> {
  for (const name of await from.documents.names(patientId)) await sendDocument(from, to, name);
}

describe('importing a record that is already there', () => {
  afterEach(closeTestStores);

  it('two imports of one bundle running together on one device leave no conflict and one revision per record', async () => {
    const store = await openTestStore();
    const text = await syntheaText('Versie_Botsford');
    const [first, second] = await Promise.all([
      importBundle(store, text),
      importBundle(store, text),
    ]);
    const patientId = first.patientIds[0]!;
    expect(second.patientIds).to.deep.equal([patientId]);
    expect(await valueOf(store.conflicts(patientId))).to.deep.equal([]);
    const allergies = await valueOf(store.allergies(patientId));
    expect(allergies).to.have.length(10);
    expect(allergies.every((record) => record.heads.length === 1)).to.equal(true);
    const history = await store.history(allergies[0]!.key);
    expect(history.map((revision) => revision.reason)).to.deep.equal(
      ['imported'],
      'one revision, not two identical ones',
    );
  });

  it('two devices importing one new chart at once merge into one revision per record, the same on both', async () => {
    const ada = await openTestStore(undefined, DR_ADA);
    const bo = await openTestStore(undefined, NURSE_BO);
    await Promise.all([importBundle(ada, chart()), importBundle(bo, chart())]);
    await sendAll(ada, bo);
    await sendAll(bo, ada);
    const trails = [];
    for (const store of [ada, bo]) {
      expect(await valueOf(store.conflicts('pat-1'))).to.deep.equal([]);
      const [medication] = await valueOf(store.medications('pat-1'));
      expect(medication!.heads).to.have.length(1);
      expect(await valueOf(store.vitals('pat-1'))).to.have.length(1);
      trails.push(await store.history('MedicationRequest/med-1'));
    }
    expect(trails[0]).to.have.length(1);
    expect(trails[1], 'both devices keep the same copy of the one revision').to.deep.equal(
      trails[0],
    );
  });

  it('a real conflict stays one: two devices that imported one chart change one dose differently', async () => {
    const ada = await openTestStore(undefined, DR_ADA);
    const bo = await openTestStore(undefined, NURSE_BO);
    await Promise.all([importBundle(ada, chart()), importBundle(bo, chart())]);
    const [imported] = await valueOf(ada.medications('pat-1'));
    await ada.revise(metformin('pat-1', 'med-1', 1000), imported!.heads[0]!.revisionId);
    await bo.revise(metformin('pat-1', 'med-1', 850), imported!.heads[0]!.revisionId);
    await sendAll(ada, bo);
    await sendAll(bo, ada);
    for (const store of [ada, bo]) {
      const conflicts = await valueOf(store.conflicts('pat-1'));
      expect(conflicts.map((record) => record.key)).to.deep.equal(['MedicationRequest/med-1']);
      expect(headDoses(conflicts[0]!)).to.deep.equal([1000, 850]);
    }
  });

  it('the same version again, after a change made here, leaves the change as it is', async () => {
    const store = await openTestStore();
    await importBundle(store, chart());
    const [imported] = await valueOf(store.medications('pat-1'));
    const changed = await store.revise(
      metformin('pat-1', 'med-1', 1000),
      imported!.heads[0]!.revisionId,
    );
    const again = await importBundle(store, chart());
    expect(again.unchanged).to.equal(4);
    const [medication] = await valueOf(store.medications('pat-1'));
    expect(medication!.heads.map((head) => head.revisionId)).to.deep.equal([changed.revisionId]);
  });

  it('a new version replaces the one imported before when nobody changed it here', async () => {
    const store = await openTestStore();
    await importBundle(store, chart(500));
    await importBundle(store, chart(750));
    const [medication] = await valueOf(store.medications('pat-1'));
    expect(headDoses(medication!)).to.deep.equal([750]);
    expect(await valueOf(store.conflicts('pat-1'))).to.deep.equal([]);
  });

  it('a new version of a record changed here since its import is a conflict, not an overwrite', async () => {
    const store = await openTestStore();
    await importBundle(store, chart(500));
    const [imported] = await valueOf(store.medications('pat-1'));
    await store.revise(metformin('pat-1', 'med-1', 1000), imported!.heads[0]!.revisionId);
    const summary = await importBundle(store, chart(750));
    expect(summary.unchanged).to.equal(3);
    const [medication] = await valueOf(store.medications('pat-1'));
    expect(headDoses(medication!)).to.deep.equal([1000, 750]);
    expect((await valueOf(store.conflicts('pat-1'))).map((record) => record.key)).to.deep.equal([
      'MedicationRequest/med-1',
    ]);
    expect(
      (await store.history('MedicationRequest/med-1')).map((revision) => doseOf(revision.resource)),
      'oldest first',
    ).to.deep.equal([500, 1000, 750]);
  });

  it('two devices importing the same new version after the same first one agree on it', async () => {
    const ada = await openTestStore(undefined, DR_ADA);
    const bo = await openTestStore(undefined, NURSE_BO);
    await importBundle(ada, chart(500));
    await sendAll(ada, bo);
    await Promise.all([importBundle(ada, chart(750)), importBundle(bo, chart(750))]);
    await sendAll(ada, bo);
    await sendAll(bo, ada);
    for (const store of [ada, bo]) {
      expect(await valueOf(store.conflicts('pat-1'))).to.deep.equal([]);
      const [medication] = await valueOf(store.medications('pat-1'));
      expect(headDoses(medication!)).to.deep.equal([750]);
    }
  });

  it('counts a record whose fields come in another order as unchanged', async () => {
    const store = await openTestStore();
    await importBundle(store, chart());
    const { dosageInstruction, ...rest } = metformin();
    const reordered = writeBundle([
      patient(),
      penicillinAllergy(),
      { dosageInstruction, ...rest } as MedicationRequest,
      heartRate(),
    ]);
    expect((await importBundle(store, reordered)).unchanged).to.equal(4);
  });

  it('the same import on one device and in the log of another converges on the copy made first', async () => {
    const bo = await openTestStore(undefined, NURSE_BO);
    await importBundle(bo, chart());
    const ada = await openTestStore(undefined, DR_ADA);
    await importBundle(ada, chart());
    // Each has its own copy of each revision; both end with Bo's, made first.
    await sendAll(ada, bo);
    await sendAll(bo, ada);
    const [fromBo] = await bo.history('MedicationRequest/med-1');
    expect(fromBo!.author.id).to.equal(NURSE_BO.id);
    expect(await ada.history('MedicationRequest/med-1')).to.deep.equal([fromBo]);
    const [medication] = await valueOf(ada.medications('pat-1'));
    expect(medication!.heads).to.deep.equal([fromBo]);
  });
});
