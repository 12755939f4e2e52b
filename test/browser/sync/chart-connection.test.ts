import { expect, waitUntil } from '../../support/testing.js';
import type { ChartRecord, MedicationRequest } from '../../../model/index.js';
import { closeTestStores, uniqueDatabaseName, valueOf } from '../../support/test-stores.js';
import { heartRate, metformin, patient, penicillinAllergy } from '../../support/resources.js';
import { listServerDocuments } from '../../../sync/index.js';
import {
  destroyConnections,
  device,
  devToken,
  LINDQVIST,
  newPatientId,
  OKAFOR,
  serverUrl,
  synced,
  until,
} from './sync-harness.js';

// Two devices (two stores on two databases) sharing a chart through the real
// sync server: what one records reaches the other, what is written offline
// goes out on reconnection, and concurrent revisions become a conflict on
// both, which a resolution on one clears on both.

const doseOf = (record: ChartRecord) =>
  (record.current as MedicationRequest).dosageInstruction?.[0]?.doseAndRate?.[0]?.doseQuantity
    ?.value;
const headDoses = (record: ChartRecord) =>
  record.heads
    .map(
      (h) =>
        (h.resource as MedicationRequest).dosageInstruction?.[0]?.doseAndRate?.[0]?.doseQuantity
          ?.value,
    )
    .sort();

