// Two clinicians' devices sharing a chart through the real sync server, each
// giving its changes back to the demo EHR: what the EHR answered syncs with
// the change, so the colleague's next change is checked against it and
// nobody sends a change twice; and a device that disappears mid-drain does
// not leave its change outside the hospital record: a colleague's device
// takes the delivery over after the time the host set, and the EHR holds it
// once.
import { expect, waitUntil } from '../../support/testing.js';
import {
  bearerToken,
  deliverChanges,
  KIT_RECORD_SYSTEM,
  type DeliveryAllowance,
} from '../../../ehr/index.js';
import type { FhirResource, MedicationRequest, ResourceKey } from '../../../model/index.js';
import { valueOf } from '../../support/test-stores.js';
import { demoEhr, type LoggedRequest } from '../../support/ehr.js';
import {
  deliveryTestbed,
  pulledMedication,
  readFromEhr,
  recordingFetch,
  settled,
  until,
  withDose,
  WRITE_SCOPE,
  type SentRequest,
} from '../../support/delivery.js';
import {
  destroyConnections,
  device,
  LINDQVIST,
  OKAFOR,
  synced,
  until as syncedUntil,
} from '../sync/sync-harness.js';
import { uniqueDatabaseName } from '../../support/test-stores.js';
import { baseVersion, type DexieChartStore } from '../../../storage/index.js';

const ORDERS: DeliveryAllowance = { MedicationRequest: ['create', 'update'] };
const bed = deliveryTestbed({ allow: ORDERS });
afterEach(() => destroyConnections());

/** The i-th smallest patient of the demo EHR, with a write token: each test its own chart on the shared sync server. */
async function patient(i: number): Promise<{ patientId: string; token: string }> {
  const patientId = [...bed.ehr.patients].sort((a, b) => a.size - b.size)[i]!.id;
  return { patientId, token: (await demoEhr.token(patientId, WRITE_SCOPE)).access_token };
}

/** The medication order as the store holds it, once `accept` says so. */
async function order(
  store: DexieChartStore,
  patientId: string,
  key: string,
  accept: (medication: MedicationRequest) => boolean = () => true,
) {
  const list = await valueOf(store.medications(patientId), (records) =>
    records.some((r) => r.key === key && accept(r.current as MedicationRequest)),
  );
  const record = list.find((r) => r.key === key)!;
  return { current: record.current as MedicationRequest, head: record.heads[0]!.revisionId };
}

/** The EHR version a change made from revision `parent` of the record would be checked against, as a device knows it now. */
async function versionBuiltOn(store: DexieChartStore, parent: string, key: string) {
  const probe = {
    revisionId: 'probe',
    key: key as ResourceKey,
    parents: [parent],
    author: { id: store.user.id, displayName: store.user.displayName, role: store.user.role },
    at: new Date().toISOString(),
    resource: { resourceType: 'MedicationRequest' } as FhirResource,
  };
  return (await baseVersion(store, probe))?.versionId;
}

const dose = (medication: MedicationRequest) => medication.dosageInstruction?.[0]?.text;
const putsTo = (requests: LoggedRequest[], id: string) =>
  requests.filter((r) => r.method === 'PUT' && r.path.includes(`/MedicationRequest/${id}`));

