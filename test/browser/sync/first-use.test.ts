import { expect, waitUntil } from '../../support/testing.js';
import {
  coreDocumentName,
  writeBundle,
  type ChartRecord,
  type MedicationRequest,
} from '../../../model/index.js';
import { importBundle } from '../../../storage/index.js';
import { closeTestStores, revisionCount, valueOf } from '../../support/test-stores.js';
import { heartRate, metformin, patient, penicillinAllergy } from '../../support/resources.js';
import {
  destroyConnections,
  device,
  LINDQVIST,
  newPatientId,
  OKAFOR,
  synced,
  until,
  type Device,
} from './sync-harness.js';

// Two devices open a chart that neither has yet, at the same moment, through
// the real sync server: each imports the hospital's bundle while the other's
// import arrives. One version of a record is one revision, so nothing shows
// as a conflict; two different changes of it still do.

const headDoses = (record: ChartRecord) =>
  record.heads
    .map(
      (h) =>
        (h.resource as MedicationRequest).dosageInstruction?.[0]?.doseAndRate?.[0]?.doseQuantity
          ?.value,
    )
    .sort();

describe('a new chart opened on two devices at once', function () {
  this.timeout(60_000);
  afterEach(async () => {
    destroyConnections();
    await closeTestStores();
  });

  it('imports on both, merges through the server with no conflict, and still shows a real conflict as one', async () => {
    const pid = newPatientId();
    const bundle = writeBundle([
      patient(pid),
      penicillinAllergy(pid),
      metformin(pid),
      heartRate(pid, 'hr-1', 88, '2024-03-02T08:00:00Z'),
    ]);
    const [ada, erik] = await Promise.all([device(OKAFOR, pid), device(LINDQVIST, pid)]);
    await Promise.all([importBundle(ada.store, bundle), importBundle(erik.store, bundle)]);

    // Each device's core document ends with both imports' copies (three records each).
    const bothCopies = async ({ store }: Device) =>
      revisionCount(await store.openDocument(coreDocumentName(pid))) === 6;
    await waitUntil(() => bothCopies(ada), 'the first device never received the other import', {
      timeout: 15_000,
    });
    await waitUntil(() => bothCopies(erik), 'the second device never received the other import', {
      timeout: 15_000,
    });
    await until(ada.connection, synced, 'the first device did not settle');
    await until(erik.connection, synced, 'the second device did not settle');
    for (const { store } of [ada, erik]) {
      expect(await valueOf(store.conflicts(pid))).to.deep.equal([]);
      const [medication] = await valueOf(store.medications(pid));
      expect(medication!.heads).to.have.length(1);
      expect((await valueOf(store.allergies(pid)))[0]!.heads).to.have.length(1);
      expect(await valueOf(store.vitals(pid))).to.have.length(1);
    }
    const trails = await Promise.all(
      [ada, erik].map(({ store }) => store.history(`MedicationRequest/med-1`)),
    );
    expect(trails[0]).to.have.length(1);
    expect(trails[1], 'the same copy of the one revision on both').to.deep.equal(trails[0]);

    // Two different changes of that one revision, made offline, are a conflict on both.
    const [imported] = await valueOf(ada.store.medications(pid));
    ada.connection.disconnect();
    erik.connection.disconnect();
    await ada.store.revise(metformin(pid, 'med-1', 1000), imported!.heads[0]!.revisionId);
    await erik.store.revise(metformin(pid, 'med-1', 850), imported!.heads[0]!.revisionId);
    ada.connection.connect();
    erik.connection.connect();
    for (const { store } of [ada, erik]) {
      const [conflict] = await valueOf(store.conflicts(pid), (list) => list.length === 1);
      expect(conflict!.key).to.equal('MedicationRequest/med-1');
      expect(headDoses(conflict!)).to.deep.equal([1000, 850]);
    }
  });

  it('two devices that imported different versions of a record offline both reach the server: a conflict on both, nothing refused, the rest of the offline work kept', async () => {
    const pid = newPatientId();
    const rejected: string[] = [];
    const onRejectedRevision = (_doc: string, message: string) => rejected.push(message);
    const [ada, erik] = await Promise.all([
      device(OKAFOR, pid, { onRejectedRevision }),
      device(LINDQVIST, pid, { onRejectedRevision }),
    ]);
    ada.connection.disconnect();
    erik.connection.disconnect();
    // The hospital's record changed between the two devices' imports; neither has the other's.
    await importBundle(ada.store, writeBundle([patient(pid), metformin(pid, 'med-1', 500)]));
    await importBundle(erik.store, writeBundle([patient(pid), metformin(pid, 'med-1', 1000)]));
    // Other work done offline on the second device, which must reach the server too.
    await erik.store.record(penicillinAllergy(pid, 'alg-offline'));
    ada.connection.connect();
    await until(ada.connection, synced, 'the first device did not settle');
    erik.connection.connect();
    await until(erik.connection, synced, 'the second device did not settle (refused?)');
    for (const { store } of [ada, erik]) {
      const [conflict] = await valueOf(store.conflicts(pid), (list) => list.length === 1);
      expect(conflict!.key).to.equal('MedicationRequest/med-1');
      expect(headDoses(conflict!)).to.deep.equal([1000, 500]);
      // The patient, imported alike on both, is one revision.
      expect(await store.history(`Patient/${pid}`)).to.have.length(1);
    }
    const allergies = await valueOf(ada.store.allergies(pid), (list) => list.length === 1);
    expect(allergies[0]!.key).to.equal('AllergyIntolerance/alg-offline');
    expect(erik.connection.state.status).to.equal('synced');
    expect(rejected).to.deep.equal([]);
  });
});