describe('chart connection: two devices', function () {
  this.timeout(60_000);
  afterEach(async () => {
    destroyConnections();
    await closeTestStores();
  });

  it('converge: what each device records reaches the other, and each sees the other as present', async () => {
    const pid = newPatientId();
    const ada = await device(OKAFOR, pid);
    await ada.store.record(patient(pid));
    await ada.store.record(penicillinAllergy(pid));
    await until(ada.connection, synced, 'the first device did not sync');

    const erik = await device(LINDQVIST, pid);
    const [allergy] = await valueOf(erik.store.allergies(pid), (list) => list.length === 1);
    expect(allergy!.current.code?.text).to.equal('Penicillin');
    await erik.store.record(metformin(pid));
    const [medication] = await valueOf(ada.store.medications(pid), (list) => list.length === 1);
    expect(doseOf(medication!)).to.equal(500);

    const adaState = await until(
      ada.connection,
      (s) => synced(s) && s.peers.length === 1,
      'the first device did not see the second',
    );
    expect(adaState.peers.map((p) => [p.id, p.name])).to.deep.equal([
      ['dr-lindqvist', 'Dr Erik Lindqvist'],
    ]);
    expect(adaState.peers[0]!.color).to.match(/^#[0-9a-f]{6}$/);
    const erikState = await until(
      erik.connection,
      (s) => synced(s) && s.peers.length === 1,
      'the second device did not see the first',
    );
    expect(erikState.peers.map((p) => p.id)).to.deep.equal(['dr-okafor']);

    // Presence is cleared when a device goes.
    erik.connection.disconnect();
    await until(
      ada.connection,
      (s) => s.peers.length === 0,
      'the first device still saw the second after it went offline',
    );
    expect(
      (
        await until(
          erik.connection,
          (s) => s.status === 'offline',
          'the second device did not go offline',
        )
      ).peers,
    ).to.deep.equal([]);
  });

  it('learn of documents made on another device (a new day of observations) from the server', async () => {
    const pid = newPatientId();
    const ada = await device(OKAFOR, pid);
    const erik = await device(LINDQVIST, pid);
    await ada.store.record(patient(pid));
    await until(erik.connection, synced, 'the second device did not sync');
    await ada.store.record(heartRate(pid, 'hr-1', 88, '2024-03-02T08:00:00Z'));
    // The server lists it (GET /documents): fails at once, saying why, on a server without the listing.
    // The device's state may still read "synced" from before the new document: wait for the server to hold it.
    const listed = async () =>
      listServerDocuments(await serverUrl(), pid, await devToken(LINDQVIST.id, [pid]));
    await waitUntil(
      async () => (await listed()).length === 2,
      'the server never listed the new document',
      { timeout: 15_000 },
    );
    expect(await listed()).to.have.members([
      `emr/${pid}/core`,
      `emr/${pid}/observations/2024-03-02`,
    ]);
    const [reading] = await valueOf(erik.store.vitals(pid), (list) => list.length === 1);
    expect(reading!.current.valueQuantity?.value).to.equal(88);
    expect(await valueOf(erik.store.documentNames(pid), (names) => names.length === 2)).to.include(
      `emr/${pid}/observations/2024-03-02`,
    );
  });

  it('count changes made offline as waiting, and send them on reconnection with nothing lost', async () => {
    const pid = newPatientId();
    const ada = await device(OKAFOR, pid);
    const erik = await device(LINDQVIST, pid);
    await ada.store.record(patient(pid));
    await until(ada.connection, synced, 'the first device did not sync');
    await until(erik.connection, synced, 'the second device did not sync');

    ada.connection.disconnect();
    await until(ada.connection, (s) => s.status === 'offline', 'the device did not go offline');
    await ada.store.record(penicillinAllergy(pid));
    await ada.store.record(metformin(pid));
    const offline = await until(
      ada.connection,
      (s) => s.waiting === 2,
      'the offline changes were not counted',
    );
    expect(offline.status).to.equal('offline');
    expect(await valueOf(erik.store.allergies(pid))).to.deep.equal([]);

    ada.connection.connect();
    await until(
      ada.connection,
      synced,
      'the waiting changes were not confirmed after reconnecting',
    );
    expect(
      (await valueOf(erik.store.allergies(pid), (list) => list.length === 1))[0]!.current.code
        ?.text,
    ).to.equal('Penicillin');
    expect(
      doseOf((await valueOf(erik.store.medications(pid), (list) => list.length === 1))[0]!),
    ).to.equal(500);
    // And the way back, on the same documents.
    const [seen] = await valueOf(erik.store.allergies(pid), (list) => list.length === 1);
    await erik.store.revise(
      { ...penicillinAllergy(pid), criticality: 'low' },
      seen!.heads[0]!.revisionId,
    );
    expect(
      (
        await valueOf(ada.store.allergies(pid), (list) => list[0]?.current.criticality === 'low')
      )[0]!.heads,
    ).to.have.length(1);
  });

  it('still count changes made offline after a reload while offline, with no token to be had, and send them when back', async () => {
    const pid = newPatientId();
    const databaseName = uniqueDatabaseName('sync-reload');
    const ada = await device(OKAFOR, pid, { databaseName });
    const erik = await device(LINDQVIST, pid);
    await ada.store.record(patient(pid));
    await until(ada.connection, synced, 'the first device did not sync');
    expect(
      await valueOf(ada.store.unsentChanges(pid), (unsent) => Object.keys(unsent).length === 0),
    ).to.deep.equal({});

    ada.connection.disconnect();
    await ada.store.record(penicillinAllergy(pid));
    await ada.store.record(heartRate(pid, 'hr-1', 88, '2024-03-02T08:00:00Z'));
    await until(ada.connection, (s) => s.waiting === 2, 'the offline changes were not counted');
    // The page closes.
    ada.connection.destroy();
    await ada.store.close();

    // It opens again, still offline: the token endpoint cannot be reached, so nothing links.
    const reopened = await device(OKAFOR, pid, {
      databaseName,
      token: () => Promise.reject(new TypeError('Failed to fetch')),
    });
    expect(
      await valueOf(
        reopened.store.unsentChanges(pid),
        (unsent) => Object.keys(unsent).length === 2,
      ),
    ).to.deep.equal({
      [`emr/${pid}/core`]: 1,
      [`emr/${pid}/observations/2024-03-02`]: 1,
    });
    const offline = await until(
      reopened.connection,
      (s) => s.waiting === 2,
      'the changes from before the reload were not counted',
    );
    expect(offline.status).to.equal('offline');
    expect(await valueOf(erik.store.allergies(pid))).to.deep.equal([]);
    reopened.connection.destroy();
    await reopened.store.close();

    // Back online: the handshake sends them, the server confirms them, and the count is gone for good.
    const online = await device(OKAFOR, pid, { databaseName });
    await until(online.connection, synced, 'the changes from before the reload were not confirmed');
    expect(
      await valueOf(online.store.unsentChanges(pid), (unsent) => Object.keys(unsent).length === 0),
    ).to.deep.equal({});
    expect(
      (await valueOf(erik.store.allergies(pid), (list) => list.length === 1))[0]!.current.code
        ?.text,
    ).to.equal('Penicillin');
    expect(await valueOf(erik.store.vitals(pid), (list) => list.length === 1)).to.have.length(1);
  });

  it('show a medication revised on both devices offline as a conflict on both, with both values; a resolution on one clears it on both', async () => {
    const pid = newPatientId();
    const ada = await device(OKAFOR, pid);
    const erik = await device(LINDQVIST, pid);
    await ada.store.record(patient(pid));
    const original = await ada.store.record(metformin(pid));
    await valueOf(erik.store.medications(pid), (list) => list.length === 1);

    ada.connection.disconnect();
    erik.connection.disconnect();
    const byAda = await ada.store.revise(metformin(pid, 'med-1', 1000), original.revisionId);
    const byErik = await erik.store.revise(metformin(pid, 'med-1', 850), original.revisionId);
    ada.connection.connect();
    erik.connection.connect();

    for (const { store } of [ada, erik]) {
      const [conflict] = await valueOf(store.conflicts(pid), (list) => list.length === 1);
      expect(conflict!.key).to.equal('MedicationRequest/med-1');
      expect(conflict!.heads.map((h) => h.revisionId).sort()).to.deep.equal(
        [byAda.revisionId, byErik.revisionId].sort(),
      );
      expect(headDoses(conflict!)).to.deep.equal([1000, 850].sort());
    }

    const resolved = await erik.store.resolveConflict(
      metformin(pid, 'med-1', 850),
      [byAda.revisionId, byErik.revisionId],
      { reason: 'checked with pharmacy' },
    );
    for (const { store } of [ada, erik]) {
      expect(await valueOf(store.conflicts(pid), (list) => list.length === 0)).to.deep.equal([]);
      const [medication] = await valueOf(
        store.medications(pid),
        (list) => list[0]?.heads.length === 1,
      );
      expect(medication!.heads[0]!.revisionId).to.equal(resolved.revisionId);
      expect(doseOf(medication!)).to.equal(850);
    }
    await until(ada.connection, synced, 'the first device did not settle');
    await until(erik.connection, synced, 'the second device did not settle');
  });
});