describe('deliverChanges on two devices sharing a chart', () => {
  it('a change delivered by the device that made it: its answer syncs, the colleague’s next change is checked against it, and nothing is sent twice', async function () {
    this.timeout(90_000);
    const { patientId, token } = await patient(0);
    const ada = await device(OKAFOR, patientId);
    const erik = await device(LINDQVIST, patientId);
    const pulled = await pulledMedication(ada.store, bed.ehr.fhirBaseUrl, token, patientId);
    const pulledVersion = pulled.current.meta!.versionId!;
    const id = pulled.current.id!;
    const from = (await demoEhr.requests()).length;
    const options = bed.options({ auth: bearerToken(token), takeOverAfterMs: 60_000 });
    const adaSends = deliverChanges(ada.store, options);
    const erikSent: SentRequest[] = [];
    const erikSends = deliverChanges(erik.store, { ...options, fetch: recordingFetch(erikSent) });

    const seen = await order(erik.store, patientId, pulled.key);
    await ada.store.revise(withDose(pulled.current, '10 mg daily'), pulled.heads[0]!.revisionId);
    await until(adaSends, (s) => settled(s) && s.counts.sent === 1);
    // Erik's device has Ada's change, then the EHR's answer for it: a change made from hers is checked against the version it made.
    const changed = await order(
      erik.store,
      patientId,
      pulled.key,
      (m) => dose(m) === '10 mg daily',
    );
    expect(changed.head).to.not.equal(seen.head);
    await waitUntil(
      async () => (await versionBuiltOn(erik.store, changed.head, pulled.key)) !== pulledVersion,
      'the EHR’s answer for Ada’s change reached Erik’s device',
    );
    await erik.store.revise(withDose(changed.current, '20 mg daily'), changed.head);
    await until(erikSends, (s) => settled(s) && s.counts.sent === 1);
    adaSends.stop();
    erikSends.stop();

    // Checked against the version Ada's change made: no 412, no conflict.
    const held = await readFromEhr<MedicationRequest>(
      bed.ehr.fhirBaseUrl,
      token,
      `MedicationRequest/${id}`,
    );
    expect(dose(held)).to.equal('20 mg daily');
    const history = await readFromEhr<{ entry: Array<{ resource: MedicationRequest }> }>(
      bed.ehr.fhirBaseUrl,
      token,
      `MedicationRequest/${id}/_history`,
    );
    const adas = history.entry.find((e) => dose(e.resource) === '10 mg daily')!.resource;
    const erikPut = erikSent.find((r) => r.method === 'PUT')!;
    expect(erikPut.headers['if-match']).to.equal(`W/"${adas.meta!.versionId!}"`);
    expect(erikSends.status.counts.conflict).to.equal(0);
    const puts = putsTo(await demoEhr.requests(from), id);
    expect(puts.map((r) => r.status)).to.deep.equal([200, 200], 'one PUT from each device');
  });

  it('a record created by a colleague’s device, changed on this one: the update keeps the identifier the kit created it under, so a repeated create finds it', async function () {
    this.timeout(90_000);
    const { patientId, token } = await patient(4);
    const ada = await device(OKAFOR, patientId);
    const erik = await device(LINDQVIST, patientId);
    const pulled = await pulledMedication(ada.store, bed.ehr.fhirBaseUrl, token, patientId);
    const { id: _id, meta: _meta, ...rest } = withDose(pulled.current, '5 mg daily');
    const made = await ada.store.record<MedicationRequest>({ ...rest, id: crypto.randomUUID() });
    const options = bed.options({ auth: bearerToken(token) });
    const adaSends = deliverChanges(ada.store, options);
    await until(adaSends, (s) => settled(s) && s.counts.sent === 1);
    adaSends.stop();

    const seen = await order(erik.store, patientId, made.key);
    await waitUntil(
      async () => (await versionBuiltOn(erik.store, seen.head, made.key)) !== undefined,
      'the EHR’s answer for Ada’s creation reached Erik’s device',
    );
    await erik.store.revise(withDose(seen.current, '15 mg daily'), seen.head);
    const erikSends = deliverChanges(erik.store, options);
    await until(erikSends, (s) => settled(s) && s.counts.sent === 1);
    erikSends.stop();

    const found = await readFromEhr<{ entry?: Array<{ resource: MedicationRequest }> }>(
      bed.ehr.fhirBaseUrl,
      token,
      `MedicationRequest?identifier=${encodeURIComponent(`${KIT_RECORD_SYSTEM}|${made.resource.id}`)}`,
    );
    expect(found.entry, 'found by the kit’s identifier after the update').to.have.length(1);
    expect(dose(found.entry![0]!.resource)).to.equal('15 mg daily');
  });

  it('a device that disappears mid-drain: a colleague’s device takes the delivery over after the time set, the EHR holds the change once, and the first device, back, sends nothing', async function () {
    this.timeout(120_000);
    const { patientId, token } = await patient(1);
    const adaDatabase = uniqueDatabaseName('ada');
    const ada = await device(OKAFOR, patientId, { databaseName: adaDatabase });
    const erik = await device(LINDQVIST, patientId);
    const pulled = await pulledMedication(ada.store, bed.ehr.fhirBaseUrl, token, patientId);
    const id = pulled.current.id!;
    await order(erik.store, patientId, pulled.key);
    const from = (await demoEhr.requests()).length;
    const options = bed.options({ auth: bearerToken(token) });

    // Ada's device sends the change; the EHR is slow to answer, and her tablet breaks meanwhile.
    await demoEhr.delay(1_500);
    const adaSends = deliverChanges(ada.store, options);
    await ada.store.revise(withDose(pulled.current, '5 mg at night'), pulled.heads[0]!.revisionId);
    await syncedUntil(ada.connection, synced, 'Ada’s change reached the sync server');
    await waitUntil(
      async () => putsTo(await demoEhr.requests(from), id).length === 1,
      'Ada’s PUT reached the EHR',
    );
    adaSends.stop();
    ada.connection.destroy();
    await ada.store.close();

    // Erik's device, told to take over what waits unanswered for a second, does.
    const erikSends = deliverChanges(erik.store, { ...options, takeOverAfterMs: 1_000 });
    await order(erik.store, patientId, pulled.key, (m) => dose(m) === '5 mg at night');
    await until(erikSends, (s) => s.counts.sent === 1 && settled(s));
    await demoEhr.delay(0);
    expect(erikSends.status.counts.conflict).to.equal(0, 'no conflict invented');

    const history = await readFromEhr<{ entry: Array<{ resource: MedicationRequest }> }>(
      bed.ehr.fhirBaseUrl,
      token,
      `MedicationRequest/${id}/_history`,
    );
    const doses = history.entry.map((e) => dose(e.resource));
    expect(doses.filter((d) => d === '5 mg at night')).to.have.length(1, 'the EHR holds it once');

    // Ada's tablet, repaired, learns from the sync server that the change arrived, and sends nothing.
    const back = await device(OKAFOR, patientId, { databaseName: adaDatabase });
    await valueOf(
      back.store.deliveryStates(patientId),
      (states) => states[pulled.key as ResourceKey]?.state === 'sent',
    );
    const before = (await demoEhr.requests()).length;
    const adaAgain = deliverChanges(back.store, options);
    await until(adaAgain, (s) => settled(s) && s.counts.sent === 1);
    adaAgain.stop();
    erikSends.stop();
    expect(putsTo(await demoEhr.requests(before), id)).to.have.length(0);
  });

  it('a colleague’s change made before the answer for the change it builds on reached their device: it goes over the version that change made, no conflict', async function () {
    this.timeout(90_000);
    const { patientId, token } = await patient(2);
    const ada = await device(OKAFOR, patientId);
    const erik = await device(LINDQVIST, patientId);
    const pulled = await pulledMedication(ada.store, bed.ehr.fhirBaseUrl, token, patientId);
    const id = pulled.current.id!;
    await order(erik.store, patientId, pulled.key);
    const options = bed.options({ auth: bearerToken(token) });

    await ada.store.revise(withDose(pulled.current, '10 mg daily'), pulled.heads[0]!.revisionId);
    const changed = await order(
      erik.store,
      patientId,
      pulled.key,
      (m) => dose(m) === '10 mg daily',
    );
    // Erik's device loses the sync server; it still reaches the EHR.
    erik.connection.destroy();
    await erik.store.revise(withDose(changed.current, '20 mg daily'), changed.head);
    const from = (await demoEhr.requests()).length;
    const adaSends = deliverChanges(ada.store, options);
    await until(adaSends, (s) => settled(s) && s.counts.sent === 1);
    const erikSends = deliverChanges(erik.store, options);
    const answered = await until(
      erikSends,
      (s) => settled(s) && s.counts.sent + s.counts.conflict > 0,
    );
    adaSends.stop();
    erikSends.stop();

    expect(answered.counts.conflict).to.equal(0, 'no conflict invented');
    expect(answered.counts.sent).to.equal(1);
    const held = await readFromEhr<MedicationRequest>(
      bed.ehr.fhirBaseUrl,
      token,
      `MedicationRequest/${id}`,
    );
    expect(dose(held)).to.equal('20 mg daily');
    // Erik's first PUT met Ada's version (412); it read it, found the version it was made from, and went over it.
    const puts = putsTo(await demoEhr.requests(from), id);
    expect(puts.map((r) => r.status)).to.deep.equal([200, 412, 200]);
  });
});
